/**
 * A large public collection for bench/public-api.ts: `npm run bench:public:generate [-- --count 1000000]`.
 *
 * (Re)creates the PostgreSQL database `hrd_bench_public` (on BENCH_DATABASE_URL's server, default
 * postgres://postgres@127.0.0.1:5432) and fills it with published synthetic incidents the way the app
 * would hold them: the workspace tables (incidents, victims, perpetrators, sources, versions with
 * their snapshots, publication decisions), the public read model and the counted figures. Rows are
 * made by INSERT … SELECT in the database, a slice of incidents per statement on two connections.
 * At the end a sample of incidents is refreshed by the app's own refreshPublicIncident and compared
 * with what was generated (rolled back), and a few stats are compared with the read model, so the
 * benchmark measures data the app itself would have written.
 */
import { performance } from 'node:perf_hooks';
import { isDeepStrictEqual } from 'node:util';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import postgres from 'postgres';
import { openPostgres, type Db } from '../db/client';
import { applyMigrations } from '../db/migrate';
import { rowsOf } from '../db/rows';
import { publicIncidents } from '../db/schema';
import { publicRead } from '../server/public/db';
import { groupings } from '../server/public/groupings';
import { statsFromReadModel } from '../server/public/stats';
import { rollupPlan, statsFromRollup } from '../server/public/stats-rollup';
import { countPublicIncidents, markPublicCountsCurrent } from '../server/services/publishing/public-counts';
import { refreshPublicIncident } from '../server/services/publishing/public-record';
import { publicSearchColumns, type PublicSearchable } from '../server/services/search/public-document';
import { benchDatabaseName, benchDatabaseUrl } from './public-database';


const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const count = Number(option('--count') ?? 1_000_000);
const slice = 50_000;
const personCount = 20_000;
const sourceCount = 5_000;

const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;
const textArray = (values: string[]) => `ARRAY[${values.map(quote).join(',')}]::text[]`;

// Regions of Kazakhstan with a rough centre; repeated entries make the busier ones likelier.
const regions: [string, number, number, number][] = [
  ['Almaty', 43.24, 76.89, 8],
  ['Astana', 51.17, 71.45, 6],
  ['Shymkent', 42.32, 69.59, 3],
  ['Almaty Region', 44.5, 78.0, 3],
  ['Mangystau Region', 43.65, 51.2, 3],
  ['Atyrau Region', 47.1, 51.9, 2],
  ['Karaganda Region', 49.8, 73.1, 3],
  ['East Kazakhstan Region', 49.95, 82.6, 2],
  ['Pavlodar Region', 52.28, 76.95, 1],
  ['Kostanay Region', 53.21, 63.62, 1],
  ['Aktobe Region', 50.28, 57.17, 2],
  ['West Kazakhstan Region', 51.23, 51.37, 1],
  ['Kyzylorda Region', 44.85, 65.5, 1],
  ['Turkistan Region', 43.3, 68.25, 2],
  ['Zhambyl Region', 42.9, 71.37, 1],
  ['North Kazakhstan Region', 54.87, 69.15, 1],
  ['Akmola Region', 53.28, 69.4, 1],
];
const regionSlots = regions.flatMap(([name, lat, lon, weight], index) => Array.from({ length: weight }, () => ({ name, lat, lon, index })));

type Vocabulary = Record<'violation_types' | 'defender_categories' | 'perpetrator_types', { code: string; parent?: string; labels: Record<string, string> }[]>;
const fixture = JSON.parse(readFileSync(path.join(__dirname, '..', 'fixtures', 'kazakhstan-2017.json'), 'utf8')) as { vocabularies: Vocabulary };
const vocabulary = fixture.vocabularies;
// The common kinds of attack come up more often; the parent type is also used on its own.
const typeSlots = vocabulary.violation_types.flatMap((t, i) => Array.from({ length: i < 8 ? 4 : 1 }, () => t.code));
const categorySlots = vocabulary.defender_categories.map((t) => t.code);
const perpetratorSlots = vocabulary.perpetrator_types.flatMap((t, i) => Array.from({ length: i < 3 ? 3 : 1 }, () => t.code));
const firstNames = ['Aigul', 'Bolat', 'Dana', 'Erlan', 'Gulnara', 'Kairat', 'Laura', 'Marat', 'Nazira', 'Olzhas', 'Raushan', 'Serik', 'Togzhan', 'Yerbol', 'Zhanar', 'Asset', 'Botagoz', 'Dias', 'Kamila', 'Nurlan'];
const lastNames = ['Abenova', 'Bekov', 'Dzhaksybekova', 'Esimov', 'Ibraeva', 'Kassymov', 'Mukanova', 'Nurpeisov', 'Omarova', 'Sadykov', 'Tulegenova', 'Utebayev', 'Zhumabekova', 'Akhmetov', 'Baimukhanova', 'Karimov', 'Seitkali', 'Zhakupova', 'Rakhimov', 'Yessenova'];
const kinds = ['Detention', 'Search', 'Threats', 'Assault', 'Fine', 'Charges', 'Blocking', 'Raid'];

