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
 *
 * The steps live in bench/support/: synthetic-values and synthetic-plan (what is drawn), bulk-load
 * (how it is loaded), workspace-rows and public-rows (the tables), generated-check (the check).
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { openPostgres } from '../db/client';
import { applyMigrations } from '../db/migrate';
import { rowsOf } from '../db/rows';
import { benchDatabaseName, benchDatabaseUrl } from './public-database';
import { createDatabase, inSlicesOf, step, withoutSecondaryIndexes } from './support/bulk-load';
import { verify } from './support/generated-check';
import { countedFigures, exportTexts, readModel, searchColumns } from './support/public-rows';
import { plan, seed } from './support/synthetic-plan';
import { workspaceTables } from './support/workspace-rows';

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const count = Number(option('--count') ?? 1_000_000);

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
    await step('choices for every incident', () => plan(client, count));
    const inSlices = inSlicesOf(client, count);
    await withoutSecondaryIndexes(client, async () => {
      await workspaceTables(inSlices);
      await readModel(inSlices);
      await searchColumns(client);
    });
    await step('counted figures and places (the app\'s own counting, a year per statement)', () => countedFigures(app.db));
    await exportTexts(app.db);
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
