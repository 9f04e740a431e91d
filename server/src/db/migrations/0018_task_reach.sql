CREATE TABLE "task_reach" (
	"unit_id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	"source" varchar(32) NOT NULL,
	"status" varchar(32) NOT NULL,
	"warning_level" smallint NOT NULL,
	"top_level" boolean NOT NULL,
	"deadline" date,
	"created_at" timestamp with time zone NOT NULL,
	"serial_year" smallint NOT NULL,
	"serial_seq" integer NOT NULL,
	CONSTRAINT "task_reach_task_id_unit_id_pk" PRIMARY KEY("task_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "task_tallies" (
	"kind" varchar(16) NOT NULL,
	"unit_id" uuid NOT NULL,
	"source" varchar(32) DEFAULT '' NOT NULL,
	"status" varchar(32) DEFAULT '' NOT NULL,
	"warning_level" smallint DEFAULT 0 NOT NULL,
	"top_level" boolean DEFAULT false NOT NULL,
	"month" varchar(7) DEFAULT '' NOT NULL,
	"n" integer NOT NULL
);
--> statement-breakpoint
-- Issue 12: every scope is an index path. See server/src/db/schema/task-reach.ts for what these hold and why.
-- The ids on a unit's materialised path '/root/…/own/' — the unit and every ancestor.
CREATE FUNCTION luoshi_path_units(p_path text) RETURNS uuid[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT string_to_array(trim(both '/' from p_path), '/')::uuid[]
$$;
--> statement-breakpoint
-- 'YYYY-MM' of an instant in Asia/Shanghai (UTC+8 all year), as the cockpit's month figures count it.
CREATE FUNCTION luoshi_shanghai_month(p_at timestamptz) RETURNS varchar LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT to_char((p_at AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY-MM')
$$;
--> statement-breakpoint
-- A lead unit and every unit above it: the cockpit's tallies are kept under each, so any scope reads its own rows.
CREATE FUNCTION luoshi_unit_and_ancestors(p_unit uuid) RETURNS SETOF uuid LANGUAGE sql STABLE AS $$
  SELECT unnest(luoshi_path_units(path)) FROM units WHERE id = p_unit
$$;
--> statement-breakpoint
-- The (unit, item) pairs of a set of items: every ancestor-or-self of the supervising, lead and cooperating units.
CREATE FUNCTION luoshi_reach_of(p_ids uuid[]) RETURNS TABLE (unit_id uuid, task_id uuid) LANGUAGE sql STABLE AS $$
  SELECT unnest(luoshi_path_units(u.path)), t.id FROM tasks t JOIN units u ON u.id = t.supervising_unit_id WHERE t.id = ANY (p_ids)
  UNION
  SELECT unnest(luoshi_path_units(u.path)), t.id FROM tasks t JOIN units u ON u.id = t.lead_unit_id WHERE t.id = ANY (p_ids)
  UNION
  SELECT unnest(luoshi_path_units(u.path)), c.task_id FROM task_cooperations c JOIN units u ON u.id = c.unit_id WHERE c.task_id = ANY (p_ids)
$$;
--> statement-breakpoint
-- Brings the reach rows of these items in line with their units and cooperating units (rows kept where nothing
-- changed, so the tallies see only the difference).
CREATE FUNCTION luoshi_reach_resync(p_ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(cardinality(p_ids), 0) = 0 THEN RETURN; END IF;
  DELETE FROM task_reach r WHERE r.task_id = ANY (p_ids)
    AND NOT EXISTS (SELECT 1 FROM luoshi_reach_of(p_ids) w WHERE w.task_id = r.task_id AND w.unit_id = r.unit_id);
  INSERT INTO task_reach (unit_id, task_id, source, status, warning_level, top_level, deadline, created_at, serial_year, serial_seq)
    SELECT w.unit_id, t.id, t.source, t.status, t.warning_level, t.parent_id IS NULL, t.deadline, t.created_at, t.serial_year, t.serial_seq
    FROM luoshi_reach_of(p_ids) w JOIN tasks t ON t.id = w.task_id
    ON CONFLICT (task_id, unit_id) DO NOTHING;
END $$;
--> statement-breakpoint
-- Rebuilds both tables from the items (after a bulk load with triggers off, or to repair): exact by construction.
CREATE FUNCTION luoshi_rebuild_task_reach() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  ALTER TABLE task_reach DISABLE TRIGGER USER;
  DELETE FROM task_reach;
  DELETE FROM task_tallies;
  INSERT INTO task_reach (unit_id, task_id, source, status, warning_level, top_level, deadline, created_at, serial_year, serial_seq)
    SELECT r.unit_id, t.id, t.source, t.status, t.warning_level, t.parent_id IS NULL, t.deadline, t.created_at, t.serial_year, t.serial_seq
    FROM (
      SELECT unnest(luoshi_path_units(u.path)) AS unit_id, t.id AS task_id FROM tasks t JOIN units u ON u.id = t.supervising_unit_id
      UNION
      SELECT unnest(luoshi_path_units(u.path)), t.id FROM tasks t JOIN units u ON u.id = t.lead_unit_id
      UNION
      SELECT unnest(luoshi_path_units(u.path)), c.task_id FROM task_cooperations c JOIN units u ON u.id = c.unit_id
    ) r JOIN tasks t ON t.id = r.task_id;
  ALTER TABLE task_reach ENABLE TRIGGER USER;
  INSERT INTO task_tallies (kind, unit_id, source, status, warning_level, top_level, n)
    SELECT 'reach', unit_id, source, status, warning_level, top_level, count(*) FROM task_reach GROUP BY 2, 3, 4, 5, 6;
  INSERT INTO task_tallies (kind, unit_id, status, warning_level, n)
    SELECT 'lead', a.u, status, warning_level, count(*) FROM tasks CROSS JOIN LATERAL luoshi_unit_and_ancestors(lead_unit_id) a(u) GROUP BY 2, 3, 4;
  INSERT INTO task_tallies (kind, unit_id, month, n)
    SELECT 'assigned', a.u, luoshi_shanghai_month(assigned_at), count(*) FROM tasks CROSS JOIN LATERAL luoshi_unit_and_ancestors(lead_unit_id) a(u)
      WHERE assigned_at IS NOT NULL GROUP BY 2, 3;
  INSERT INTO task_tallies (kind, unit_id, month, n)
    SELECT 'completed', a.u, luoshi_shanghai_month(completed_at), count(*) FROM tasks CROSS JOIN LATERAL luoshi_unit_and_ancestors(lead_unit_id) a(u)
      WHERE completed_at IS NOT NULL GROUP BY 2, 3;
END $$;
--> statement-breakpoint
-- Folds the deltas into one row per key. Concurrent writers only insert, and rows they have not committed yet are
-- not seen by the DELETE, so nothing is counted twice or lost.
CREATE FUNCTION luoshi_compact_task_tallies() RETURNS integer LANGUAGE plpgsql AS $$
DECLARE folded integer;
BEGIN
  WITH gone AS (DELETE FROM task_tallies RETURNING *),
  kept AS (
    INSERT INTO task_tallies (kind, unit_id, source, status, warning_level, top_level, month, n)
    SELECT kind, unit_id, source, status, warning_level, top_level, month, sum(n) FROM gone
    GROUP BY kind, unit_id, source, status, warning_level, top_level, month HAVING sum(n) <> 0
    ORDER BY unit_id, kind -- a unit's rows end up side by side, so reading them touches few pages
    RETURNING 1
  )
  SELECT (SELECT count(*) FROM gone) - (SELECT count(*) FROM kept) INTO folded;
  RETURN folded;
END $$;
--> statement-breakpoint
CREATE FUNCTION luoshi_tasks_reach_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO task_reach (unit_id, task_id, source, status, warning_level, top_level, deadline, created_at, serial_year, serial_seq)
      SELECT DISTINCT x.unit_id, n.id, n.source, n.status, n.warning_level, n.parent_id IS NULL, n.deadline, n.created_at, n.serial_year, n.serial_seq
      FROM new_rows n CROSS JOIN LATERAL (
        SELECT unnest(luoshi_path_units(u.path)) AS unit_id FROM units u WHERE u.id IN (n.supervising_unit_id, n.lead_unit_id)
        UNION
        SELECT unnest(luoshi_path_units(u.path)) FROM task_cooperations c JOIN units u ON u.id = c.unit_id WHERE c.task_id = n.id
      ) x
      ON CONFLICT (task_id, unit_id) DO NOTHING;
    INSERT INTO task_tallies (kind, unit_id, status, warning_level, n)
      SELECT 'lead', a.u, status, warning_level, count(*) FROM new_rows CROSS JOIN LATERAL luoshi_unit_and_ancestors(lead_unit_id) a(u) GROUP BY 2, 3, 4;
    INSERT INTO task_tallies (kind, unit_id, month, n)
      SELECT 'assigned', a.u, luoshi_shanghai_month(assigned_at), count(*) FROM new_rows CROSS JOIN LATERAL luoshi_unit_and_ancestors(lead_unit_id) a(u)
      WHERE assigned_at IS NOT NULL GROUP BY 2, 3;
    INSERT INTO task_tallies (kind, unit_id, month, n)
      SELECT 'completed', a.u, luoshi_shanghai_month(completed_at), count(*) FROM new_rows CROSS JOIN LATERAL luoshi_unit_and_ancestors(lead_unit_id) a(u)
      WHERE completed_at IS NOT NULL GROUP BY 2, 3;
  ELSIF TG_OP = 'UPDATE' THEN
    UPDATE task_reach r SET source = n.source, status = n.status, warning_level = n.warning_level, top_level = n.parent_id IS NULL,
        deadline = n.deadline, created_at = n.created_at, serial_year = n.serial_year, serial_seq = n.serial_seq
      FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE r.task_id = n.id
        AND (o.source, o.status, o.warning_level, o.parent_id IS NULL, o.deadline, o.created_at, o.serial_year, o.serial_seq)
          IS DISTINCT FROM (n.source, n.status, n.warning_level, n.parent_id IS NULL, n.deadline, n.created_at, n.serial_year, n.serial_seq);
    PERFORM luoshi_reach_resync(ARRAY(
      SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE (o.supervising_unit_id, o.lead_unit_id) IS DISTINCT FROM (n.supervising_unit_id, n.lead_unit_id)));
    INSERT INTO task_tallies (kind, unit_id, status, warning_level, n)
      SELECT 'lead', a.u, d.status, d.warning_level, sum(d.n) FROM (
        SELECT o.lead_unit_id AS unit_id, o.status, o.warning_level, -1 AS n FROM old_rows o JOIN new_rows n ON n.id = o.id
          WHERE (o.lead_unit_id, o.status, o.warning_level) IS DISTINCT FROM (n.lead_unit_id, n.status, n.warning_level)
        UNION ALL
        SELECT n.lead_unit_id, n.status, n.warning_level, 1 FROM old_rows o JOIN new_rows n ON n.id = o.id
          WHERE (o.lead_unit_id, o.status, o.warning_level) IS DISTINCT FROM (n.lead_unit_id, n.status, n.warning_level)
      ) d CROSS JOIN LATERAL luoshi_unit_and_ancestors(d.unit_id) a(u) GROUP BY 2, 3, 4 HAVING sum(d.n) <> 0;
    INSERT INTO task_tallies (kind, unit_id, month, n)
      SELECT d.kind, a.u, d.month, sum(d.n) FROM (
        SELECT 'assigned' AS kind, o.lead_unit_id AS unit_id, luoshi_shanghai_month(o.assigned_at) AS month, -1 AS n
          FROM old_rows o JOIN new_rows n ON n.id = o.id
          WHERE o.assigned_at IS NOT NULL AND (o.lead_unit_id, luoshi_shanghai_month(o.assigned_at)) IS DISTINCT FROM (n.lead_unit_id, luoshi_shanghai_month(n.assigned_at))
        UNION ALL
        SELECT 'assigned', n.lead_unit_id, luoshi_shanghai_month(n.assigned_at), 1
          FROM old_rows o JOIN new_rows n ON n.id = o.id
          WHERE n.assigned_at IS NOT NULL AND (o.lead_unit_id, luoshi_shanghai_month(o.assigned_at)) IS DISTINCT FROM (n.lead_unit_id, luoshi_shanghai_month(n.assigned_at))
        UNION ALL
        SELECT 'completed', o.lead_unit_id, luoshi_shanghai_month(o.completed_at), -1
          FROM old_rows o JOIN new_rows n ON n.id = o.id
          WHERE o.completed_at IS NOT NULL AND (o.lead_unit_id, luoshi_shanghai_month(o.completed_at)) IS DISTINCT FROM (n.lead_unit_id, luoshi_shanghai_month(n.completed_at))
        UNION ALL
        SELECT 'completed', n.lead_unit_id, luoshi_shanghai_month(n.completed_at), 1
          FROM old_rows o JOIN new_rows n ON n.id = o.id
          WHERE n.completed_at IS NOT NULL AND (o.lead_unit_id, luoshi_shanghai_month(o.completed_at)) IS DISTINCT FROM (n.lead_unit_id, luoshi_shanghai_month(n.completed_at))
      ) d CROSS JOIN LATERAL luoshi_unit_and_ancestors(d.unit_id) a(u) GROUP BY 1, 2, 3 HAVING sum(d.n) <> 0;
  ELSE
    INSERT INTO task_tallies (kind, unit_id, status, warning_level, n)
      SELECT 'lead', a.u, status, warning_level, -count(*) FROM old_rows CROSS JOIN LATERAL luoshi_unit_and_ancestors(lead_unit_id) a(u) GROUP BY 2, 3, 4;
    INSERT INTO task_tallies (kind, unit_id, month, n)
      SELECT 'assigned', a.u, luoshi_shanghai_month(assigned_at), -count(*) FROM old_rows CROSS JOIN LATERAL luoshi_unit_and_ancestors(lead_unit_id) a(u)
      WHERE assigned_at IS NOT NULL GROUP BY 2, 3;
    INSERT INTO task_tallies (kind, unit_id, month, n)
      SELECT 'completed', a.u, luoshi_shanghai_month(completed_at), -count(*) FROM old_rows CROSS JOIN LATERAL luoshi_unit_and_ancestors(lead_unit_id) a(u)
      WHERE completed_at IS NOT NULL GROUP BY 2, 3;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION luoshi_reach_tally_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO task_tallies (kind, unit_id, source, status, warning_level, top_level, n)
      SELECT 'reach', unit_id, source, status, warning_level, top_level, count(*) FROM new_rows GROUP BY 2, 3, 4, 5, 6;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO task_tallies (kind, unit_id, source, status, warning_level, top_level, n)
      SELECT 'reach', unit_id, source, status, warning_level, top_level, -count(*) FROM old_rows GROUP BY 2, 3, 4, 5, 6;
  ELSE
    INSERT INTO task_tallies (kind, unit_id, source, status, warning_level, top_level, n)
      SELECT 'reach', d.unit_id, d.source, d.status, d.warning_level, d.top_level, sum(d.n) FROM (
        SELECT o.unit_id, o.source, o.status, o.warning_level, o.top_level, -1 AS n FROM old_rows o
        UNION ALL
        SELECT n.unit_id, n.source, n.status, n.warning_level, n.top_level, 1 FROM new_rows n
      ) d GROUP BY 2, 3, 4, 5, 6 HAVING sum(d.n) <> 0;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION luoshi_cooperations_reach_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM luoshi_reach_resync(ARRAY(SELECT DISTINCT task_id FROM new_rows));
  ELSE
    PERFORM luoshi_reach_resync(ARRAY(SELECT DISTINCT task_id FROM old_rows));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
SELECT luoshi_rebuild_task_reach();
--> statement-breakpoint
ALTER TABLE "task_reach" ADD CONSTRAINT "task_reach_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "task_reach_deadline_idx" ON "task_reach" USING btree ("unit_id","deadline","task_id");--> statement-breakpoint
CREATE INDEX "task_reach_warning_idx" ON "task_reach" USING btree ("unit_id","warning_level","deadline","task_id");--> statement-breakpoint
CREATE INDEX "task_reach_created_idx" ON "task_reach" USING btree ("unit_id","created_at","task_id");--> statement-breakpoint
CREATE INDEX "task_reach_serial_idx" ON "task_reach" USING btree ("unit_id","serial_year","serial_seq","task_id");--> statement-breakpoint
CREATE INDEX "task_tallies_unit_idx" ON "task_tallies" USING btree ("unit_id","kind");
--> statement-breakpoint
CREATE TRIGGER tasks_reach_insert AFTER INSERT ON tasks REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION luoshi_tasks_reach_trigger();
--> statement-breakpoint
CREATE TRIGGER tasks_reach_update AFTER UPDATE ON tasks REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION luoshi_tasks_reach_trigger();
--> statement-breakpoint
CREATE TRIGGER tasks_reach_delete AFTER DELETE ON tasks REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION luoshi_tasks_reach_trigger();
--> statement-breakpoint
CREATE TRIGGER task_reach_tally_insert AFTER INSERT ON task_reach REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION luoshi_reach_tally_trigger();
--> statement-breakpoint
CREATE TRIGGER task_reach_tally_update AFTER UPDATE ON task_reach REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION luoshi_reach_tally_trigger();
--> statement-breakpoint
CREATE TRIGGER task_reach_tally_delete AFTER DELETE ON task_reach REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION luoshi_reach_tally_trigger();
--> statement-breakpoint
CREATE TRIGGER task_cooperations_reach_insert AFTER INSERT ON task_cooperations REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION luoshi_cooperations_reach_trigger();
--> statement-breakpoint
CREATE TRIGGER task_cooperations_reach_delete AFTER DELETE ON task_cooperations REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION luoshi_cooperations_reach_trigger();
