CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE TABLE "activity" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"summary" text NOT NULL,
	"outcome" text,
	"important" boolean DEFAULT false NOT NULL,
	"created_by" text,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "activity_contact" (
	"activity_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	CONSTRAINT "activity_contact_activity_id_contact_id_pk" PRIMARY KEY("activity_id","contact_id")
);
--> statement-breakpoint
CREATE TABLE "activity_user" (
	"activity_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	CONSTRAINT "activity_user_activity_id_user_id_pk" PRIMARY KEY("activity_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "contact" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"title" text,
	"role" text,
	"influence" text,
	"strength" text,
	"email" text,
	"phone" text,
	"location" text,
	"notes" text,
	"is_primary" boolean DEFAULT false NOT NULL,
	"last_contact_at" timestamp with time zone,
	"left_at" date,
	"archived_at" timestamp with time zone,
	"merged_into_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partner" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"legal_name" text,
	"website" text,
	"country" text,
	"description" text,
	"logo_url" text,
	"types" text[] NOT NULL,
	"status" text DEFAULT 'prospect' NOT NULL,
	"status_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"importance" text DEFAULT 'standard' NOT NULL,
	"program" text,
	"level" text,
	"owner_id" text,
	"tags" text[] DEFAULT '{}' NOT NULL,
	"strategy" text,
	"regions" text[] DEFAULT '{}' NOT NULL,
	"industries" text[] DEFAULT '{}' NOT NULL,
	"value_we_bring" text,
	"value_they_bring" text,
	"directions" text[] DEFAULT '{}' NOT NULL,
	"pricing_notes" text,
	"links" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"last_contact_at" timestamp with time zone,
	"archived_at" timestamp with time zone,
	"merged_into_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partner_types_nonempty" CHECK (cardinality("partner"."types") > 0),
	CONSTRAINT "partner_types_known" CHECK ("partner"."types" <@ array['consultant_reseller','cloud_service_provider','software_vendor','distributor']::text[])
);
--> statement-breakpoint
CREATE TABLE "partner_link" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"from_partner_id" uuid NOT NULL,
	"to_partner_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partner_link_not_self" CHECK ("partner_link"."from_partner_id" <> "partner_link"."to_partner_id")
);
--> statement-breakpoint
CREATE TABLE "partner_product" (
	"partner_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	CONSTRAINT "partner_product_partner_id_product_id_pk" PRIMARY KEY("partner_id","product_id")
);
--> statement-breakpoint
CREATE TABLE "partner_status_change" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"changed_by" text,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "product" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "product_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "saved_view" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"resource" text NOT NULL,
	"name" text NOT NULL,
	"query" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"columns" text[] DEFAULT '{}' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "team_assignment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"role" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "activity" ADD CONSTRAINT "activity_partner_id_partner_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partner"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity" ADD CONSTRAINT "activity_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_contact" ADD CONSTRAINT "activity_contact_activity_id_activity_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activity"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_contact" ADD CONSTRAINT "activity_contact_contact_id_contact_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contact"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_user" ADD CONSTRAINT "activity_user_activity_id_activity_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activity"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_user" ADD CONSTRAINT "activity_user_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact" ADD CONSTRAINT "contact_partner_id_partner_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partner"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner" ADD CONSTRAINT "partner_owner_id_user_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_link" ADD CONSTRAINT "partner_link_from_partner_id_partner_id_fk" FOREIGN KEY ("from_partner_id") REFERENCES "public"."partner"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_link" ADD CONSTRAINT "partner_link_to_partner_id_partner_id_fk" FOREIGN KEY ("to_partner_id") REFERENCES "public"."partner"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_product" ADD CONSTRAINT "partner_product_partner_id_partner_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partner"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_product" ADD CONSTRAINT "partner_product_product_id_product_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."product"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_status_change" ADD CONSTRAINT "partner_status_change_partner_id_partner_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partner"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_view" ADD CONSTRAINT "saved_view_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_assignment" ADD CONSTRAINT "team_assignment_partner_id_partner_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partner"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_assignment" ADD CONSTRAINT "team_assignment_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activity_partner_time_idx" ON "activity" USING btree ("partner_id","occurred_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "activity_fts_idx" ON "activity" USING gin (to_tsvector('simple', "summary" || ' ' || coalesce("outcome", '')));--> statement-breakpoint
CREATE INDEX "activity_contact_contact_idx" ON "activity_contact" USING btree ("contact_id");--> statement-breakpoint
CREATE INDEX "activity_user_user_idx" ON "activity_user" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "contact_partner_idx" ON "contact" USING btree ("partner_id");--> statement-breakpoint
CREATE INDEX "contact_name_trgm_idx" ON "contact" USING gin (lower("first_name" || ' ' || "last_name") gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "partner_name_active_uq" ON "partner" USING btree (lower("name")) WHERE "partner"."archived_at" is null;--> statement-breakpoint
CREATE INDEX "partner_status_idx" ON "partner" USING btree ("status");--> statement-breakpoint
CREATE INDEX "partner_owner_idx" ON "partner" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "partner_last_contact_idx" ON "partner" USING btree ("last_contact_at");--> statement-breakpoint
CREATE INDEX "partner_types_idx" ON "partner" USING gin ("types");--> statement-breakpoint
CREATE INDEX "partner_tags_idx" ON "partner" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "partner_name_trgm_idx" ON "partner" USING gin (lower("name") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "partner_fts_idx" ON "partner" USING gin (to_tsvector('simple', "name" || ' ' || coalesce("legal_name", '') || ' ' || coalesce("description", '')));--> statement-breakpoint
CREATE UNIQUE INDEX "partner_link_uq" ON "partner_link" USING btree ("from_partner_id","to_partner_id","kind");--> statement-breakpoint
CREATE INDEX "partner_link_to_idx" ON "partner_link" USING btree ("to_partner_id");--> statement-breakpoint
CREATE INDEX "partner_product_product_idx" ON "partner_product" USING btree ("product_id");--> statement-breakpoint
CREATE INDEX "partner_status_change_partner_idx" ON "partner_status_change" USING btree ("partner_id","changed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "team_assignment_uq" ON "team_assignment" USING btree ("partner_id","user_id","role");--> statement-breakpoint
CREATE INDEX "team_assignment_user_idx" ON "team_assignment" USING btree ("user_id");