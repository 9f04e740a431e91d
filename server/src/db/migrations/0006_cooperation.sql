CREATE TABLE "coordination_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"task_id" uuid NOT NULL,
	"raised_by_unit_id" uuid NOT NULL,
	"raised_by" uuid NOT NULL,
	"raised_at" timestamp with time zone NOT NULL,
	"subject" text NOT NULL,
	"detail" text NOT NULL,
	"attempts" jsonb NOT NULL,
	"status" varchar(16) NOT NULL,
	"escalated_at" timestamp with time zone,
	"decision" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "task_cooperations" ADD COLUMN "duty" text;--> statement-breakpoint
ALTER TABLE "task_cooperations" ADD COLUMN "due_date" date;--> statement-breakpoint
ALTER TABLE "task_cooperations" ADD COLUMN "contribution" text;--> statement-breakpoint
ALTER TABLE "task_cooperations" ADD COLUMN "contributed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "task_cooperations" ADD COLUMN "contributed_by" uuid;--> statement-breakpoint
ALTER TABLE "coordination_requests" ADD CONSTRAINT "coordination_requests_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_requests" ADD CONSTRAINT "coordination_requests_raised_by_unit_id_units_id_fk" FOREIGN KEY ("raised_by_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "coordination_requests_task_idx" ON "coordination_requests" USING btree ("task_id","raised_at");