/** A pseudo-random whole number from 0 to 2^31 for incident `n` and a purpose `salt`: the same on every run. */
const h = (n: string, salt: number) => `(hashint8((${n})::bigint * 1000 + ${salt}) & 2147483647)`;
const pick = (slots: string[], n: string, salt: number) => `(${textArray(slots)})[1 + ${h(n, salt)} % ${slots.length}]`;

async function createDatabase(): Promise<void> {
  const admin = postgres(benchDatabaseUrl('postgres'), { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`DROP DATABASE IF EXISTS ${benchDatabaseName} WITH (FORCE)`);
    await admin.unsafe(`CREATE DATABASE ${benchDatabaseName}`);
  } finally {
    await admin.end();
  }
}

async function step(label: string, run: () => Promise<unknown>): Promise<void> {
  const started = performance.now();
  await run();
  console.log(`  ${label.padEnd(66)} ${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s`);
}

/** Runs `statement(from, to)` for every slice of incident numbers, two at a time. */
async function inSlices(client: postgres.Sql, statement: (from: number, to: number) => string): Promise<void> {
  const slices: [number, number][] = [];
  for (let from = 1; from <= count; from += slice) slices.push([from, Math.min(count, from + slice - 1)]);
  const worker = async () => {
    for (let next = slices.shift(); next; next = slices.shift()) await client.unsafe(statement(...next));
  };
  await Promise.all([worker(), worker()]);
}

async function seed(client: postgres.Sql): Promise<void> {
  const terms = (kind: string, list: Vocabulary[keyof Vocabulary]) =>
    list.map((t) => `(${quote(kind)}, ${quote(t.code)}, ${t.parent ? quote(t.parent) : 'NULL'}, ${quote(JSON.stringify(t.labels))}::jsonb)`);
  await client.unsafe(`INSERT INTO vocabulary_terms (kind, code, parent_code, labels) VALUES ${[
    ...terms('violation_type', vocabulary.violation_types),
    ...terms('defender_category', vocabulary.defender_categories),
    ...terms('perpetrator_type', vocabulary.perpetrator_types),
  ].join(',')}`);
  await client.unsafe(`INSERT INTO organizations (slug, name) VALUES ('bench', 'Bench Monitoring Centre')`);
  await client.unsafe(`INSERT INTO users (email, name, password_hash) VALUES ('reviewer@bench.invalid', 'Bench Reviewer', 'not-a-hash')`);
  await client.unsafe(`INSERT INTO memberships (user_id, organization_id, role)
    SELECT u.id, o.id, 'reviewer' FROM users u, organizations o`);
  // Persons (one in ten confidential) and sources, numbered so incidents can pick them by number.
  await client.unsafe(`CREATE UNLOGGED TABLE bench_persons AS
    SELECT i AS idx, gen_random_uuid() AS id, 'person:bench-' || i AS ref,
           ${pick(firstNames, 'i', 1)} || ' ' || ${pick(lastNames, 'i', 2)} AS name,
           ${h('i', 3)} % 10 = 0 AS confidential,
           ARRAY(SELECT c FROM unnest(ARRAY[${pick(categorySlots, 'i', 4)},
             CASE WHEN ${h('i', 5)} % 4 = 0 THEN ${pick(categorySlots, 'i', 6)} END]) c WHERE c IS NOT NULL GROUP BY c ORDER BY c COLLATE "C") AS categories
    FROM generate_series(0, ${personCount - 1}) i`);
  await client.unsafe(`ALTER TABLE bench_persons ADD PRIMARY KEY (idx)`);
  await client.unsafe(`INSERT INTO persons (id, organization_id, ref, name, categories, confidential)
    SELECT p.id, o.id, p.ref, p.name, p.categories, p.confidential FROM bench_persons p, organizations o`);
  await client.unsafe(`CREATE UNLOGGED TABLE bench_sources AS
    SELECT i AS idx, gen_random_uuid() AS id, 'src:bench-' || i AS ref, 'Monitoring report no. ' || i AS title,
           ${pick(['Bureau for Human Rights', 'Adil Soz', 'Freedom House', 'Amnesty International', 'OSCE'], 'i', 7)} AS publisher,
           date '2000-01-01' + ${h('i', 8)} % 9000 AS published_on,
           CASE WHEN ${h('i', 9)} % 5 = 0 THEN 'UA KAZ ' || i || '/2017' END AS reference_code,
           'https://example.org/reports/' || i AS url
    FROM generate_series(0, ${sourceCount - 1}) i`);
  await client.unsafe(`ALTER TABLE bench_sources ADD PRIMARY KEY (idx)`);
  await client.unsafe(`INSERT INTO sources (id, organization_id, ref, title, publisher, published_on, reference_code, url, reliability)
    SELECT s.id, o.id, s.ref, s.title, s.publisher, s.published_on, s.reference_code, s.url, 'B' FROM bench_sources s, organizations o`);
}

