ALTER TABLE "risk_assessment" ADD COLUMN "created_by" text;--> statement-breakpoint
ALTER TABLE "risk_assessment" ADD COLUMN "updated_by" text;--> statement-breakpoint
ALTER TABLE "risk_assessment" ADD CONSTRAINT "risk_assessment_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_assessment" ADD CONSTRAINT "risk_assessment_updated_by_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
-- Existing assessments: who started and who last changed them, from the audit trail (colleagues still on file).
UPDATE "risk_assessment" ra SET "created_by" = a."actor_id" FROM "audit_log" a
WHERE a."entity_type" = 'risk_assessment' AND a."entity_id" = ra."id"::text AND a."action" = 'create' AND a."actor_id" IN (SELECT "id" FROM "user");--> statement-breakpoint
UPDATE "risk_assessment" ra SET "updated_by" = last."actor_id" FROM (
  SELECT DISTINCT ON (a."entity_id") a."entity_id", a."actor_id" FROM "audit_log" a
  WHERE a."entity_type" = 'risk_assessment' AND a."action" IN ('create', 'update', 'add_finding', 'remove_finding')
  ORDER BY a."entity_id", a."at" DESC, a."id" DESC
) last
WHERE last."entity_id" = ra."id"::text AND last."actor_id" IN (SELECT "id" FROM "user");
