/**
 * Person suggestions across scripts: `npm run bench:suggestions [-- --count 100000 --embedded]`.
 * Makes its own database (PostgreSQL at BENCH_DATABASE_URL or 127.0.0.1:5432, or in-memory PGlite
 * with --embedded), fills it with persons named in Latin and Cyrillic, folds their names through the
 * app's own refresh, then times searchPersons (the incident form's picker) for names typed in the
 * other script, beside a floor measured in the same run: the picker's query without words (the
 * first 20 persons by name), and prints the ratio. Goal: p50 under 20 ms.
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../db/rows';
import { searchPersons } from '../server/services/directory/search';
import { refreshSearch } from '../server/services/search/refresh';
import { createEmbeddedTestDatabase, createTestDatabase } from '../tests/support/database';

const args = process.argv.slice(2);
const count = Number(args[args.indexOf('--count') + 1] ?? 0) || 100_000;
const embedded = args.includes('--embedded');
const runs = 30;

const latin = { first: ['Aigul', 'Bolat', 'Dana', 'Erlan', 'Gulnara', 'Kairat', 'Marat', 'Nurlan', 'Serik', 'Zhanar'], last: ['Abenov', 'Bekov', 'Esimov', 'Ibraev', 'Kassymov', 'Mukanov', 'Nurpeisov', 'Omarov', 'Sadykov', 'Zhakupov'] };
const cyrillic = { first: ['Айгүл', 'Болат', 'Дана', 'Ерлан', 'Гүлнара', 'Қайрат', 'Марат', 'Нұрлан', 'Серік', 'Жанар'], last: ['Абенов', 'Беков', 'Есімов', 'Ибраев', 'Қасымов', 'Мұқанов', 'Нұрпейісов', 'Омаров', 'Садықов', 'Жақыпов'] };

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}

async function time(run: () => Promise<unknown>): Promise<number> {
  await run();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

async function main() {
  const database = embedded ? await createEmbeddedTestDatabase() : await createTestDatabase();
  try {
    const { db } = database;
    const [org] = rowsOf<{ id: string }>(await db.execute(sql`INSERT INTO organizations (slug, name) VALUES ('bench', 'Bench NGO') RETURNING id`));
    const organizationId = org!.id;
    const started = performance.now();
    // Names: a first and a last name from one script, a number making each person distinct, half in each script.
    const pick = (list: string[], salt: number) => sql.raw(`(ARRAY[${list.map((n) => `'${n}'`).join(',')}])[1 + (hashint4(n * ${salt}) & 2147483647) % ${list.length}]`);
    await db.execute(sql`
      INSERT INTO persons (organization_id, ref, name, categories)
      SELECT ${organizationId}, 'person:bench-' || n,
             CASE WHEN n % 2 = 0 THEN ${pick(latin.first, 7)} || ' ' || ${pick(latin.last, 11)} || ' ' || n
                  ELSE ${pick(cyrillic.first, 7)} || ' ' || ${pick(cyrillic.last, 11)} || ' ' || n END,
             ARRAY['journalist']
      FROM generate_series(1, ${count}) AS n`);
    const folded = await refreshSearch(db);
    // As autovacuum leaves a settled table: statistics for the planner, and a visibility map so keys are read from the index alone.
    await db.execute(sql`VACUUM ANALYZE`);
    console.log(`${count.toLocaleString('en')} persons on ${database.driver}, ${folded.toLocaleString('en')} names folded by the app's refresh, in ${((performance.now() - started) / 1000).toFixed(1)} s; median of ${runs} runs:`);

    const floor = await time(() => searchPersons(db, [organizationId], null));
    console.log(`${'floor: the first 20 persons by name (no words)'.padEnd(56)} ${floor.toFixed(2).padStart(8)} ms`);
    let met = true;
    for (const text of ['Қасымов', 'Kassymov', 'Касымов Нурлан', 'Nurpeisov 4242', 'Жақып', 'Zhakupov', 'Ибраева']) {
      const p50 = await time(() => searchPersons(db, [organizationId], text));
      met &&= p50 < 20;
      console.log(`${`suggestions for "${text}"`.padEnd(56)} ${p50.toFixed(2).padStart(8)} ms  ${(p50 / floor).toFixed(2).padStart(6)}× the floor`);
    }
    console.log(`Goal: suggestions p50 < 20 ms: ${met ? 'met' : 'NOT met'}.`);
    if (!met) process.exitCode = 1;
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
