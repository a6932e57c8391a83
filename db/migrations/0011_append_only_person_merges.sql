-- A merge of two person records is kept forever: the database itself refuses to change or remove it.
CREATE TRIGGER person_merges_append_only
  BEFORE UPDATE OR DELETE ON "person_merges"
  FOR EACH ROW EXECUTE FUNCTION refuse_change_to_append_only();
--> statement-breakpoint
CREATE TRIGGER person_merges_no_truncate
  BEFORE TRUNCATE ON "person_merges"
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_to_append_only();
