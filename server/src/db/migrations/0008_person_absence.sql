ALTER TABLE "persons" ADD COLUMN "absent_from" date;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "absent_until" date;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "absence_reason" text;