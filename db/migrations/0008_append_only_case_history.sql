-- A case's saved versions and review decisions are kept forever, like an incident's.
CREATE TRIGGER case_versions_append_only
  BEFORE UPDATE OR DELETE ON "case_versions"
  FOR EACH ROW EXECUTE FUNCTION refuse_change_to_append_only();
--> statement-breakpoint
CREATE TRIGGER case_versions_no_truncate
  BEFORE TRUNCATE ON "case_versions"
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_to_append_only();
--> statement-breakpoint
CREATE TRIGGER case_reviews_append_only
  BEFORE UPDATE OR DELETE ON "case_reviews"
  FOR EACH ROW EXECUTE FUNCTION refuse_change_to_append_only();
--> statement-breakpoint
CREATE TRIGGER case_reviews_no_truncate
  BEFORE TRUNCATE ON "case_reviews"
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_to_append_only();
