-- Every version of a person, documented organization or source is kept: the database refuses to change or remove one.
CREATE TRIGGER directory_versions_append_only
  BEFORE UPDATE OR DELETE ON "directory_versions"
  FOR EACH ROW EXECUTE FUNCTION refuse_change_to_append_only();
--> statement-breakpoint
CREATE TRIGGER directory_versions_no_truncate
  BEFORE TRUNCATE ON "directory_versions"
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_to_append_only();
--> statement-breakpoint
-- Who created each record from an incident form is already in the audit log ("person.create" and the like):
-- it becomes the record's author, so that a monitor can correct what they entered. Imported records keep none.
UPDATE "persons" p SET "created_by" = a."actor_id"
  FROM "audit_log" a
  WHERE a."action" = 'person.create' AND a."subject_type" = 'person' AND a."subject_id" = p."id"::text AND p."created_by" IS NULL;
--> statement-breakpoint
UPDATE "documented_organizations" o SET "created_by" = a."actor_id"
  FROM "audit_log" a
  WHERE a."action" = 'documented_organization.create' AND a."subject_type" = 'documented_organization' AND a."subject_id" = o."id"::text AND o."created_by" IS NULL;
--> statement-breakpoint
UPDATE "sources" s SET "created_by" = a."actor_id"
  FROM "audit_log" a
  WHERE a."action" = 'source.create' AND a."subject_type" = 'source' AND a."subject_id" = s."id"::text AND s."created_by" IS NULL;
