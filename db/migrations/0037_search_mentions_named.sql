-- Workspace search documents now write mentions by the current name (services/search/workspace-document.ts);
-- those built before kept the raw token, which a snippet showed with the person's id. Every incident
-- whose texts hold a mention is rebuilt by the next search (services/search/refresh.ts).
INSERT INTO search_stale (kind, id)
SELECT 'incident', id FROM incidents
WHERE concat_ws(' ', title, summary, region, locality) LIKE '%@[%'
ON CONFLICT DO NOTHING;