/** Every choice about incident n, made once: the tables below all read from here. */
async function plan(client: postgres.Sql): Promise<void> {
  const region = `${h('n', 11)} % ${regionSlots.length}`;
  await client.unsafe(`CREATE UNLOGGED TABLE bench_incidents AS
    SELECT n, id, start_date, precision, region, locality,
           CASE WHEN locality IS NOT NULL THEN round((lat + (${h('n', 14)} % 50) / 100.0)::numeric, 2)::float8 END AS lat,
           CASE WHEN locality IS NOT NULL THEN round((lon + (${h('n', 15)} % 50) / 100.0)::numeric, 2)::float8 END AS lon,
           CASE WHEN locality IS NOT NULL THEN 'locality' WHEN region IS NOT NULL THEN 'region' ELSE 'country' END::location_precision AS location_precision,
           types, person_a, person_b, has_group, perpetrators, source_idx,
           kind || ' in ' || coalesce(locality, region, 'Kazakhstan') || ', case ' || n AS title,
           'Synthetic incident ' || n || ': ' || lower(kind) || ' reported by monitors; details withheld in this benchmark.' AS summary,
           timestamptz '2001-01-01' + make_interval(secs => n * 700) AS published_at
    FROM (
      SELECT n, gen_random_uuid() AS id,
             CASE WHEN ${h('n', 12)} % 10 < 7 THEN day WHEN ${h('n', 12)} % 10 < 9 THEN date_trunc('month', day)::date ELSE date_trunc('year', day)::date END AS start_date,
             CASE WHEN ${h('n', 12)} % 10 < 7 THEN 'day' WHEN ${h('n', 12)} % 10 < 9 THEN 'month' ELSE 'year' END::date_precision AS precision,
             CASE WHEN ${h('n', 13)} % 100 < 3 THEN NULL ELSE (${textArray(regionSlots.map((r) => r.name))})[1 + ${region}] END AS region,
             CASE WHEN ${h('n', 13)} % 100 < 3 OR ${h('n', 16)} % 5 = 0 THEN NULL
                  ELSE (${textArray(regionSlots.map((r) => r.name))})[1 + ${region}] || ' town ' || (${h('n', 17)} % 12) END AS locality,
             (ARRAY[${regionSlots.map((r) => r.lat).join(',')}]::float8[])[1 + ${region}] AS lat,
             (ARRAY[${regionSlots.map((r) => r.lon).join(',')}]::float8[])[1 + ${region}] AS lon,
             ARRAY(SELECT t FROM unnest(ARRAY[${pick(typeSlots, 'n', 18)},
               CASE WHEN ${h('n', 19)} % 10 < 3 THEN ${pick(typeSlots, 'n', 20)} END,
               CASE WHEN ${h('n', 19)} % 10 = 0 THEN ${pick(typeSlots, 'n', 21)} END]) t WHERE t IS NOT NULL GROUP BY t ORDER BY t COLLATE "C") AS types,
             ${h('n', 22)} % ${personCount} AS person_a,
             CASE WHEN ${h('n', 23)} % 4 = 0 THEN (${h('n', 22)} + 1 + ${h('n', 24)} % ${personCount - 1}) % ${personCount} END AS person_b,
             ${h('n', 25)} % 10 = 0 AS has_group,
             ARRAY(SELECT t FROM unnest(ARRAY[${pick(perpetratorSlots, 'n', 26)},
               CASE WHEN ${h('n', 27)} % 3 = 0 THEN ${pick(perpetratorSlots, 'n', 28)} END]) t WHERE t IS NOT NULL GROUP BY t ORDER BY t COLLATE "C") AS perpetrators,
             ${h('n', 29)} % ${sourceCount} AS source_idx,
             ${pick(kinds, 'n', 30)} AS kind
      FROM (
        -- Spread over 25 years, more in recent ones (as documentation grows).
        SELECT n, date '2000-01-01' + (sqrt((${h('n', 31)} % 1000000) / 1000000.0) * 9131)::int AS day FROM generate_series(1, ${count}) n
      ) numbered
    ) chosen`);
  await client.unsafe(`ALTER TABLE bench_incidents ADD PRIMARY KEY (n)`);
}

