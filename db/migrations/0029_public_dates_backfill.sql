-- The public dates by one rule for both kinds (server/services/publishing/publication-dates.ts):
-- published_at is the first publication, updated_at when the version shown was published.
UPDATE "public_incidents" p SET
  "updated_at" = v."saved_at",
  "published_at" = LEAST(v."saved_at", COALESCE((
    SELECT min(r."decided_at") FROM "incident_reviews" r WHERE r."incident_id" = p."incident_id" AND r."decision" = 'published'
  ), v."saved_at"))
FROM "incident_versions" v
WHERE v."incident_id" = p."incident_id" AND v."version" = p."published_version";
--> statement-breakpoint
UPDATE "public_cases" p SET
  "updated_at" = v."saved_at",
  "published_at" = LEAST(v."saved_at", COALESCE((
    SELECT min(r."decided_at") FROM "case_reviews" r WHERE r."case_id" = p."case_id" AND r."decision" = 'published'
  ), v."saved_at"))
FROM "case_versions" v
WHERE v."case_id" = p."case_id" AND v."version" = p."published_version";
