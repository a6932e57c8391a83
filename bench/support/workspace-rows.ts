/**
 * The workspace rows of bench/public-generate.ts, from its planning tables: incidents, their
 * victims, perpetrators and cited sources, each incident's saved version (its snapshot) and the
 * decision that published it, as the app would hold a published incident.
 */
import { between, step, type InSlices } from './bulk-load';

export async function workspaceTables(inSlices: InSlices): Promise<void> {
  const context = `(SELECT id FROM organizations) AS org, (SELECT id FROM users) AS reviewer`;
  await step('incidents', () =>
    inSlices((from, to) => `INSERT INTO incidents (id, organization_id, ref, title, summary, start_date, date_precision, country, region, locality,
        lat, lon, location_precision, violation_types, review_status, version, published_version, created_by, updated_by, created_at, updated_at)
      SELECT g.id, c.org, 'inc:bench-' || g.n, g.title, g.summary, g.start_date, g.precision, 'KZ', g.region, g.locality,
        g.lat, g.lon, g.location_precision, g.types, 'published', 1, 1, c.reviewer, c.reviewer, g.published_at, g.published_at
      FROM bench_incidents g, (SELECT ${context}) c WHERE ${between(from, to)}`),
  );
  await step('victims, perpetrators and cited sources', () =>
    inSlices((from, to) => `
      WITH victims AS (
        INSERT INTO incident_victims (incident_id, position, person_id, group_name, count, categories)
        SELECT g.id, 0, p.id, NULL::text, NULL::int, p.categories FROM bench_incidents g JOIN bench_persons p ON p.idx = g.person_a WHERE ${between(from, to)}
        UNION ALL
        SELECT g.id, 1, p.id, NULL, NULL, p.categories FROM bench_incidents g JOIN bench_persons p ON p.idx = g.person_b WHERE ${between(from, to)}
        UNION ALL
        SELECT g.id, 2, NULL, 'Striking workers of ' || coalesce(g.region_name, 'Kazakhstan'), 10 + g.n % 90, ARRAY['worker'] FROM bench_incidents g WHERE g.has_group AND ${between(from, to)}
        RETURNING 1
      ), perpetrators AS (
        INSERT INTO incident_perpetrators (incident_id, position, type_code, name)
        SELECT g.id, t.position - 1, t.code, CASE WHEN t.code = 'police' THEN 'Police of ' || coalesce(g.region_name, 'Kazakhstan') END
        FROM bench_incidents g CROSS JOIN LATERAL unnest(g.perpetrators) WITH ORDINALITY AS t(code, position) WHERE ${between(from, to)}
        RETURNING 1
      )
      INSERT INTO incident_sources (incident_id, position, source_id)
      SELECT g.id, 0, s.id FROM bench_incidents g JOIN bench_sources s ON s.idx = g.source_idx WHERE ${between(from, to)}`),
  );
  await step('versions (snapshots) and publication decisions', () =>
    inSlices((from, to) => `
      WITH versions AS (
        INSERT INTO incident_versions (incident_id, version, snapshot, saved_by, saved_via, saved_at)
        SELECT g.id, 1, jsonb_build_object(
            'ref', 'inc:bench-' || g.n, 'title', g.title, 'summary', g.summary, 'status', 'published',
            'date', jsonb_build_object('start', g.start_date::text, 'end', NULL, 'precision', g.precision),
            'location', jsonb_build_object('country', 'KZ', 'region', g.region, 'locality', g.locality, 'lat', g.lat, 'lon', g.lon, 'precision', g.location_precision),
            'violationTypes', to_jsonb(g.types),
            'victims', (SELECT jsonb_agg(v ORDER BY position) FROM (
                SELECT 0 AS position, jsonb_build_object('kind', 'person', 'id', a.id, 'ref', a.ref, 'name', a.name, 'confidential', a.confidential) AS v
                FROM bench_persons a WHERE a.idx = g.person_a
                UNION ALL
                SELECT 1, jsonb_build_object('kind', 'person', 'id', b.id, 'ref', b.ref, 'name', b.name, 'confidential', b.confidential)
                FROM bench_persons b WHERE b.idx = g.person_b
                UNION ALL
                SELECT 2, jsonb_build_object('kind', 'group', 'name', 'Striking workers of ' || coalesce(g.region_name, 'Kazakhstan'), 'count', 10 + g.n % 90,
                  'killed', NULL, 'injured', NULL, 'categories', jsonb_build_array('worker')) WHERE g.has_group
              ) victims),
            'perpetrators', (SELECT jsonb_agg(jsonb_build_object('typeCode', t.code, 'name', CASE WHEN t.code = 'police' THEN 'Police of ' || coalesce(g.region_name, 'Kazakhstan') END) ORDER BY t.position)
              FROM unnest(g.perpetrators) WITH ORDINALITY AS t(code, position)),
            'legalProvisions', '[]'::jsonb,
            'sources', jsonb_build_array(jsonb_build_object('id', s.id, 'ref', s.ref, 'title', s.title))),
          c.reviewer, 'import', g.published_at
        FROM bench_incidents g JOIN bench_sources s ON s.idx = g.source_idx, (SELECT ${context}) c WHERE ${between(from, to)}
        RETURNING 1
      )
      INSERT INTO incident_reviews (incident_id, version, decision, decided_by, decided_at)
      SELECT g.id, 1, 'published', c.reviewer, g.published_at FROM bench_incidents g, (SELECT ${context}) c WHERE ${between(from, to)}`),
  );
}
