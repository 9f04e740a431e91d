CREATE TABLE "task_number_patterns" (
	"unit_id" uuid PRIMARY KEY NOT NULL,
	"pattern" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "task_deadline_defaults" ADD COLUMN "name_zh" text;--> statement-breakpoint
ALTER TABLE "task_deadline_defaults" ADD COLUMN "name_en" text;--> statement-breakpoint
ALTER TABLE "task_deadline_defaults" ADD COLUMN "short_code" varchar(8);--> statement-breakpoint
ALTER TABLE "task_deadline_defaults" ADD COLUMN "active" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "task_deadline_defaults" ADD COLUMN "position" smallint DEFAULT 100 NOT NULL;--> statement-breakpoint
ALTER TABLE "task_number_patterns" ADD CONSTRAINT "task_number_patterns_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- The registry starts with the ten sources the code enum had (same codes, names and default 办结时限; an administrator's
-- changed days and thresholds are kept) and the sources the coming modules need, inactive until their module arrives.
INSERT INTO "task_deadline_defaults" ("source", "name_zh", "name_en", "short_code", "active", "position", "working_days") VALUES
	('meeting_decision', '会议决定事项', 'Meeting decision', '会', true, 10, 20),
	('leader_instruction', '领导批示', 'Leader instruction', '批', true, 20, 15),
	('work_report', '政府工作报告', 'Government work report', '报', true, 30, 30),
	('document', '政府文件', 'Government document', '文', true, 40, 30),
	('superior_assignment', '上级交办', 'Assigned by the level above', '交', true, 50, 15),
	('npc_suggestion', '人大建议', 'NPC deputy suggestion', '建', true, 60, 60),
	('cppcc_proposal', '政协提案', 'CPPCC proposal', '提', true, 70, 60),
	('audit_finding', '审计发现问题', 'Audit finding', '审', true, 80, 30),
	('media_report', '媒体报道', 'Media report', '媒', true, 90, 10),
	('public_complaint', '群众诉求', 'Public complaint', '诉', true, 100, 15),
	('inspection_campaign', '专项督查', 'Special inspection campaign', '查', false, 110, 30),
	('first_inquiry', '首问事项', 'First-inquiry matter', '首', false, 120, 5),
	('coordination_body', '议事协调机构', 'Coordination body', '协', false, 130, 20)
ON CONFLICT ("source") DO UPDATE SET
	"name_zh" = excluded."name_zh",
	"name_en" = excluded."name_en",
	"short_code" = excluded."short_code",
	"position" = excluded."position";
