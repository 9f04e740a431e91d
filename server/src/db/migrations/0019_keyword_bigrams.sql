-- Issue 12: two-character keywords. Every pair of adjacent characters of the text (lower-cased, none with white
-- space) as a text-search lexeme: a keyword's pairs are all among a text's pairs when the text contains it, so the
-- GIN index below finds a superset of the matches and the ledger's LIKE test keeps the exact ones.
CREATE FUNCTION luoshi_bigrams(p_text text) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_to_tsvector(array_agg(DISTINCT g)), ''::tsvector)
  FROM (
    SELECT substr(x.s, i, 2) AS g FROM (SELECT lower(p_text) AS s) x, generate_series(1, char_length(x.s) - 1) i
  ) pairs
  WHERE g !~ '\s'
$$;
--> statement-breakpoint
CREATE INDEX "tasks_search_bigrams_idx" ON "tasks" USING gin (luoshi_bigrams("title" || ' ' || "serial_number" || ' ' || "content"));
