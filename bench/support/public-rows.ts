/**
 * The public side of bench/public-generate.ts's collection: the read model's rows, their search
 * columns (folded by the app's own code) and the counted figures (counted by the app's own code).
 */
import { sql } from 'drizzle-orm';
import type postgres from 'postgres';
import type { Db } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { publicIncidents } from '../../db/schema';
import { countPublicIncidents, markPublicCountsCurrent } from '../../server/services/publishing/public-counts';
import { rebuildPublicPlaces } from '../../server/services/publishing/public-places';
import { publicSearchColumns, type PublicSearchable } from '../../server/services/search/public-document';
import { writeExportTexts } from '../../server/public/export-texts';
import { between, step, type InSlices } from './bulk-load';

/** The public rows as refreshPublicIncident writes them: protected persons by label, coordinates as known, sorted term lists. */
export async function readModel(inSlices: InSlices): Promise<void> {
  await step('public read model', () =>
    inSlices((from, to) => `INSERT INTO public_incidents (incident_id, publisher, title, summary, start_date, end_date, date_precision, country,
        region, locality, lat, lon, location_precision, violation_types, defender_categories, perpetrator_types, victims, perpetrators, legal, sources,
        published_version, published_at, updated_at)
      SELECT g.id, 'Bench Monitoring Centre', g.title, g.summary, g.start_date, NULL, g.precision, 'KZ', g.region, g.locality, g.lat, g.lon, g.location_precision,
        g.types,
        ARRAY(SELECT c FROM unnest(a.categories || coalesce(b.categories, '{}') || CASE WHEN g.has_group THEN ARRAY['worker'] ELSE '{}' END) c GROUP BY c ORDER BY c COLLATE "C"),
        g.perpetrators,
        jsonb_build_array(jsonb_build_object('kind', 'person', 'name', CASE WHEN a.confidential THEN 'Protected person 1' ELSE a.name END,
            'protected', a.confidential, 'categories', to_jsonb(a.categories)))
          || CASE WHEN b.idx IS NULL THEN '[]'::jsonb ELSE jsonb_build_array(jsonb_build_object('kind', 'person',
            'name', CASE WHEN b.confidential THEN 'Protected person ' || (CASE WHEN a.confidential THEN 2 ELSE 1 END) ELSE b.name END,
            'protected', b.confidential, 'categories', to_jsonb(b.categories))) END
          || CASE WHEN g.has_group THEN jsonb_build_array(jsonb_build_object('kind', 'group', 'name', 'Striking workers of ' || coalesce(g.region_name, 'Kazakhstan'),
            'count', 10 + g.n % 90, 'killed', NULL, 'injured', NULL, 'categories', jsonb_build_array('worker'))) ELSE '[]'::jsonb END,
        (SELECT jsonb_agg(jsonb_build_object('type', t.code, 'name', CASE WHEN t.code = 'police' THEN 'Police of ' || coalesce(g.region_name, 'Kazakhstan') END) ORDER BY t.position)
          FROM unnest(g.perpetrators) WITH ORDINALITY AS t(code, position)),
        '[]'::jsonb,
        jsonb_build_array(jsonb_build_object('title', s.title, 'publisher', s.publisher, 'publishedOn', s.published_on, 'referenceCode', s.reference_code, 'url', s.url)),
        1, g.published_at, g.published_at
      FROM bench_incidents g
        JOIN bench_persons a ON a.idx = g.person_a
        LEFT JOIN bench_persons b ON b.idx = g.person_b
        JOIN bench_sources s ON s.idx = g.source_idx
      WHERE ${between(from, to)}`),
  );
}

/**
 * The search columns of the public rows, folded by the app's own code (server/services/search/
 * public-document.ts) as refreshPublicIncident writes them: read a slice, fold, write back, on two
 * connections. The database generates the text-search vector from them.
 */
export async function searchColumns(client: postgres.Sql): Promise<void> {
  await step('search columns of the public rows (folded in TypeScript)', async () => {
    const slices = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
    const worker = async () => {
      for (let prefix = slices.shift(); prefix !== undefined; prefix = slices.shift()) {
        const rows = await client.unsafe<(PublicSearchable & { incident_id: string })[]>(
          `SELECT incident_id, title, summary, region, locality, victims, perpetrators, legal, sources FROM public_incidents
           WHERE incident_id >= '${prefix}000000-0000-0000-0000-000000000000' AND incident_id <= '${prefix}ffffff-ffff-ffff-ffff-ffffffffffff'`,
        );
        const columns = rows.map((row) => publicSearchColumns(row));
        await client.unsafe(
          `UPDATE public_incidents p SET title_keys = u.title_keys, search_text = u.search_text, search_keys = u.search_keys
           FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) AS u(id, title_keys, search_text, search_keys) WHERE p.incident_id = u.id`,
          [rows.map((r) => r.incident_id), columns.map((c) => c.titleKeys), columns.map((c) => c.searchText), columns.map((c) => c.searchKeys)],
        );
      }
    };
    await Promise.all([worker(), worker()]);
    // The update left a dead copy of every row: written again, the table is as a publish would have left it.
    await client.unsafe('VACUUM FULL public_incidents');
  });
}

/**
 * The public rows' lines of the exports, made and written by the app's own code (server/public/
 * export-texts.ts) as a publication writes them: a slice of ids at a time, on two connections.
 */
export async function exportTexts(db: Db): Promise<void> {
  await step('lines of the public exports (made in TypeScript)', async () => {
    const slices = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
    const worker = async () => {
      for (let prefix = slices.shift(); prefix !== undefined; prefix = slices.shift()) {
        await writeExportTexts(
          db,
          sql`${publicIncidents.incidentId} BETWEEN ${`${prefix}000000-0000-0000-0000-000000000000`}::uuid AND ${`${prefix}ffffff-ffff-ffff-ffff-ffffffffffff`}::uuid`,
        );
      }
    };
    await Promise.all([worker(), worker()]);
  });
}

/**
 * The counted figures, as rebuildPublicIncidentCounts makes them, but a year of start dates per
 * statement on two connections: a year's rows are its own (the month is part of every row's key).
 */
export async function countedFigures(db: Db): Promise<void> {
  const years = rowsOf<{ year: number }>(
    await db.execute(sql`SELECT DISTINCT extract(year FROM start_date)::int AS year FROM public_incidents ORDER BY 1`),
  ).map((row) => row.year);
  const worker = async () => {
    for (let year = years.shift(); year !== undefined; year = years.shift()) {
      const first = `${year}-01-01`;
      await db.transaction(async (tx) => {
        await tx.execute(sql`SET LOCAL work_mem = '512MB'`);
        await countPublicIncidents(tx, sql`${publicIncidents.startDate} >= ${first}::date AND ${publicIncidents.startDate} < ${first}::date + interval '1 year'`, 1);
      });
    }
  };
  await Promise.all([worker(), worker()]);
  await db.transaction((tx) => markPublicCountsCurrent(tx));
  // The counted places in one statement: every incident also counts in its point's all-years row, which the years would share.
  await db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL work_mem = '512MB'`);
    await rebuildPublicPlaces(tx);
  });
}
