-- Substring search over title and summary stays fast on large collections.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "incidents_text_trgm" ON "incidents" USING gin ((title || ' ' || coalesce(summary, '')) gin_trgm_ops);
--> statement-breakpoint
-- History is append-only: the database itself refuses to change or remove a saved version.
CREATE OR REPLACE FUNCTION refuse_change_to_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER incident_versions_append_only
  BEFORE UPDATE OR DELETE ON "incident_versions"
  FOR EACH ROW EXECUTE FUNCTION refuse_change_to_append_only();
--> statement-breakpoint
CREATE TRIGGER incident_versions_no_truncate
  BEFORE TRUNCATE ON "incident_versions"
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_to_append_only();
