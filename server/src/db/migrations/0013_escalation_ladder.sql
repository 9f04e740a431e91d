ALTER TABLE "task_deadline_defaults" ADD COLUMN "reminder_working_days" jsonb DEFAULT '[3,1]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "task_deadline_defaults" ADD COLUMN "escalation_working_days" jsonb DEFAULT '{"remind":1,"urge":3,"notice":5,"bulletin":10,"interview":20}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "task_escalations" ADD COLUMN "working_days" integer;--> statement-breakpoint
CREATE INDEX "task_escalations_rung_idx" ON "task_escalations" USING btree ("rung","created_at");