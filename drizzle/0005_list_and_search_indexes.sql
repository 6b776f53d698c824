DROP INDEX "partner_last_contact_idx";--> statement-breakpoint
CREATE INDEX "partner_recent_idx" ON "partner" USING btree ("last_contact_at" DESC NULLS LAST,lower("name")) WHERE "partner"."archived_at" is null;--> statement-breakpoint
CREATE INDEX "partner_name_prefix_idx" ON "partner" USING btree (lower("name") text_pattern_ops);