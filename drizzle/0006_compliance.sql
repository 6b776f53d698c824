CREATE TABLE "certification" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"program_id" uuid NOT NULL,
	"name" text NOT NULL,
	"exam_code" text,
	"issuer" text NOT NULL,
	"category" text NOT NULL,
	"validity_months" integer,
	"description" text,
	"url" text,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "certification_validity" CHECK ("certification"."validity_months" is null or "certification"."validity_months" between 1 and 240)
);
--> statement-breakpoint
CREATE TABLE "certification_renewal" (
	"certification_id" uuid NOT NULL,
	"renewed_by_id" uuid NOT NULL,
	CONSTRAINT "certification_renewal_certification_id_renewed_by_id_pk" PRIMARY KEY("certification_id","renewed_by_id"),
	CONSTRAINT "certification_renewal_other" CHECK ("certification_renewal"."certification_id" <> "certification_renewal"."renewed_by_id")
);
--> statement-breakpoint
CREATE TABLE "contract" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"type" text NOT NULL,
	"title" text NOT NULL,
	"parties" text[] DEFAULT '{}' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"signed_on" date,
	"starts_on" date,
	"ends_on" date,
	"auto_renew" boolean DEFAULT false NOT NULL,
	"renewal_term_months" integer,
	"notice_period_count" integer,
	"notice_period_unit" text,
	"value_minor" bigint,
	"currency" text,
	"owner_id" text,
	"clauses" text[] DEFAULT '{}' NOT NULL,
	"notes" text,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contract_dates" CHECK ("contract"."ends_on" is null or "contract"."starts_on" is null or "contract"."ends_on" >= "contract"."starts_on"),
	CONSTRAINT "contract_renewal" CHECK (not "contract"."auto_renew" or ("contract"."renewal_term_months" between 1 and 120 and "contract"."ends_on" is not null)),
	CONSTRAINT "contract_notice" CHECK (("contract"."notice_period_count" is null) = ("contract"."notice_period_unit" is null) and ("contract"."notice_period_count" is null or "contract"."notice_period_count" between 0 and 3650)),
	CONSTRAINT "contract_value" CHECK (("contract"."value_minor" is null or "contract"."value_minor" >= 0) and ("contract"."value_minor" is null or "contract"."currency" is not null))
);
--> statement-breakpoint
CREATE TABLE "document" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"partner_id" uuid,
	"title" text NOT NULL,
	"current_version" integer DEFAULT 1 NOT NULL,
	"created_by" text,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "document_version" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_id" uuid NOT NULL,
	"version_no" integer NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"uploaded_by" text,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "document_version_size" CHECK ("document_version"."size_bytes" >= 0)
);
--> statement-breakpoint
CREATE TABLE "level_checklist_item" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"level_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"done_by" text,
	"done_at" timestamp with time zone,
	"evidence" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "level_checklist_item_done_evidence" CHECK ("level_checklist_item"."done_at" is null or "level_checklist_item"."evidence" is not null)
);
--> statement-breakpoint
CREATE TABLE "level_requirement" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"level_id" uuid NOT NULL,
	"parent_id" uuid,
	"position" integer DEFAULT 0 NOT NULL,
	"label" text,
	"counts" text NOT NULL,
	"min_count" integer NOT NULL,
	"categories" text[] DEFAULT '{}' NOT NULL,
	"certification_ids" uuid[] DEFAULT '{}' NOT NULL,
	CONSTRAINT "level_requirement_counts" CHECK ("level_requirement"."counts" in ('people', 'certifications')),
	CONSTRAINT "level_requirement_min" CHECK ("level_requirement"."min_count" between 1 and 10000)
);
--> statement-breakpoint
CREATE TABLE "partner_program" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid,
	"name" text NOT NULL,
	"vendor" text NOT NULL,
	"description" text,
	"url" text,
	"held_level_id" uuid,
	"held_since" date,
	"next_review_on" date,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "program_level" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"program_id" uuid NOT NULL,
	"name" text NOT NULL,
	"rank" integer NOT NULL,
	"description" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "program_level_rank_positive" CHECK ("program_level"."rank" >= 1)
);
--> statement-breakpoint
CREATE TABLE "risk_assessment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"reason" text DEFAULT 'initial' NOT NULL,
	"scope" text,
	"summary" text,
	"assessor_id" text,
	"assessed_on" date,
	"approver_id" text,
	"approved_at" timestamp with time zone,
	"score_percent" integer,
	"rating" text,
	"next_review_on" date,
	"supersedes_id" uuid,
	"superseded_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "risk_assessment_status" CHECK ("risk_assessment"."status" in ('draft', 'approved', 'superseded')),
	CONSTRAINT "risk_assessment_approved_complete" CHECK ("risk_assessment"."status" = 'draft' or ("risk_assessment"."approved_at" is not null and "risk_assessment"."rating" is not null and "risk_assessment"."next_review_on" is not null)),
	CONSTRAINT "risk_assessment_score" CHECK ("risk_assessment"."score_percent" is null or "risk_assessment"."score_percent" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "risk_criterion" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"weight" integer DEFAULT 1 NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "risk_criterion_weight" CHECK ("risk_criterion"."weight" between 1 and 10)
);
--> statement-breakpoint
CREATE TABLE "risk_finding" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assessment_id" uuid NOT NULL,
	"title" text NOT NULL,
	"severity" text DEFAULT 'medium' NOT NULL,
	"mitigation" text,
	"task_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "risk_finding_severity" CHECK ("risk_finding"."severity" in ('low', 'medium', 'high'))
);
--> statement-breakpoint
CREATE TABLE "risk_score" (
	"assessment_id" uuid NOT NULL,
	"criterion_id" uuid NOT NULL,
	"criterion_name" text NOT NULL,
	"weight" integer NOT NULL,
	"score" integer,
	"note" text,
	CONSTRAINT "risk_score_assessment_id_criterion_id_pk" PRIMARY KEY("assessment_id","criterion_id"),
	CONSTRAINT "risk_score_range" CHECK ("risk_score"."score" is null or "risk_score"."score" between 0 and 3)
);
--> statement-breakpoint
CREATE TABLE "user_certification" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"certification_id" uuid NOT NULL,
	"status" text NOT NULL,
	"obtained_on" date,
	"expires_on" date,
	"expiry_overridden" boolean DEFAULT false NOT NULL,
	"target_on" date,
	"credential_id" text,
	"credential_url" text,
	"notes" text,
	"created_by" text,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "user_certification_status" CHECK ("user_certification"."status" in ('obtained', 'planned')),
	CONSTRAINT "user_certification_obtained" CHECK ("user_certification"."status" <> 'obtained' or "user_certification"."obtained_on" is not null),
	CONSTRAINT "user_certification_planned" CHECK ("user_certification"."status" <> 'planned' or "user_certification"."target_on" is not null),
	CONSTRAINT "user_certification_expiry_after" CHECK ("user_certification"."expires_on" is null or "user_certification"."obtained_on" is null or "user_certification"."expires_on" >= "user_certification"."obtained_on")
);
--> statement-breakpoint
ALTER TABLE "partner" ADD COLUMN "risk_review_due_on" date;--> statement-breakpoint
ALTER TABLE "certification" ADD CONSTRAINT "certification_program_id_partner_program_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."partner_program"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certification_renewal" ADD CONSTRAINT "certification_renewal_certification_id_certification_id_fk" FOREIGN KEY ("certification_id") REFERENCES "public"."certification"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certification_renewal" ADD CONSTRAINT "certification_renewal_renewed_by_id_certification_id_fk" FOREIGN KEY ("renewed_by_id") REFERENCES "public"."certification"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract" ADD CONSTRAINT "contract_partner_id_partner_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partner"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract" ADD CONSTRAINT "contract_owner_id_user_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document" ADD CONSTRAINT "document_partner_id_partner_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partner"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document" ADD CONSTRAINT "document_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_version" ADD CONSTRAINT "document_version_document_id_document_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."document"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_version" ADD CONSTRAINT "document_version_uploaded_by_user_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "level_checklist_item" ADD CONSTRAINT "level_checklist_item_level_id_program_level_id_fk" FOREIGN KEY ("level_id") REFERENCES "public"."program_level"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "level_checklist_item" ADD CONSTRAINT "level_checklist_item_done_by_user_id_fk" FOREIGN KEY ("done_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "level_requirement" ADD CONSTRAINT "level_requirement_level_id_program_level_id_fk" FOREIGN KEY ("level_id") REFERENCES "public"."program_level"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "level_requirement" ADD CONSTRAINT "level_requirement_parent_id_level_requirement_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."level_requirement"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_program" ADD CONSTRAINT "partner_program_partner_id_partner_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partner"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_program" ADD CONSTRAINT "partner_program_held_level_id_program_level_id_fk" FOREIGN KEY ("held_level_id") REFERENCES "public"."program_level"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_level" ADD CONSTRAINT "program_level_program_id_partner_program_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."partner_program"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_assessment" ADD CONSTRAINT "risk_assessment_partner_id_partner_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partner"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_assessment" ADD CONSTRAINT "risk_assessment_assessor_id_user_id_fk" FOREIGN KEY ("assessor_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_assessment" ADD CONSTRAINT "risk_assessment_approver_id_user_id_fk" FOREIGN KEY ("approver_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_assessment" ADD CONSTRAINT "risk_assessment_supersedes_id_risk_assessment_id_fk" FOREIGN KEY ("supersedes_id") REFERENCES "public"."risk_assessment"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_finding" ADD CONSTRAINT "risk_finding_assessment_id_risk_assessment_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."risk_assessment"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_finding" ADD CONSTRAINT "risk_finding_task_id_task_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."task"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_score" ADD CONSTRAINT "risk_score_assessment_id_risk_assessment_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."risk_assessment"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_score" ADD CONSTRAINT "risk_score_criterion_id_risk_criterion_id_fk" FOREIGN KEY ("criterion_id") REFERENCES "public"."risk_criterion"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_certification" ADD CONSTRAINT "user_certification_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_certification" ADD CONSTRAINT "user_certification_certification_id_certification_id_fk" FOREIGN KEY ("certification_id") REFERENCES "public"."certification"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_certification" ADD CONSTRAINT "user_certification_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "certification_name_uq" ON "certification" USING btree ("program_id",lower("name")) WHERE "certification"."archived_at" is null;--> statement-breakpoint
CREATE INDEX "contract_partner_idx" ON "contract" USING btree ("partner_id");--> statement-breakpoint
CREATE INDEX "contract_ends_idx" ON "contract" USING btree ("ends_on") WHERE "contract"."archived_at" is null;--> statement-breakpoint
CREATE INDEX "document_subject_idx" ON "document" USING btree ("subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "document_partner_idx" ON "document" USING btree ("partner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "document_version_no_uq" ON "document_version" USING btree ("document_id","version_no");--> statement-breakpoint
CREATE INDEX "level_checklist_item_level_idx" ON "level_checklist_item" USING btree ("level_id","position");--> statement-breakpoint
CREATE INDEX "level_requirement_level_idx" ON "level_requirement" USING btree ("level_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "partner_program_name_uq" ON "partner_program" USING btree (lower("name")) WHERE "partner_program"."archived_at" is null;--> statement-breakpoint
CREATE INDEX "partner_program_partner_idx" ON "partner_program" USING btree ("partner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "program_level_rank_uq" ON "program_level" USING btree ("program_id","rank");--> statement-breakpoint
CREATE INDEX "risk_assessment_partner_idx" ON "risk_assessment" USING btree ("partner_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "risk_assessment_one_draft_uq" ON "risk_assessment" USING btree ("partner_id") WHERE "risk_assessment"."status" = 'draft';--> statement-breakpoint
CREATE UNIQUE INDEX "risk_assessment_one_current_uq" ON "risk_assessment" USING btree ("partner_id") WHERE "risk_assessment"."status" = 'approved';--> statement-breakpoint
CREATE INDEX "risk_assessment_review_idx" ON "risk_assessment" USING btree ("next_review_on") WHERE "risk_assessment"."status" = 'approved';--> statement-breakpoint
CREATE UNIQUE INDEX "risk_criterion_key_uq" ON "risk_criterion" USING btree ("key");--> statement-breakpoint
CREATE INDEX "risk_finding_assessment_idx" ON "risk_finding" USING btree ("assessment_id");--> statement-breakpoint
CREATE INDEX "user_certification_user_idx" ON "user_certification" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "user_certification_cert_idx" ON "user_certification" USING btree ("certification_id");--> statement-breakpoint
CREATE INDEX "user_certification_expires_idx" ON "user_certification" USING btree ("expires_on") WHERE "user_certification"."archived_at" is null;