CREATE TABLE "commission_line" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"partner_id" uuid NOT NULL,
	"opportunity_id" uuid,
	"statement_id" uuid,
	"earned_on" date NOT NULL,
	"amount_minor" bigint NOT NULL,
	"currency" text NOT NULL,
	"reason" text NOT NULL,
	"basis_minor" bigint,
	"rate_bp" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text,
	CONSTRAINT "commission_line_reason" CHECK ("commission_line"."reason" in ('earned','changed','reversed','tier')),
	CONSTRAINT "commission_line_currency" CHECK ("commission_line"."currency" in ('CHF','EUR','USD'))
);
--> statement-breakpoint
CREATE TABLE "commission_statement" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"currency" text NOT NULL,
	"status" text DEFAULT 'due' NOT NULL,
	"approved_at" timestamp with time zone,
	"approved_by" text,
	"paid_on" date,
	"payment_reference" text,
	"created_by" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "commission_statement_status" CHECK ("commission_statement"."status" in ('due','approved','paid')),
	CONSTRAINT "commission_statement_period" CHECK ("commission_statement"."period_end" >= "commission_statement"."period_start"),
	CONSTRAINT "commission_statement_currency" CHECK ("commission_statement"."currency" in ('CHF','EUR','USD'))
);
--> statement-breakpoint
CREATE TABLE "customer" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"name_key" text NOT NULL,
	"domain" text,
	"country" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customer_name_nonempty" CHECK (length(trim("customer"."name")) > 0)
);
--> statement-breakpoint
CREATE TABLE "deal_registration" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"direction" text NOT NULL,
	"partner_id" uuid NOT NULL,
	"program_id" uuid,
	"customer_id" uuid NOT NULL,
	"opportunity_id" uuid,
	"contact_id" uuid,
	"owner_id" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"portal_reference" text,
	"portal_url" text,
	"estimated_value_minor" bigint,
	"currency" text,
	"expected_close_on" date,
	"submitted_on" date,
	"approved_on" date,
	"protected_until" date,
	"extended_on" date,
	"benefit" text,
	"rejection_reason" text,
	"decision_reason" text,
	"notes" text,
	"archived_at" timestamp with time zone,
	"created_by" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deal_registration_direction" CHECK ("deal_registration"."direction" in ('outbound','inbound')),
	CONSTRAINT "deal_registration_status" CHECK ("deal_registration"."status" in ('draft','submitted','approved','rejected','won','expired')),
	CONSTRAINT "deal_registration_currency" CHECK ("deal_registration"."currency" is null or "deal_registration"."currency" in ('CHF','EUR','USD')),
	CONSTRAINT "deal_registration_value" CHECK ("deal_registration"."estimated_value_minor" is null or "deal_registration"."estimated_value_minor" >= 0)
);
--> statement-breakpoint
CREATE TABLE "deal_registration_product" (
	"registration_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"direction" text NOT NULL,
	"customer_id" uuid NOT NULL,
	"status" text NOT NULL,
	CONSTRAINT "deal_registration_product_registration_id_product_id_pk" PRIMARY KEY("registration_id","product_id")
);
--> statement-breakpoint
CREATE TABLE "deal_stage" (
	"key" text PRIMARY KEY NOT NULL,
	"name" text,
	"probability" integer NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deal_stage_probability" CHECK ("deal_stage"."probability" between 0 and 100),
	CONSTRAINT "deal_stage_kind" CHECK ("deal_stage"."kind" in ('open','won','lost')),
	CONSTRAINT "deal_stage_key_format" CHECK ("deal_stage"."key" ~ '^[a-z][a-z0-9_]{0,39}$')
);
--> statement-breakpoint
CREATE TABLE "fx_rate" (
	"month" text NOT NULL,
	"currency" text NOT NULL,
	"rate_to_chf" numeric(12, 6) NOT NULL,
	"updated_by" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fx_rate_month_currency_pk" PRIMARY KEY("month","currency"),
	CONSTRAINT "fx_rate_month_format" CHECK ("fx_rate"."month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
	CONSTRAINT "fx_rate_currency" CHECK ("fx_rate"."currency" in ('EUR','USD')),
	CONSTRAINT "fx_rate_positive" CHECK ("fx_rate"."rate_to_chf" > 0)
);
--> statement-breakpoint
CREATE TABLE "kickback_agreement" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"name" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"kind" text NOT NULL,
	"basis" text DEFAULT 'won' NOT NULL,
	"rate_bp" integer,
	"months" integer,
	"flat_minor" bigint,
	"tier_mode" text,
	"currency" text DEFAULT 'CHF' NOT NULL,
	"notes" text,
	"archived_at" timestamp with time zone,
	"created_by" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kickback_agreement_kind" CHECK ("kickback_agreement"."kind" in ('first_year_pct','mrr_pct_months','flat_per_deal','tiered')),
	CONSTRAINT "kickback_agreement_basis" CHECK ("kickback_agreement"."basis" in ('won','invoice_paid')),
	CONSTRAINT "kickback_agreement_tier_mode" CHECK ("kickback_agreement"."tier_mode" is null or "kickback_agreement"."tier_mode" in ('whole_year','above_threshold')),
	CONSTRAINT "kickback_agreement_rate" CHECK ("kickback_agreement"."rate_bp" is null or "kickback_agreement"."rate_bp" between 0 and 10000),
	CONSTRAINT "kickback_agreement_months" CHECK ("kickback_agreement"."months" is null or "kickback_agreement"."months" between 1 and 120),
	CONSTRAINT "kickback_agreement_flat" CHECK ("kickback_agreement"."flat_minor" is null or "kickback_agreement"."flat_minor" >= 0),
	CONSTRAINT "kickback_agreement_dates" CHECK ("kickback_agreement"."valid_to" is null or "kickback_agreement"."valid_to" >= "kickback_agreement"."valid_from"),
	CONSTRAINT "kickback_agreement_currency" CHECK ("kickback_agreement"."currency" in ('CHF','EUR','USD'))
);
--> statement-breakpoint
CREATE TABLE "kickback_tier" (
	"agreement_id" uuid NOT NULL,
	"threshold_minor" bigint NOT NULL,
	"rate_bp" integer NOT NULL,
	CONSTRAINT "kickback_tier_agreement_id_threshold_minor_pk" PRIMARY KEY("agreement_id","threshold_minor"),
	CONSTRAINT "kickback_tier_threshold" CHECK ("kickback_tier"."threshold_minor" >= 0),
	CONSTRAINT "kickback_tier_rate" CHECK ("kickback_tier"."rate_bp" between 0 and 10000)
);
--> statement-breakpoint
CREATE TABLE "opportunity" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"title" text NOT NULL,
	"owner_id" text,
	"stage_key" text NOT NULL,
	"expected_close_on" date,
	"closed_on" date,
	"one_off_minor" bigint DEFAULT 0 NOT NULL,
	"mrr_minor" bigint DEFAULT 0 NOT NULL,
	"currency" text NOT NULL,
	"next_step" text,
	"next_step_due_on" date,
	"lost_reason" text,
	"notes" text,
	"archived_at" timestamp with time zone,
	"created_by" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "opportunity_currency" CHECK ("opportunity"."currency" in ('CHF','EUR','USD')),
	CONSTRAINT "opportunity_amounts" CHECK ("opportunity"."one_off_minor" >= 0 and "opportunity"."mrr_minor" >= 0),
	CONSTRAINT "opportunity_title_nonempty" CHECK (length(trim("opportunity"."title")) > 0)
);
--> statement-breakpoint
CREATE TABLE "opportunity_partner" (
	"opportunity_id" uuid NOT NULL,
	"partner_id" uuid NOT NULL,
	"role" text NOT NULL,
	CONSTRAINT "opportunity_partner_opportunity_id_partner_id_pk" PRIMARY KEY("opportunity_id","partner_id"),
	CONSTRAINT "opportunity_partner_role" CHECK ("opportunity_partner"."role" in ('sourced','we_resell','they_resell','co_sell','referral','infrastructure'))
);
--> statement-breakpoint
CREATE TABLE "opportunity_product" (
	"opportunity_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	CONSTRAINT "opportunity_product_opportunity_id_product_id_pk" PRIMARY KEY("opportunity_id","product_id")
);
--> statement-breakpoint
CREATE TABLE "opportunity_stage_change" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"opportunity_id" uuid NOT NULL,
	"from_stage" text,
	"to_stage" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"by_id" text,
	"by_name" text
);
--> statement-breakpoint
ALTER TABLE "partner_program" ADD COLUMN "registration_protection_days" integer;--> statement-breakpoint
ALTER TABLE "commission_line" ADD CONSTRAINT "commission_line_agreement_id_kickback_agreement_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."kickback_agreement"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commission_line" ADD CONSTRAINT "commission_line_partner_id_partner_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partner"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commission_line" ADD CONSTRAINT "commission_line_opportunity_id_opportunity_id_fk" FOREIGN KEY ("opportunity_id") REFERENCES "public"."opportunity"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commission_line" ADD CONSTRAINT "commission_line_statement_id_commission_statement_id_fk" FOREIGN KEY ("statement_id") REFERENCES "public"."commission_statement"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commission_line" ADD CONSTRAINT "commission_line_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commission_statement" ADD CONSTRAINT "commission_statement_partner_id_partner_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partner"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commission_statement" ADD CONSTRAINT "commission_statement_approved_by_user_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commission_statement" ADD CONSTRAINT "commission_statement_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deal_registration" ADD CONSTRAINT "deal_registration_partner_id_partner_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partner"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deal_registration" ADD CONSTRAINT "deal_registration_program_id_partner_program_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."partner_program"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deal_registration" ADD CONSTRAINT "deal_registration_customer_id_customer_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customer"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deal_registration" ADD CONSTRAINT "deal_registration_opportunity_id_opportunity_id_fk" FOREIGN KEY ("opportunity_id") REFERENCES "public"."opportunity"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deal_registration" ADD CONSTRAINT "deal_registration_contact_id_contact_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contact"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deal_registration" ADD CONSTRAINT "deal_registration_owner_id_user_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deal_registration" ADD CONSTRAINT "deal_registration_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deal_registration_product" ADD CONSTRAINT "deal_registration_product_registration_id_deal_registration_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."deal_registration"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deal_registration_product" ADD CONSTRAINT "deal_registration_product_product_id_product_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."product"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deal_registration_product" ADD CONSTRAINT "deal_registration_product_customer_id_customer_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customer"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fx_rate" ADD CONSTRAINT "fx_rate_updated_by_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kickback_agreement" ADD CONSTRAINT "kickback_agreement_partner_id_partner_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partner"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kickback_agreement" ADD CONSTRAINT "kickback_agreement_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kickback_tier" ADD CONSTRAINT "kickback_tier_agreement_id_kickback_agreement_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."kickback_agreement"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity" ADD CONSTRAINT "opportunity_customer_id_customer_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customer"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity" ADD CONSTRAINT "opportunity_owner_id_user_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity" ADD CONSTRAINT "opportunity_stage_key_deal_stage_key_fk" FOREIGN KEY ("stage_key") REFERENCES "public"."deal_stage"("key") ON DELETE restrict ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "opportunity" ADD CONSTRAINT "opportunity_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_partner" ADD CONSTRAINT "opportunity_partner_opportunity_id_opportunity_id_fk" FOREIGN KEY ("opportunity_id") REFERENCES "public"."opportunity"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_partner" ADD CONSTRAINT "opportunity_partner_partner_id_partner_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partner"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_product" ADD CONSTRAINT "opportunity_product_opportunity_id_opportunity_id_fk" FOREIGN KEY ("opportunity_id") REFERENCES "public"."opportunity"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_product" ADD CONSTRAINT "opportunity_product_product_id_product_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."product"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_stage_change" ADD CONSTRAINT "opportunity_stage_change_opportunity_id_opportunity_id_fk" FOREIGN KEY ("opportunity_id") REFERENCES "public"."opportunity"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_stage_change" ADD CONSTRAINT "opportunity_stage_change_by_id_user_id_fk" FOREIGN KEY ("by_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "commission_line_agreement_opp_idx" ON "commission_line" USING btree ("agreement_id","opportunity_id");--> statement-breakpoint
CREATE INDEX "commission_line_partner_day_idx" ON "commission_line" USING btree ("partner_id","earned_on");--> statement-breakpoint
CREATE INDEX "commission_line_statement_idx" ON "commission_line" USING btree ("statement_id");--> statement-breakpoint
CREATE UNIQUE INDEX "commission_statement_period_uq" ON "commission_statement" USING btree ("partner_id","period_start","currency");--> statement-breakpoint
CREATE INDEX "commission_statement_status_idx" ON "commission_statement" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "customer_domain_uq" ON "customer" USING btree ("domain");--> statement-breakpoint
CREATE INDEX "customer_name_key_trgm_idx" ON "customer" USING gin ("name_key" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "deal_registration_partner_idx" ON "deal_registration" USING btree ("partner_id","status");--> statement-breakpoint
CREATE INDEX "deal_registration_customer_idx" ON "deal_registration" USING btree ("customer_id","status");--> statement-breakpoint
CREATE INDEX "deal_registration_opportunity_idx" ON "deal_registration" USING btree ("opportunity_id");--> statement-breakpoint
CREATE INDEX "deal_registration_protection_idx" ON "deal_registration" USING btree ("protected_until") WHERE "deal_registration"."status" = 'approved';--> statement-breakpoint
CREATE UNIQUE INDEX "deal_registration_one_approved_uq" ON "deal_registration_product" USING btree ("direction","customer_id","product_id") WHERE "deal_registration_product"."status" = 'approved';--> statement-breakpoint
CREATE INDEX "deal_registration_product_customer_idx" ON "deal_registration_product" USING btree ("customer_id","product_id");--> statement-breakpoint
CREATE INDEX "kickback_agreement_partner_idx" ON "kickback_agreement" USING btree ("partner_id","valid_from");--> statement-breakpoint
CREATE INDEX "opportunity_stage_close_idx" ON "opportunity" USING btree ("stage_key","expected_close_on");--> statement-breakpoint
CREATE INDEX "opportunity_owner_idx" ON "opportunity" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "opportunity_customer_idx" ON "opportunity" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "opportunity_close_idx" ON "opportunity" USING btree ("expected_close_on");--> statement-breakpoint
CREATE INDEX "opportunity_next_step_idx" ON "opportunity" USING btree ("next_step_due_on") WHERE "opportunity"."next_step_due_on" is not null and "opportunity"."closed_on" is null;--> statement-breakpoint
CREATE INDEX "opportunity_partner_partner_idx" ON "opportunity_partner" USING btree ("partner_id","opportunity_id");--> statement-breakpoint
CREATE INDEX "opportunity_product_product_idx" ON "opportunity_product" USING btree ("product_id");--> statement-breakpoint
CREATE INDEX "opportunity_stage_change_opp_idx" ON "opportunity_stage_change" USING btree ("opportunity_id","at");--> statement-breakpoint
ALTER TABLE "partner_program" ADD CONSTRAINT "partner_program_protection_days" CHECK ("partner_program"."registration_protection_days" is null or "partner_program"."registration_protection_days" between 1 and 3650);--> statement-breakpoint
-- The default pipeline (shared/deals.ts DEFAULT_STAGES); names come from the catalogue until an administrator sets one.
INSERT INTO "deal_stage" ("key", "probability", "position", "kind") VALUES ('qualify', 10, 1, 'open'), ('propose', 30, 2, 'open'), ('negotiate', 60, 3, 'open'), ('won', 100, 4, 'won'), ('lost', 0, 5, 'lost');
