CREATE TABLE "expert_draws" (
	"id" uuid PRIMARY KEY NOT NULL,
	"owner_unit_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"field" text NOT NULL,
	"requested" integer NOT NULL,
	"proposer_unit_id" uuid NOT NULL,
	"max_draws_per_year" integer NOT NULL,
	"year" integer NOT NULL,
	"seed" varchar(64) NOT NULL,
	"rule" varchar(32) NOT NULL,
	"pool" jsonb NOT NULL,
	"excluded" jsonb NOT NULL,
	"drawn" jsonb NOT NULL,
	"created_by" uuid NOT NULL,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "expert_opinions" (
	"draw_id" uuid NOT NULL,
	"expert_id" uuid NOT NULL,
	"opinion" text NOT NULL,
	"entered_by" uuid NOT NULL,
	"entered_at" timestamp with time zone NOT NULL,
	CONSTRAINT "expert_opinions_draw_id_expert_id_pk" PRIMARY KEY("draw_id","expert_id")
);
--> statement-breakpoint
CREATE TABLE "experts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"owner_unit_id" uuid NOT NULL,
	"name" text NOT NULL,
	"fields" jsonb NOT NULL,
	"title" text,
	"affiliation" text NOT NULL,
	"affiliation_unit_id" uuid,
	"phone" text,
	"conflict_unit_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"conflict_note" text,
	"is_available" boolean DEFAULT true NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "expert_draws" ADD CONSTRAINT "expert_draws_owner_unit_id_units_id_fk" FOREIGN KEY ("owner_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_draws" ADD CONSTRAINT "expert_draws_proposer_unit_id_units_id_fk" FOREIGN KEY ("proposer_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_opinions" ADD CONSTRAINT "expert_opinions_draw_id_expert_draws_id_fk" FOREIGN KEY ("draw_id") REFERENCES "public"."expert_draws"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_opinions" ADD CONSTRAINT "expert_opinions_expert_id_experts_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."experts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experts" ADD CONSTRAINT "experts_owner_unit_id_units_id_fk" FOREIGN KEY ("owner_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experts" ADD CONSTRAINT "experts_affiliation_unit_id_units_id_fk" FOREIGN KEY ("affiliation_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "expert_draws_owner_year_idx" ON "expert_draws" USING btree ("owner_unit_id","year");--> statement-breakpoint
CREATE INDEX "experts_owner_idx" ON "experts" USING btree ("owner_unit_id");