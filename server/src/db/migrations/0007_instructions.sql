CREATE TABLE "instructions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"task_id" uuid NOT NULL,
	"leader_user_id" uuid NOT NULL,
	"leader_person_id" uuid,
	"leader_name" text NOT NULL,
	"text" text NOT NULL,
	"kind" varchar(16) NOT NULL,
	"child_task_id" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "instructions" ADD CONSTRAINT "instructions_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "instructions_leader_idx" ON "instructions" USING btree ("leader_user_id","created_at");--> statement-breakpoint
CREATE INDEX "instructions_task_idx" ON "instructions" USING btree ("task_id");