-- Reviews, comments and the audit log are kept forever: the database itself refuses to change or remove them.
CREATE TRIGGER incident_reviews_append_only
  BEFORE UPDATE OR DELETE ON "incident_reviews"
  FOR EACH ROW EXECUTE FUNCTION refuse_change_to_append_only();
--> statement-breakpoint
CREATE TRIGGER incident_reviews_no_truncate
  BEFORE TRUNCATE ON "incident_reviews"
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_to_append_only();
--> statement-breakpoint
CREATE TRIGGER incident_comments_append_only
  BEFORE UPDATE OR DELETE ON "incident_comments"
  FOR EACH ROW EXECUTE FUNCTION refuse_change_to_append_only();
--> statement-breakpoint
CREATE TRIGGER incident_comments_no_truncate
  BEFORE TRUNCATE ON "incident_comments"
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_to_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only
  BEFORE UPDATE OR DELETE ON "audit_log"
  FOR EACH ROW EXECUTE FUNCTION refuse_change_to_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate
  BEFORE TRUNCATE ON "audit_log"
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_to_append_only();
