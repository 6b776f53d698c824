CREATE TABLE "data_import" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"created_by" text,
	"created_by_name" text NOT NULL,
	"header" jsonb NOT NULL,
	"mapping" jsonb NOT NULL,
	"defaults" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"row_count" integer DEFAULT 0 NOT NULL,
	"created" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"skipped" integer DEFAULT 0 NOT NULL,
	"progress_done" integer,
	"progress_total" integer,
	"progress_at" timestamp with time zone,
	"committed_at" timestamp with time zone,
	"undone_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "data_import_kind_check" CHECK ("data_import"."kind" in ('partners', 'contacts')),
	CONSTRAINT "data_import_status_check" CHECK ("data_import"."status" in ('pending', 'committed', 'undone'))
);
--> statement-breakpoint
CREATE TABLE "data_import_row" (
	"import_id" uuid NOT NULL,
	"row_no" integer NOT NULL,
	"cells" jsonb NOT NULL,
	"body" jsonb,
	"keys" jsonb,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"partner_id" uuid,
	"match_id" uuid,
	"match_reason" text,
	"match_name" text,
	"decision" text,
	"outcome" text,
	"record_id" uuid,
	"record_version" integer,
	"previous" jsonb,
	CONSTRAINT "data_import_row_import_id_row_no_pk" PRIMARY KEY("import_id","row_no")
);
--> statement-breakpoint
ALTER TABLE "data_import" ADD CONSTRAINT "data_import_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_import_row" ADD CONSTRAINT "data_import_row_import_id_data_import_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."data_import"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "data_import_created_idx" ON "data_import" USING btree ("created_at" DESC NULLS LAST);