const between = (from: number, to: number) => `g.n BETWEEN ${from} AND ${to}`;

const loadedTables = ['incidents', 'incident_victims', 'incident_perpetrators', 'incident_sources', 'incident_versions', 'incident_reviews', 'public_incidents'];

/**
 * Loads with the tables' secondary indexes dropped and made again afterwards, in bulk (much faster
 * than growing them row by row). Indexes behind constraints (primary keys, unique) stay.
 */
async function withoutSecondaryIndexes(client: postgres.Sql, load: () => Promise<void>): Promise<void> {
  const indexes = await client.unsafe<{ name: string; definition: string }[]>(
    `SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
     WHERE i.schemaname = 'public' AND i.tablename = ANY($1::text[])
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = format('%I', i.indexname)::regclass)`,
    [loadedTables],
  );
  for (const index of indexes) await client.unsafe(`DROP INDEX "${index.name}"`);
  await load();
  await step(`${indexes.length} secondary indexes made again`, async () => {
    const queue = [...indexes];
    const worker = () =>
      client.begin(async (tx) => {
        await tx.unsafe(`SET LOCAL maintenance_work_mem = '1GB'`);
        for (let index = queue.shift(); index; index = queue.shift()) await tx.unsafe(index.definition);
      });
    await Promise.all([worker(), worker()]);
  });
}

