CREATE TABLE "agenda_attendees" (
	"id" uuid PRIMARY KEY NOT NULL,
	"agenda_item_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"basis" varchar(16) NOT NULL,
	"registered_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agenda_item_units" (
	"agenda_item_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"is_submitting" boolean DEFAULT false NOT NULL,
	CONSTRAINT "agenda_item_units_agenda_item_id_unit_id_pk" PRIMARY KEY("agenda_item_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "agenda_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"meeting_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"title" text NOT NULL,
	"summary" text,
	"submitting_unit_id" uuid NOT NULL,
	"responsible_leader_id" uuid NOT NULL,
	"signed_off_at" timestamp with time zone,
	"signed_off_by" uuid,
	"record" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agenda_materials" (
	"id" uuid PRIMARY KEY NOT NULL,
	"agenda_item_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" varchar(64) NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"uploaded_by_name" text NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL,
	"is_late" boolean NOT NULL,
	"late_reason" text,
	"late_decision" varchar(16),
	"decided_by" uuid,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "meeting_counters" (
	"government_unit_id" uuid NOT NULL,
	"type" varchar(32) NOT NULL,
	"year" integer NOT NULL,
	"last_seq" integer NOT NULL,
	CONSTRAINT "meeting_counters_government_unit_id_type_year_pk" PRIMARY KEY("government_unit_id","type","year")
);
--> statement-breakpoint
CREATE TABLE "meeting_decisions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"meeting_id" uuid NOT NULL,
	"agenda_item_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"text" text NOT NULL,
	"needs_action" boolean NOT NULL,
	"lead_unit_id" uuid,
	"cooperating_unit_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"deadline" date,
	"document_title" text,
	"document_deadline" date,
	"task_id" uuid,
	"document_task_id" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_leaders" (
	"meeting_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"attendance" varchar(16) NOT NULL,
	"note" text,
	"position" smallint NOT NULL,
	CONSTRAINT "meeting_leaders_meeting_id_person_id_pk" PRIMARY KEY("meeting_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "meeting_minutes" (
	"meeting_id" uuid PRIMARY KEY NOT NULL,
	"document_number" text NOT NULL,
	"preamble" text,
	"status" varchar(16) NOT NULL,
	"issued_by" uuid,
	"issued_by_name" text,
	"issued_at" timestamp with time zone,
	"sha256" varchar(64),
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_types" (
	"code" varchar(32) PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"materials_working_days" smallint DEFAULT 3 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"position" smallint DEFAULT 100 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"government_unit_id" uuid NOT NULL,
	"type" varchar(32) NOT NULL,
	"year" integer NOT NULL,
	"seq" integer NOT NULL,
	"title" text NOT NULL,
	"held_on" date NOT NULL,
	"start_time" varchar(5),
	"location" text,
	"materials_working_days" smallint NOT NULL,
	"materials_due_on" date NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agenda_attendees" ADD CONSTRAINT "agenda_attendees_agenda_item_id_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_attendees" ADD CONSTRAINT "agenda_attendees_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_attendees" ADD CONSTRAINT "agenda_attendees_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_item_units" ADD CONSTRAINT "agenda_item_units_agenda_item_id_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_item_units" ADD CONSTRAINT "agenda_item_units_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_submitting_unit_id_units_id_fk" FOREIGN KEY ("submitting_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_responsible_leader_id_persons_id_fk" FOREIGN KEY ("responsible_leader_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_materials" ADD CONSTRAINT "agenda_materials_agenda_item_id_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_counters" ADD CONSTRAINT "meeting_counters_government_unit_id_units_id_fk" FOREIGN KEY ("government_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_decisions" ADD CONSTRAINT "meeting_decisions_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_decisions" ADD CONSTRAINT "meeting_decisions_agenda_item_id_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_decisions" ADD CONSTRAINT "meeting_decisions_lead_unit_id_units_id_fk" FOREIGN KEY ("lead_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_decisions" ADD CONSTRAINT "meeting_decisions_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_decisions" ADD CONSTRAINT "meeting_decisions_document_task_id_tasks_id_fk" FOREIGN KEY ("document_task_id") REFERENCES "public"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_leaders" ADD CONSTRAINT "meeting_leaders_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_leaders" ADD CONSTRAINT "meeting_leaders_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_minutes" ADD CONSTRAINT "meeting_minutes_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_government_unit_id_units_id_fk" FOREIGN KEY ("government_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_type_meeting_types_code_fk" FOREIGN KEY ("type") REFERENCES "public"."meeting_types"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "agenda_attendees_person_idx" ON "agenda_attendees" USING btree ("agenda_item_id","person_id");--> statement-breakpoint
CREATE INDEX "agenda_item_units_unit_idx" ON "agenda_item_units" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "agenda_items_position_idx" ON "agenda_items" USING btree ("meeting_id","position");--> statement-breakpoint
CREATE INDEX "agenda_materials_item_idx" ON "agenda_materials" USING btree ("agenda_item_id");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_decisions_position_idx" ON "meeting_decisions" USING btree ("agenda_item_id","position");--> statement-breakpoint
CREATE INDEX "meeting_decisions_meeting_idx" ON "meeting_decisions" USING btree ("meeting_id");--> statement-breakpoint
CREATE UNIQUE INDEX "meetings_number_idx" ON "meetings" USING btree ("government_unit_id","type","year","seq");--> statement-breakpoint
CREATE INDEX "meetings_government_held_idx" ON "meetings" USING btree ("government_unit_id","held_on");--> statement-breakpoint
-- The three meeting types of the 2015 opinion; the system administrator adds others as rows.
INSERT INTO "meeting_types" ("code", "name_zh", "name_en", "materials_working_days", "position") VALUES
	('executive', '政府常务会议', 'Executive meeting of the government', 3, 10),
	('thematic', '专题会议', 'Thematic meeting', 2, 20),
	('plenary', '政府全体会议', 'Plenary meeting of the government', 5, 30)
ON CONFLICT ("code") DO NOTHING;
--> statement-breakpoint
-- A meeting decision's 文件制发时限 is supervised as its own item from this source (registered as data, like any).
INSERT INTO "task_deadline_defaults" ("source", "name_zh", "name_en", "short_code", "active", "position", "working_days") VALUES
	('meeting_document', '会议决定文件制发', 'Follow-up document of a meeting decision', '会文', true, 15, 15)
ON CONFLICT ("source") DO NOTHING;
--> statement-breakpoint
-- Issued minutes never change: the service answers 409 MEETING_MINUTES_ISSUED, and the database refuses too.
CREATE FUNCTION luoshi_meeting_minutes_issued_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'issued' THEN
    RAISE EXCEPTION 'issued meeting minutes are immutable' USING ERRCODE = 'check_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER meeting_minutes_issued_guard BEFORE UPDATE OR DELETE ON "meeting_minutes"
	FOR EACH ROW EXECUTE FUNCTION luoshi_meeting_minutes_issued_guard();
