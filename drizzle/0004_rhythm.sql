CREATE TABLE "calendar_feed" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"scope" text NOT NULL,
	"partner_id" uuid,
	"token_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "calendar_feed_token_hash_unique" UNIQUE("token_hash"),
	CONSTRAINT "calendar_feed_scope_partner" CHECK (("calendar_feed"."scope" = 'partner') = ("calendar_feed"."partner_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "job_run" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"job" text NOT NULL,
	"slot" text NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"attempts" integer DEFAULT 1 NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"last_error" text,
	"result" jsonb
);
--> statement-breakpoint
CREATE TABLE "mail_message" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"to_address" text NOT NULL,
	"user_id" text,
	"subject" text NOT NULL,
	"text" text NOT NULL,
	"html" text,
	"headers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "meeting_occurrence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"series_id" uuid,
	"partner_id" uuid NOT NULL,
	"title" text,
	"purpose" text,
	"original_start" timestamp with time zone,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"time_zone" text DEFAULT 'Europe/Zurich' NOT NULL,
	"location" text,
	"status" text DEFAULT 'planned' NOT NULL,
	"notes" text,
	"activity_id" uuid,
	"created_by" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_occurrence_end_after_start" CHECK ("meeting_occurrence"."ends_at" > "meeting_occurrence"."starts_at"),
	CONSTRAINT "meeting_occurrence_series_has_original" CHECK (("meeting_occurrence"."series_id" is null) = ("meeting_occurrence"."original_start" is null))
);
--> statement-breakpoint
CREATE TABLE "meeting_occurrence_contact" (
	"occurrence_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	CONSTRAINT "meeting_occurrence_contact_occurrence_id_contact_id_pk" PRIMARY KEY("occurrence_id","contact_id")
);
--> statement-breakpoint
CREATE TABLE "meeting_occurrence_user" (
	"occurrence_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	CONSTRAINT "meeting_occurrence_user_occurrence_id_user_id_pk" PRIMARY KEY("occurrence_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "meeting_series" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"title" text NOT NULL,
	"purpose" text DEFAULT 'sync' NOT NULL,
	"cadence" text NOT NULL,
	"rrule" text NOT NULL,
	"start_local" timestamp NOT NULL,
	"time_zone" text DEFAULT 'Europe/Zurich' NOT NULL,
	"duration_minutes" integer DEFAULT 60 NOT NULL,
	"location" text,
	"agenda_template" text,
	"created_by" text,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_series_duration" CHECK ("meeting_series"."duration_minutes" between 5 and 1440)
);
--> statement-breakpoint
CREATE TABLE "meeting_series_contact" (
	"series_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	CONSTRAINT "meeting_series_contact_series_id_contact_id_pk" PRIMARY KEY("series_id","contact_id")
);
--> statement-breakpoint
CREATE TABLE "meeting_series_user" (
	"series_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	CONSTRAINT "meeting_series_user_series_id_user_id_pk" PRIMARY KEY("series_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "meeting_topic" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"occurrence_id" uuid NOT NULL,
	"kind" text DEFAULT 'topic' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"title" text NOT NULL,
	"notes" text,
	"inform_team" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notification" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text,
	"link" text,
	"dedupe_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "notification_preference" (
	"user_id" text PRIMARY KEY NOT NULL,
	"email_reminders" boolean DEFAULT true NOT NULL,
	"digest" text DEFAULT 'weekly' NOT NULL,
	"team_digest" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "onboarding" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"playbook_id" uuid,
	"playbook_name" text NOT NULL,
	"status" text DEFAULT 'in_progress' NOT NULL,
	"started_on" date NOT NULL,
	"started_by" text,
	"completed_at" timestamp with time zone,
	"duration_days" integer,
	"override_by" text,
	"override_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "playbook" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"partner_type" text NOT NULL,
	"description" text,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "playbook_step" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"playbook_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"owner_role" text DEFAULT 'owner' NOT NULL,
	"due_after_days" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "playbook_step_due_after" CHECK ("playbook_step"."due_after_days" between 0 and 730)
);
--> statement-breakpoint
CREATE TABLE "task" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"subject_type" text,
	"subject_id" uuid,
	"partner_id" uuid,
	"assignee_id" text,
	"due_date" date,
	"priority" text DEFAULT 'normal' NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"source" text DEFAULT 'manual' NOT NULL,
	"meeting_occurrence_id" uuid,
	"onboarding_id" uuid,
	"step_position" integer,
	"owner_role" text,
	"completed_at" timestamp with time zone,
	"completed_by" text,
	"created_by" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "task_comment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_id" uuid NOT NULL,
	"author_id" text,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "partner" ADD COLUMN "contact_interval_days" integer;--> statement-breakpoint
