CREATE TABLE "level_requirement_certification" (
	"requirement_id" uuid NOT NULL,
	"certification_id" uuid NOT NULL,
	CONSTRAINT "level_requirement_certification_requirement_id_certification_id_pk" PRIMARY KEY("requirement_id","certification_id")
);
--> statement-breakpoint
ALTER TABLE "level_requirement_certification" ADD CONSTRAINT "level_requirement_certification_requirement_id_level_requirement_id_fk" FOREIGN KEY ("requirement_id") REFERENCES "public"."level_requirement"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "level_requirement_certification" ADD CONSTRAINT "level_requirement_certification_certification_id_certification_id_fk" FOREIGN KEY ("certification_id") REFERENCES "public"."certification"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "level_requirement_certification_cert_idx" ON "level_requirement_certification" USING btree ("certification_id");--> statement-breakpoint
-- Requirements name catalogue certifications through the join table (any programme's, from now on).
-- The arrays only ever held ids of existing certifications (checked when the ladder was saved, and
-- certifications are archived, never deleted); an id without its certification is left out.
INSERT INTO "level_requirement_certification" ("requirement_id", "certification_id")
SELECT r."id", c."id" FROM "level_requirement" r CROSS JOIN LATERAL unnest(r."certification_ids") AS x("id") JOIN "certification" c ON c."id" = x."id"
ON CONFLICT DO NOTHING;--> statement-breakpoint
-- The partner's free-text programme and level become a link to a programme with that level held:
-- an active programme of that name is reused (and linked when it is linked to nobody yet), else one
-- is created for the partner (archived with an archived partner). The level is found on its ladder
-- by name or added as the top rung, and held when the programme holds none yet. What does not map
-- cleanly (a name taken by another partner's programme, another level already held, a level without
-- a programme) is said in the programme's description; every old value is also kept in the
-- partner's history.
DO $$
DECLARE
  p record;
  prog_name text;
  prog_id uuid;
  prog_partner uuid;
  prog_held uuid;
  held_name text;
  lvl_id uuid;
  note text;
  created boolean;
BEGIN
  FOR p IN
    SELECT "id", "name", nullif(btrim("program"), '') AS program, nullif(btrim("level"), '') AS level, "program" AS old_program, "level" AS old_level, "archived_at"
    FROM "partner"
    WHERE nullif(btrim("program"), '') IS NOT NULL OR nullif(btrim("level"), '') IS NOT NULL
    ORDER BY "created_at", "id"
  LOOP
    prog_name := coalesce(p.program, p.name || ' partner programme');
    note := NULL;
    prog_id := NULL;
    prog_partner := NULL;
    prog_held := NULL;
    created := false;
    IF p.program IS NULL THEN
      note := format('The partner record gave the level "%s" without naming a programme; this programme was created to hold it.', p.level);
    END IF;
    IF p.archived_at IS NULL THEN
      SELECT "id", "partner_id", "held_level_id" INTO prog_id, prog_partner, prog_held
      FROM "partner_program" WHERE lower("name") = lower(prog_name) AND "archived_at" IS NULL;
      IF prog_id IS NOT NULL AND prog_partner IS NOT NULL AND prog_partner <> p."id" THEN
        -- Another partner's programme has that name: this partner gets its own, named after it.
        note := concat_ws(' ', note, format('The partner record named the programme "%s", the name of another partner''s programme.', prog_name));
        prog_name := format('%s (%s)', prog_name, p.name);
        IF EXISTS (SELECT 1 FROM "partner_program" WHERE lower("name") = lower(prog_name) AND "archived_at" IS NULL) THEN
          prog_name := format('%s (%s %s)', coalesce(p.program, p.name || ' partner programme'), p.name, left(p."id"::text, 8));
        END IF;
        prog_id := NULL;
        prog_held := NULL;
      END IF;
    END IF;
    IF prog_id IS NULL THEN
      INSERT INTO "partner_program" ("partner_id", "name", "vendor", "description", "archived_at")
      VALUES (p."id", prog_name, p.name, 'Created from the programme and level recorded on the partner.', p."archived_at")
      RETURNING "id" INTO prog_id;
      created := true;
    ELSIF prog_partner IS NULL THEN
      UPDATE "partner_program" SET "partner_id" = p."id", "version" = "version" + 1, "updated_at" = now() WHERE "id" = prog_id;
    END IF;
    IF p.level IS NOT NULL THEN
      SELECT "id" INTO lvl_id FROM "program_level" WHERE "program_id" = prog_id AND lower("name") = lower(p.level) ORDER BY "rank" LIMIT 1;
      IF lvl_id IS NULL THEN
        INSERT INTO "program_level" ("program_id", "name", "rank", "description")
        VALUES (prog_id, p.level, coalesce((SELECT max("rank") FROM "program_level" WHERE "program_id" = prog_id), 0) + 1, 'The level recorded on the partner; add its requirements.')
        RETURNING "id" INTO lvl_id;
      END IF;
      IF prog_held IS NULL THEN
        UPDATE "partner_program" SET "held_level_id" = lvl_id, "version" = "version" + 1, "updated_at" = now() WHERE "id" = prog_id;
      ELSIF prog_held <> lvl_id THEN
        SELECT "name" INTO held_name FROM "program_level" WHERE "id" = prog_held;
        note := concat_ws(' ', note, format('The partner record gave the level "%s"; the programme already held "%s", which it keeps.', p.level, held_name));
      END IF;
    END IF;
    IF note IS NOT NULL THEN
      UPDATE "partner_program"
      SET "description" = CASE WHEN created THEN note ELSE concat_ws(E'\n\n', nullif("description", ''), note) END
      WHERE "id" = prog_id;
    END IF;
    INSERT INTO "audit_log" ("entity_type", "entity_id", "action", "actor_id", "actor_name", "changes")
    VALUES ('partner', p."id"::text, 'update', NULL, 'Migration: level from programmes',
      jsonb_build_object('program', jsonb_build_object('from', p.old_program, 'to', NULL), 'level', jsonb_build_object('from', p.old_level, 'to', NULL), 'programId', jsonb_build_object('from', NULL, 'to', prog_id)));
  END LOOP;
END $$;--> statement-breakpoint
ALTER TABLE "partner" DROP COLUMN "program";--> statement-breakpoint
ALTER TABLE "partner" DROP COLUMN "level";--> statement-breakpoint
ALTER TABLE "level_requirement" DROP COLUMN "certification_ids";