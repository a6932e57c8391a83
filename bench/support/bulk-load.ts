/**
 * The machinery of bench/public-generate.ts's load: a fresh database, timed steps, statements run a
 * slice of incidents at a time on two connections, and secondary indexes made once at the end.
 */
import { performance } from 'node:perf_hooks';
import postgres from 'postgres';
import { benchDatabaseName, benchDatabaseUrl } from '../public-database';

/** Incidents per statement. */
const slice = 50_000;

export async function createDatabase(): Promise<void> {
  const admin = postgres(benchDatabaseUrl('postgres'), { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`DROP DATABASE IF EXISTS ${benchDatabaseName} WITH (FORCE)`);
    await admin.unsafe(`CREATE DATABASE ${benchDatabaseName}`);
  } finally {
    await admin.end();
  }
}

export async function step(label: string, run: () => Promise<unknown>): Promise<void> {
  const started = performance.now();
  await run();
  console.log(`  ${label.padEnd(66)} ${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s`);
}

/** Runs `statement(from, to)` for every slice of incident numbers 1…count, two at a time. */
export type InSlices = (statement: (from: number, to: number) => string) => Promise<void>;

export function inSlicesOf(client: postgres.Sql, count: number): InSlices {
  return async (statement) => {
    const slices: [number, number][] = [];
    for (let from = 1; from <= count; from += slice) slices.push([from, Math.min(count, from + slice - 1)]);
    const worker = async () => {
      for (let next = slices.shift(); next; next = slices.shift()) await client.unsafe(statement(...next));
    };
    await Promise.all([worker(), worker()]);
  };
}

/** The SQL condition on a planned incident `g` for one slice. */
export const between = (from: number, to: number) => `g.n BETWEEN ${from} AND ${to}`;

const loadedTables = ['incidents', 'incident_victims', 'incident_perpetrators', 'incident_sources', 'incident_versions', 'incident_reviews', 'public_incidents'];

/**
 * Loads with the tables' secondary indexes dropped and made again afterwards, in bulk (much faster
 * than growing them row by row). Indexes behind constraints (primary keys, unique) stay.
 */
export async function withoutSecondaryIndexes(client: postgres.Sql, load: () => Promise<void>): Promise<void> {
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
