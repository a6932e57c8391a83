CREATE TABLE "actor_name_keys" (
	"kind" text NOT NULL,
	"actor_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"key" text NOT NULL,
	CONSTRAINT "actor_name_keys_kind_actor_id_key_pk" PRIMARY KEY("kind","actor_id","key")
);
--> statement-breakpoint
CREATE INDEX "actor_name_keys_by_key" ON "actor_name_keys" USING btree ("kind","key" text_pattern_ops,"actor_id");--> statement-breakpoint
-- The keys already folded in actor_search (` key stem key `) become one row each, so no name is folded again.
INSERT INTO "actor_name_keys" ("kind", "actor_id", "organization_id", "key")
  SELECT DISTINCT "kind", "actor_id", "organization_id", k
  FROM "actor_search", unnest(string_to_array(btrim("keys"), ' ')) AS k
  WHERE k <> '';--> statement-breakpoint
DROP TABLE "actor_search" CASCADE;
