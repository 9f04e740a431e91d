CREATE TABLE "ledger_views" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"query" jsonb NOT NULL,
	"columns" jsonb,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "task_milestones" (
	"id" uuid PRIMARY KEY NOT NULL,
	"task_id" uuid NOT NULL,
	"title" text NOT NULL,
	"goal" text,
	"planned_date" date NOT NULL,
	"planned_percent" smallint NOT NULL,
	"responsible_unit_id" uuid,
	"responsible_person_id" uuid,
	"reached_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "task_deadline_defaults" ADD COLUMN "sign_for_working_days" integer DEFAULT 2 NOT NULL;--> statement-breakpoint
ALTER TABLE "task_deadline_defaults" ADD COLUMN "yellow_working_days" integer DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE "task_deadline_defaults" ADD COLUMN "yellow_elapsed_percent" integer DEFAULT 90 NOT NULL;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "parent_id" uuid;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "depth" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "rollup_mode" varchar(16);--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "weight" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "progress_percent" smallint;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "last_report_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "warning_level" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "warning_reasons" jsonb;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "warning_on" date;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "pending_change" varchar(16);--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "suspended_from" varchar(32);--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "suspended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "ledger_views" ADD CONSTRAINT "ledger_views_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_milestones" ADD CONSTRAINT "task_milestones_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_milestones" ADD CONSTRAINT "task_milestones_responsible_unit_id_units_id_fk" FOREIGN KEY ("responsible_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_milestones" ADD CONSTRAINT "task_milestones_responsible_person_id_persons_id_fk" FOREIGN KEY ("responsible_person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_views_user_name_uq" ON "ledger_views" USING btree ("user_id","name");--> statement-breakpoint
CREATE INDEX "task_milestones_task_idx" ON "task_milestones" USING btree ("task_id","planned_date");--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_parent_id_tasks_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "tasks_parent_idx" ON "tasks" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "tasks_deadline_idx" ON "tasks" USING btree ("deadline","id");--> statement-breakpoint
CREATE INDEX "tasks_warning_idx" ON "tasks" USING btree ("warning_level","deadline");--> statement-breakpoint
CREATE INDEX "tasks_leader_idx" ON "tasks" USING btree ("responsible_leader_id");