/**
 * Case page speed: `npm run bench:case [-- --count 100000 --links 500 --embedded]`.
 * Makes its own database (PostgreSQL at TEST_DATABASE_URL or 127.0.0.1:5432, or an in-memory
 * embedded one with --embedded), fills it with synthetic incidents and one case linked to 500 of
 * them with legal events and interventions, then times what the case page asks the server for
 * (case.get and case.timeline through the tRPC caller, viewer loading included), prints the
 * figures, and drops the database.
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { rowsOf } from '../db/rows';
import { createCaller } from '../server/routers';
import { createContext } from '../server/trpc';
import { createBenchOrganization, openBenchDatabase } from './support/bench-database';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) || fallback : fallback;
};
const count = option('--count', 100_000);
const links = option('--links', 500);
const runs = option('--runs', 30);
const embedded = args.includes('--embedded');
const goalMs = 200;

async function fill(database: Database) {
  const { db } = database;
  const organizationId = await createBenchOrganization(db);
  const [user] = rowsOf<{ id: string }>(
    await db.execute(sql`INSERT INTO users (email, name, password_hash) VALUES ('bench@example.org', 'Bench Monitor', 'x') RETURNING id`),
  );
  await db.execute(sql`INSERT INTO memberships (user_id, organization_id, role) VALUES (${user!.id}, ${organizationId}, 'monitor')`);
  // One statement, so generating 100,000 rows takes seconds rather than minutes (as bench/incident-list.ts).
  await db.execute(sql`
    INSERT INTO incidents (organization_id, ref, title, summary, start_date, date_precision, country, region,
                           locality, location_precision, violation_types, review_status, version, updated_at)
    SELECT ${organizationId}, 'inc:bench-' || n,
           'Incident ' || n || ' ' || (ARRAY['detention','search','threat','assault','fine'])[1 + n % 5],
           'Synthetic summary number ' || n, date '2000-01-01' + (n % 9000),
           (ARRAY['day','month','year'])[1 + n % 3]::date_precision,
           'KZ', 'Region ' || (n % 17), 'Town ' || (n % 300), 'locality',
           ARRAY['threats'], (ARRAY['draft','submitted','published'])[1 + n % 3]::review_status,
           1, now() - make_interval(secs => n)
    FROM generate_series(1, ${count}) AS n`);
  const [record] = rowsOf<{ id: string }>(
    await db.execute(sql`
      INSERT INTO cases (organization_id, ref, title, summary, created_by, updated_by)
      VALUES (${organizationId}, 'case:bench', 'Benchmark case', 'One case holding many incidents', ${user!.id}, ${user!.id})
      RETURNING id`),
  );
  const caseId = record!.id;
  // Spread the links over the whole collection, as a long-running case gathers them over years.
  const step = Math.max(1, Math.floor(count / links));
  await db.execute(sql`
    INSERT INTO case_incidents (case_id, incident_id)
    SELECT ${caseId}, id FROM incidents WHERE ref IN (
      SELECT 'inc:bench-' || (1 + n * ${step}::int) FROM generate_series(0, ${links}::int - 1) AS n)`);
  await db.execute(sql`
    INSERT INTO persons (organization_id, ref, name) VALUES (${organizationId}, 'person:bench', 'Bench Defender')`);
  await db.execute(sql`
    INSERT INTO case_persons (case_id, person_id, role) SELECT ${caseId}, id, 'defendant' FROM persons WHERE ref = 'person:bench'`);
  await db.execute(sql`
    INSERT INTO case_legal_events (case_id, kind, date, date_precision, court, summary, person_id)
    SELECT ${caseId}, (ARRAY['charges','hearing','verdict','appeal','appeal_decision']::legal_event_kind[])[1 + n % 5],
           CASE WHEN n % 10 = 0 THEN NULL ELSE date '2010-01-01' + n * 90 END,
           (ARRAY['day','month','year'])[1 + n % 3]::date_precision, 'District court', 'Step ' || n,
           (SELECT id FROM persons WHERE ref = 'person:bench')
    FROM generate_series(1, 40) AS n`);
  await db.execute(sql`INSERT INTO legal_provisions (code, article, title) VALUES ('Criminal Code', '250', 'abuse of office')`);
  await db.execute(sql`
    INSERT INTO case_legal_event_provisions (legal_event_id, legal_provision_id, position)
    SELECT e.id, p.id, 0 FROM case_legal_events e, legal_provisions p WHERE e.kind IN ('charges', 'verdict')`);
  await db.execute(sql`
    INSERT INTO case_interventions (case_id, position, date, date_precision, kind, by, reference_code, summary, reply_due_on)
    SELECT ${caseId}, n, date '2010-02-01' + n * 60, 'day', (ARRAY['un_communication','urgent_appeal','statement'])[1 + n % 3],
           'UN Special Procedures', 'AL KAZ ' || n || '/2020', 'Intervention ' || n,
           CASE WHEN n % 3 = 0 THEN date '2010-02-01' + n * 60 + 60 END
    FROM generate_series(0, 39) AS n`);
  await db.execute(sql`ANALYZE`);
  return { caseId, userId: user!.id };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function time(label: string, run: () => Promise<unknown>) {
  for (let i = 0; i < 3; i++) await run(); // warm up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  const median = percentile(samples, 50);
  const p95 = percentile(samples, 95);
  console.log(`${label.padEnd(52)} median ${median.toFixed(2).padStart(8)} ms   p95 ${p95.toFixed(2).padStart(8)} ms`);
  return { median, p95 };
}

async function main() {
  const database = await openBenchDatabase(embedded);
  try {
    const fillStart = performance.now();
    const { caseId, userId } = await fill(database);
    // Each request reads the viewer fresh from the database, as the app does.
    const caller = async () => createCaller(await createContext(database.db, userId));
    const timeline = await (await caller()).case.timeline({ id: caseId });
    console.log(
      `Generated ${count.toLocaleString('en')} incidents on ${database.driver} in ${((performance.now() - fillStart) / 1000).toFixed(1)} s; ` +
        `one case with ${timeline.filter((i) => i.type === 'incident').length} incidents, ` +
        `${timeline.filter((i) => i.type === 'legalEvent').length} legal events and ${timeline.filter((i) => i.type === 'intervention').length} interventions ` +
        `(${timeline.length} timeline items). ${runs} timed runs each:`,
    );
    await time('case.get (header, persons, review decisions)', async () => (await caller()).case.get({ id: caseId }));
    await time('case.timeline (merged, date order)', async () => (await caller()).case.timeline({ id: caseId }));
    const page = await time('case page: case.get + case.timeline, as the page', async () => {
      const c = await caller();
      return Promise.all([c.case.get({ id: caseId }), c.case.timeline({ id: caseId })]);
    });
    console.log(`Goal: under ${goalMs} ms of server time to open the case: ${page.p95 < goalMs ? 'met' : 'NOT met'} (p95 ${page.p95.toFixed(1)} ms).`);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
