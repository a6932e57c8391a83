-- The public side reads the counted figures as hrd_public (see 0006_public_role.sql), like the read model.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'hrd_public') THEN
    GRANT SELECT ON TABLE public_incident_counts, public_incident_counts_state TO hrd_public;
  END IF;
END
$$;
--> statement-breakpoint
-- Counts what is already public, exactly as rebuildPublicIncidentCounts in
-- server/services/publishing/public-counts.ts does (its SQL at the time of this migration), and
-- records the vocabulary hierarchy they were counted with, so the stats use them from the start.
INSERT INTO "public_incident_counts" (filter_dim, filter_key, group_dim, group_key, month, year_only, incidents) WITH RECURSIVE ancestry(kind, code, ancestor) AS (
      SELECT kind::text, code, code FROM vocabulary_terms
      UNION
      SELECT a.kind, a.code, v.parent_code FROM ancestry a JOIN vocabulary_terms v ON v.kind::text = a.kind AND v.code = a.ancestor
      WHERE v.parent_code IS NOT NULL
    ), incident AS (
      SELECT date_trunc('month', "public_incidents"."start_date")::date AS month, "public_incidents"."date_precision" = 'year' AS year_only, f.dims, f.keys
      FROM "public_incidents" CROSS JOIN LATERAL (
        SELECT array_agg(dim) AS dims, array_agg(key) AS keys FROM (
          SELECT 'region'::text AS dim, "public_incidents"."region" AS key
          UNION SELECT 'violation_type'::text, coalesce(a.ancestor, t.code) FROM unnest("public_incidents"."violation_types") AS t(code) LEFT JOIN ancestry a ON a.kind = 'violation_type' AND a.code = t.code
          UNION SELECT 'defender_category'::text, coalesce(a.ancestor, t.code) FROM unnest("public_incidents"."defender_categories") AS t(code) LEFT JOIN ancestry a ON a.kind = 'defender_category' AND a.code = t.code
          UNION SELECT 'perpetrator_type'::text, coalesce(a.ancestor, t.code) FROM unnest("public_incidents"."perpetrator_types") AS t(code) LEFT JOIN ancestry a ON a.kind = 'perpetrator_type' AND a.code = t.code
        ) facet
      ) f
    ), contribution AS (
      SELECT '' AS filter_dim, NULL::text AS filter_key, '' AS group_dim, NULL::text AS group_key, month, year_only FROM incident
      UNION ALL
      SELECT '', NULL, g.dim, g.key, month, year_only FROM incident CROSS JOIN LATERAL unnest(dims, keys) AS g(dim, key)
      UNION ALL
      SELECT f.dim, f.key, g.dim, g.key, month, year_only
      FROM incident CROSS JOIN LATERAL unnest(dims, keys) AS f(dim, key) CROSS JOIN LATERAL unnest(dims, keys) AS g(dim, key)
      WHERE f.key IS NOT NULL
    )
    SELECT filter_dim, filter_key, group_dim, group_key, month, year_only, count(*)::int AS incidents
    FROM contribution
    GROUP BY filter_dim, filter_key, group_dim, group_key, month, year_only;
--> statement-breakpoint
INSERT INTO "public_incident_counts_state" (id, vocabulary) VALUES (true, (SELECT md5(coalesce(string_agg(kind::text || ':' || code || '<' || parent_code, ',' ORDER BY kind, code), ''))
  FROM vocabulary_terms WHERE parent_code IS NOT NULL));
--> statement-breakpoint
-- The stats read many rows of one (filter, grouping) over a range of months: with every column they
-- read in the index, they read it alone (an index-only scan), not a heap page per row.
CREATE INDEX IF NOT EXISTS "public_incident_counts_lookup" ON "public_incident_counts" ("filter_dim", "filter_key", "group_dim", "month")
  INCLUDE ("year_only", "group_key", "incidents");