ALTER TABLE "calendar_feed" ADD CONSTRAINT "calendar_feed_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feed" ADD CONSTRAINT "calendar_feed_partner_id_partner_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partner"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_message" ADD CONSTRAINT "mail_message_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_occurrence" ADD CONSTRAINT "meeting_occurrence_series_id_meeting_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."meeting_series"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_occurrence" ADD CONSTRAINT "meeting_occurrence_partner_id_partner_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partner"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_occurrence" ADD CONSTRAINT "meeting_occurrence_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_occurrence_contact" ADD CONSTRAINT "meeting_occurrence_contact_occurrence_id_meeting_occurrence_id_fk" FOREIGN KEY ("occurrence_id") REFERENCES "public"."meeting_occurrence"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_occurrence_contact" ADD CONSTRAINT "meeting_occurrence_contact_contact_id_contact_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contact"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_occurrence_user" ADD CONSTRAINT "meeting_occurrence_user_occurrence_id_meeting_occurrence_id_fk" FOREIGN KEY ("occurrence_id") REFERENCES "public"."meeting_occurrence"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_occurrence_user" ADD CONSTRAINT "meeting_occurrence_user_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_series" ADD CONSTRAINT "meeting_series_partner_id_partner_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partner"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_series" ADD CONSTRAINT "meeting_series_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_series_contact" ADD CONSTRAINT "meeting_series_contact_series_id_meeting_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."meeting_series"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_series_contact" ADD CONSTRAINT "meeting_series_contact_contact_id_contact_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contact"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_series_user" ADD CONSTRAINT "meeting_series_user_series_id_meeting_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."meeting_series"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_series_user" ADD CONSTRAINT "meeting_series_user_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_topic" ADD CONSTRAINT "meeting_topic_occurrence_id_meeting_occurrence_id_fk" FOREIGN KEY ("occurrence_id") REFERENCES "public"."meeting_occurrence"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification" ADD CONSTRAINT "notification_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_preference" ADD CONSTRAINT "notification_preference_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "onboarding" ADD CONSTRAINT "onboarding_partner_id_partner_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partner"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "onboarding" ADD CONSTRAINT "onboarding_playbook_id_playbook_id_fk" FOREIGN KEY ("playbook_id") REFERENCES "public"."playbook"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "onboarding" ADD CONSTRAINT "onboarding_started_by_user_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "onboarding" ADD CONSTRAINT "onboarding_override_by_user_id_fk" FOREIGN KEY ("override_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playbook_step" ADD CONSTRAINT "playbook_step_playbook_id_playbook_id_fk" FOREIGN KEY ("playbook_id") REFERENCES "public"."playbook"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task" ADD CONSTRAINT "task_partner_id_partner_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partner"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task" ADD CONSTRAINT "task_assignee_id_user_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task" ADD CONSTRAINT "task_meeting_occurrence_id_meeting_occurrence_id_fk" FOREIGN KEY ("meeting_occurrence_id") REFERENCES "public"."meeting_occurrence"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task" ADD CONSTRAINT "task_onboarding_id_onboarding_id_fk" FOREIGN KEY ("onboarding_id") REFERENCES "public"."onboarding"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task" ADD CONSTRAINT "task_completed_by_user_id_fk" FOREIGN KEY ("completed_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task" ADD CONSTRAINT "task_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_comment" ADD CONSTRAINT "task_comment_task_id_task_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."task"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_comment" ADD CONSTRAINT "task_comment_author_id_user_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "calendar_feed_user_idx" ON "calendar_feed" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "job_run_slot_uq" ON "job_run" USING btree ("job","slot");--> statement-breakpoint
CREATE INDEX "job_run_started_idx" ON "job_run" USING btree ("started_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "mail_message_status_idx" ON "mail_message" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "mail_message_created_idx" ON "mail_message" USING btree ("created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_occurrence_series_uq" ON "meeting_occurrence" USING btree ("series_id","original_start");--> statement-breakpoint
CREATE INDEX "meeting_occurrence_partner_time_idx" ON "meeting_occurrence" USING btree ("partner_id","starts_at");--> statement-breakpoint
CREATE INDEX "meeting_occurrence_time_idx" ON "meeting_occurrence" USING btree ("starts_at");--> statement-breakpoint
CREATE INDEX "meeting_occurrence_contact_contact_idx" ON "meeting_occurrence_contact" USING btree ("contact_id");--> statement-breakpoint
CREATE INDEX "meeting_occurrence_user_user_idx" ON "meeting_occurrence_user" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "meeting_series_partner_idx" ON "meeting_series" USING btree ("partner_id");--> statement-breakpoint
CREATE INDEX "meeting_series_contact_contact_idx" ON "meeting_series_contact" USING btree ("contact_id");--> statement-breakpoint
CREATE INDEX "meeting_series_user_user_idx" ON "meeting_series_user" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "meeting_topic_occurrence_idx" ON "meeting_topic" USING btree ("occurrence_id","position");--> statement-breakpoint
CREATE INDEX "meeting_topic_inform_idx" ON "meeting_topic" USING btree ("created_at") WHERE "meeting_topic"."inform_team";--> statement-breakpoint
CREATE UNIQUE INDEX "notification_dedupe_uq" ON "notification" USING btree ("user_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "notification_user_idx" ON "notification" USING btree ("user_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "onboarding_one_open_uq" ON "onboarding" USING btree ("partner_id") WHERE "onboarding"."status" = 'in_progress';--> statement-breakpoint
CREATE INDEX "onboarding_status_idx" ON "onboarding" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "playbook_name_uq" ON "playbook" USING btree (lower("name")) WHERE "playbook"."archived_at" is null;--> statement-breakpoint
CREATE INDEX "playbook_type_idx" ON "playbook" USING btree ("partner_type");--> statement-breakpoint
CREATE INDEX "playbook_step_playbook_idx" ON "playbook_step" USING btree ("playbook_id","position");--> statement-breakpoint
CREATE INDEX "task_assignee_open_idx" ON "task" USING btree ("assignee_id","due_date") WHERE "task"."status" in ('open','in_progress');--> statement-breakpoint
CREATE INDEX "task_partner_idx" ON "task" USING btree ("partner_id","status");--> statement-breakpoint
CREATE INDEX "task_subject_idx" ON "task" USING btree ("subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "task_onboarding_idx" ON "task" USING btree ("onboarding_id");--> statement-breakpoint
CREATE INDEX "task_due_open_idx" ON "task" USING btree ("due_date") WHERE "task"."status" in ('open','in_progress');--> statement-breakpoint
CREATE INDEX "task_comment_task_idx" ON "task_comment" USING btree ("task_id","created_at");--> statement-breakpoint
ALTER TABLE "partner" ADD CONSTRAINT "partner_contact_interval" CHECK ("partner"."contact_interval_days" is null or "partner"."contact_interval_days" between 1 and 730);