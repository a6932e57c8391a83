-- Likely duplicates are found by a near-identical title (server/services/incidents/duplicates.ts):
-- `lower(title) % lower($1)` is answered by this index instead of comparing every title.
CREATE INDEX IF NOT EXISTS "incidents_title_lower_trgm" ON "incidents" USING gin ((lower(title)) gin_trgm_ops);
--> statement-breakpoint
-- Reviewers' list of likely duplicate persons pairs names by trigram similarity across each organization's persons.
CREATE INDEX IF NOT EXISTS "persons_name_lower_trgm" ON "persons" USING gin ((lower(name)) gin_trgm_ops);