async function workspaceTables(client: postgres.Sql): Promise<void> {
  const context = `(SELECT id FROM organizations) AS org, (SELECT id FROM users) AS reviewer`;
  await step('incidents', () =>
    inSlices(client, (from, to) => `INSERT INTO incidents (id, organization_id, ref, title, summary, start_date, date_precision, country, region, locality,
        lat, lon, location_precision, violation_types, review_status, version, published_version, created_by, updated_by, created_at, updated_at)
      SELECT g.id, c.org, 'inc:bench-' || g.n, g.title, g.summary, g.start_date, g.precision, 'KZ', g.region, g.locality,
        g.lat, g.lon, g.location_precision, g.types, 'published', 1, 1, c.reviewer, c.reviewer, g.published_at, g.published_at
      FROM bench_incidents g, (SELECT ${context}) c WHERE ${between(from, to)}`),
  );
  await step('victims, perpetrators and cited sources', () =>
    inSlices(client, (from, to) => `
      WITH victims AS (
        INSERT INTO incident_victims (incident_id, position, person_id, group_name, count, categories)
        SELECT g.id, 0, p.id, NULL::text, NULL::int, p.categories FROM bench_incidents g JOIN bench_persons p ON p.idx = g.person_a WHERE ${between(from, to)}
        UNION ALL
        SELECT g.id, 1, p.id, NULL, NULL, p.categories FROM bench_incidents g JOIN bench_persons p ON p.idx = g.person_b WHERE ${between(from, to)}
        UNION ALL
        SELECT g.id, 2, NULL, 'Striking workers of ' || coalesce(g.region, 'Kazakhstan'), 10 + g.n % 90, ARRAY['worker'] FROM bench_incidents g WHERE g.has_group AND ${between(from, to)}
        RETURNING 1
      ), perpetrators AS (
        INSERT INTO incident_perpetrators (incident_id, position, type_code, name)
        SELECT g.id, t.position - 1, t.code, CASE WHEN t.code = 'police' THEN 'Police of ' || coalesce(g.region, 'Kazakhstan') END
        FROM bench_incidents g CROSS JOIN LATERAL unnest(g.perpetrators) WITH ORDINALITY AS t(code, position) WHERE ${between(from, to)}
        RETURNING 1
      )
      INSERT INTO incident_sources (incident_id, position, source_id)
      SELECT g.id, 0, s.id FROM bench_incidents g JOIN bench_sources s ON s.idx = g.source_idx WHERE ${between(from, to)}`),
  );
  await step('versions (snapshots) and publication decisions', () =>
    inSlices(client, (from, to) => `
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
                SELECT 2, jsonb_build_object('kind', 'group', 'name', 'Striking workers of ' || coalesce(g.region, 'Kazakhstan'), 'count', 10 + g.n % 90,
                  'killed', NULL, 'injured', NULL, 'categories', jsonb_build_array('worker')) WHERE g.has_group
              ) victims),
            'perpetrators', (SELECT jsonb_agg(jsonb_build_object('typeCode', t.code, 'name', CASE WHEN t.code = 'police' THEN 'Police of ' || coalesce(g.region, 'Kazakhstan') END) ORDER BY t.position)
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

/** The public rows as refreshPublicIncident writes them: protected persons by label, coordinates as known, sorted term lists. */
async function readModel(client: postgres.Sql): Promise<void> {
  await step('public read model', () =>
    inSlices(client, (from, to) => `INSERT INTO public_incidents (incident_id, publisher, title, summary, start_date, end_date, date_precision, country,
        region, locality, lat, lon, location_precision, violation_types, defender_categories, perpetrator_types, victims, perpetrators, legal, sources,
        published_version, published_at)
      SELECT g.id, 'Bench Monitoring Centre', g.title, g.summary, g.start_date, NULL, g.precision, 'KZ', g.region, g.locality, g.lat, g.lon, g.location_precision,
        g.types,
        ARRAY(SELECT c FROM unnest(a.categories || coalesce(b.categories, '{}') || CASE WHEN g.has_group THEN ARRAY['worker'] ELSE '{}' END) c GROUP BY c ORDER BY c COLLATE "C"),
        g.perpetrators,
        jsonb_build_array(jsonb_build_object('kind', 'person', 'name', CASE WHEN a.confidential THEN 'Protected person 1' ELSE a.name END,
            'protected', a.confidential, 'categories', to_jsonb(a.categories)))
          || CASE WHEN b.idx IS NULL THEN '[]'::jsonb ELSE jsonb_build_array(jsonb_build_object('kind', 'person',
            'name', CASE WHEN b.confidential THEN 'Protected person ' || (CASE WHEN a.confidential THEN 2 ELSE 1 END) ELSE b.name END,
            'protected', b.confidential, 'categories', to_jsonb(b.categories))) END
          || CASE WHEN g.has_group THEN jsonb_build_array(jsonb_build_object('kind', 'group', 'name', 'Striking workers of ' || coalesce(g.region, 'Kazakhstan'),
            'count', 10 + g.n % 90, 'killed', NULL, 'injured', NULL, 'categories', jsonb_build_array('worker'))) ELSE '[]'::jsonb END,
        (SELECT jsonb_agg(jsonb_build_object('type', t.code, 'name', CASE WHEN t.code = 'police' THEN 'Police of ' || coalesce(g.region, 'Kazakhstan') END) ORDER BY t.position)
          FROM unnest(g.perpetrators) WITH ORDINALITY AS t(code, position)),
        '[]'::jsonb,
        jsonb_build_array(jsonb_build_object('title', s.title, 'publisher', s.publisher, 'publishedOn', s.published_on, 'referenceCode', s.reference_code, 'url', s.url)),
        1, g.published_at
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
async function searchColumns(client: postgres.Sql): Promise<void> {
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
 * The counted figures, as rebuildPublicIncidentCounts makes them, but a year of start dates per
 * statement on two connections: a year's rows are its own (the month is part of every row's key).
 */
async function countedFigures(db: Db): Promise<void> {
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
}

/** Refreshes a sample through the app's own code and compares (then rolls back); compares a few stats both ways. */
async function verify(db: Db): Promise<void> {
  const sample = rowsOf<{ id: string }>(await db.execute(sql`SELECT incident_id AS id FROM public_incidents TABLESAMPLE SYSTEM (0.1) LIMIT 200`));
  let differences = 0;
  await db
    .transaction(async (tx) => {
      for (const { id } of sample) {
        const [generated] = await tx.select().from(publicIncidents).where(eq(publicIncidents.incidentId, id));
        await refreshPublicIncident(tx, id);
        const [refreshed] = await tx.select().from(publicIncidents).where(eq(publicIncidents.incidentId, id));
        if (!isDeepStrictEqual(generated, refreshed)) {
          differences++;
          if (differences <= 3) console.error('generated and refreshed rows differ:', JSON.stringify(generated), JSON.stringify(refreshed));
        }
      }
      throw new Rollback();
    })
    .catch((error: unknown) => {
      if (!(error instanceof Rollback)) throw error;
    });
  console.log(`  ${sample.length} sampled incidents refreshed by the app's code: ${differences} differ from the generated rows`);
  if (differences > 0) process.exitCode = 1;

  let compared = 0;
  await publicRead(async (tx) => {
    for (const [groupBy, filters] of [['year', {}], ['violation_type', { region: 'Almaty' }], ['month', { type: 'judicial_harassment', from: '2020' }]] as const) {
      const plan = rollupPlan(groupBy, filters)!;
      const [fromRollup, fromReadModel] = [await statsFromRollup(tx, plan), await statsFromReadModel(tx, groupBy, filters)];
      if (!isDeepStrictEqual(fromRollup, fromReadModel)) {
        console.error(`stats differ for ${groupBy} ${JSON.stringify(filters)}`);
        process.exitCode = 1;
      }
      compared++;
    }
  }, db);
  console.log(`  ${compared} stats compared between the counted figures and the read model (groupings: ${groupings.length})`);
}

class Rollback extends Error {}

async function main() {
  const started = performance.now();
  console.log(`Generating ${count.toLocaleString('en')} published incidents in ${benchDatabaseName} (${benchDatabaseUrl().replace(/:[^:@/]*@/, ':***@')}):`);
  await step('database created and migrated', async () => {
    await createDatabase();
    const migrating = openPostgres(benchDatabaseUrl(), { max: 1 });
    await applyMigrations(migrating);
    await migrating.close();
  });
  // The rows are made consistent by construction (and checked at the end), so the load skips the
  // foreign-key and append-only triggers (session_replication_role = replica; needs a superuser).
  const client = postgres(benchDatabaseUrl(), { max: 2, onnotice: () => {}, connection: { session_replication_role: 'replica' } });
  const app = openPostgres(benchDatabaseUrl(), { max: 2 });
  try {
    await step('vocabulary, organization, persons and sources', () => seed(client));
    await step('choices for every incident', () => plan(client));
    await withoutSecondaryIndexes(client, async () => {
      await workspaceTables(client);
      await readModel(client);
      await searchColumns(client);
    });
    await step('counted figures (the app\'s own counting, a year per statement)', () => countedFigures(app.db));
    await step('planning tables dropped, VACUUM ANALYZE', async () => {
      await client.unsafe('DROP TABLE bench_incidents, bench_persons, bench_sources');
      await client.unsafe('VACUUM ANALYZE');
    });
    await step('checked against the app', () => verify(app.db));
    const [sizes] = rowsOf<Record<string, string>>(
      await app.db.execute(sql`SELECT (SELECT count(*) FROM public_incidents)::text AS public, (SELECT count(*) FROM public_incident_counts)::text AS counted,
        pg_size_pretty(pg_database_size(current_database())) AS size`),
    );
    console.log(`Done in ${((performance.now() - started) / 1000).toFixed(0)} s: ${sizes?.public} public incidents, ${sizes?.counted} rows of counted figures, database ${sizes?.size}.`);
  } finally {
    await client.end();
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
