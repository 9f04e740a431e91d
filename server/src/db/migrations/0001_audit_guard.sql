-- The audit log is append-only (等保 8.1.4.3 c): no UPDATE, no TRUNCATE, and DELETE only by the retention purge,
-- only for events older than 180 days (网络安全法 §21). The app's database role additionally lacks the grants.
CREATE OR REPLACE FUNCTION luoshi_audit_events_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE'
     AND current_setting('luoshi.audit_purge', true) = 'on'
     AND OLD.occurred_at < now() - interval '180 days' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION luoshi_audit_events_guard();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION luoshi_audit_events_no_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only: TRUNCATE refused' USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION luoshi_audit_events_no_truncate();
--> statement-breakpoint
-- Retention purge: runs with the owner's rights (SECURITY DEFINER) so the app role never holds DELETE on the log.
-- Before deleting a shard's old events it records the last one as the shard's anchor, so verification can still
-- check the link of the first surviving event.
CREATE OR REPLACE FUNCTION luoshi_purge_audit_events(cutoff timestamptz) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  total integer := 0;
  deleted integer;
  r record;
BEGIN
  IF cutoff > now() - interval '180 days' THEN
    RAISE EXCEPTION 'audit retention under 180 days refused' USING ERRCODE = 'check_violation';
  END IF;
  PERFORM set_config('luoshi.audit_purge', 'on', true);
  FOR r IN
    SELECT chain_shard AS shard, max(chain_seq) AS seq FROM audit_events WHERE occurred_at < cutoff GROUP BY chain_shard
  LOOP
    INSERT INTO audit_chain_anchors (shard, seq, hash, purged_at, purged_count)
      SELECT e.chain_shard, e.chain_seq, e.hash, now(), 0 FROM audit_events e
      WHERE e.chain_shard = r.shard AND e.chain_seq = r.seq
      ON CONFLICT (shard) DO UPDATE SET seq = EXCLUDED.seq, hash = EXCLUDED.hash, purged_at = EXCLUDED.purged_at;
    DELETE FROM audit_events WHERE chain_shard = r.shard AND chain_seq <= r.seq;
    GET DIAGNOSTICS deleted = ROW_COUNT;
    UPDATE audit_chain_anchors SET purged_count = purged_count + deleted WHERE shard = r.shard;
    total := total + deleted;
  END LOOP;
  PERFORM set_config('luoshi.audit_purge', 'off', true);
  RETURN total;
END $$;
