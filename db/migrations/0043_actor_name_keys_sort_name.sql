DROP INDEX "actor_name_keys_by_key";--> statement-breakpoint
-- Each key carries its record's name, so a page of suggestions is chosen from the keys alone.
ALTER TABLE "actor_name_keys" ADD COLUMN "sort_name" text;--> statement-breakpoint
UPDATE "actor_name_keys" k SET "sort_name" = p."name" FROM "persons" p WHERE k."kind" = 'person' AND k."actor_id" = p."id";--> statement-breakpoint
UPDATE "actor_name_keys" k SET "sort_name" = o."name" FROM "documented_organizations" o WHERE k."kind" = 'organization' AND k."actor_id" = o."id";--> statement-breakpoint
-- A merged duplicate is offered by no search, so it keeps no keys (and none of a record since gone).
DELETE FROM "actor_name_keys" k WHERE k."sort_name" IS NULL
  OR (k."kind" = 'person' AND EXISTS (SELECT 1 FROM "persons" p WHERE p."id" = k."actor_id" AND p."merged_into_id" IS NOT NULL));--> statement-breakpoint
ALTER TABLE "actor_name_keys" ALTER COLUMN "sort_name" SET NOT NULL;--> statement-breakpoint
CREATE INDEX "actor_name_keys_by_key" ON "actor_name_keys" USING btree ("kind","organization_id","key" text_pattern_ops,"sort_name","actor_id");--> statement-breakpoint
-- A merge (and its undoing) changes whether a person is offered: their keys are rebuilt then too.
DROP TRIGGER "search_stale_person" ON "persons";--> statement-breakpoint
CREATE TRIGGER search_stale_person AFTER INSERT OR UPDATE OF name, aliases, organization_id, merged_into_id ON persons FOR EACH ROW EXECUTE FUNCTION search_mark_named();
