/**
 * Statements are sent prepared (one round trip, parsed once per connection), bounded in length and
 * in number, planned for each execution's own values; transactions and scripts work as before.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres, type Database } from '@/db/client';
import { rowsOf } from '@/db/rows';
import { longestText, mostTexts } from '@/db/prepared-statements';
import { createTestDatabase, testServerUrl } from '../support/database';

let made: Database;
let one: Database;
beforeAll(async () => {
  made = await createTestDatabase();
  // One connection, so that pg_prepared_statements (which is per connection) sees every statement.
  one = openPostgres(await urlOf(made), { max: 1 });
});
afterAll(async () => {
  await one?.close();
  await made?.close();
});

async function urlOf(database: Database): Promise<string> {
  const [row] = rowsOf<{ name: string }>(await database.db.execute(sql`SELECT current_database() AS name`));
  const url = new URL(testServerUrl());
  url.pathname = `/${row!.name}`;
  return url.toString();
}

async function preparedTexts(database: Database, like: string): Promise<string[]> {
  const rows = rowsOf<{ statement: string }>(await database.db.execute(sql`SELECT statement FROM pg_prepared_statements WHERE statement LIKE ${like}`));
  return rows.map((row) => row.statement);
}

describe('prepared statements (PostgreSQL driver)', () => {
  it('prepares a statement with parameters once per connection, and answers each execution with its own values', async () => {
    const marker = 'prepared-probe-1';
    const read = (n: number) => one.db.execute(sql`SELECT ${n}::int + 1 AS answer, ${marker}::text AS marker`);
    expect(rowsOf<{ answer: number }>(await read(1))[0]!.answer).toBe(2);
    expect(rowsOf<{ answer: number }>(await read(41))[0]!.answer).toBe(42);
    expect(await preparedTexts(one, '%+ 1 AS answer%')).toHaveLength(1);
  });

  it('plans each execution for its values (no generic plan)', async () => {
    const [row] = rowsOf<{ plan_cache_mode: string }>(await one.db.execute(sql`SELECT current_setting('plan_cache_mode') AS plan_cache_mode`));
    expect(row!.plan_cache_mode).toBe('force_custom_plan');
  });

  it('prepares inside a transaction too', async () => {
    const answers = await one.db.transaction(async (tx) => {
      const first = rowsOf<{ answer: number }>(await tx.execute(sql`SELECT ${5}::int * 2 AS answer_in_tx`));
      const second = rowsOf<{ answer: number }>(await tx.execute(sql`SELECT ${6}::int * 2 AS answer_in_tx`));
      return [first[0]!, second[0]!];
    });
    expect(answers.map((row) => Object.values(row)[0])).toEqual([10, 12]);
    expect(await preparedTexts(one, '%AS answer_in_tx%')).toHaveLength(1);
  });

  it('leaves a text seen only once unnamed', async () => {
    expect(rowsOf<{ seen_once_answer: number }>(await one.db.execute(sql`SELECT ${3}::int AS seen_once_answer`))[0]).toEqual({ seen_once_answer: 3 });
    expect(await preparedTexts(one, '%AS seen_once_answer%')).toEqual([]);
  });

  it('prepares at most so many texts per process; later ones run unnamed, and answer', async () => {
    const bounded = openPostgres(await urlOf(made), { max: 1 });
    try {
      for (let n = 0; n < mostTexts + 20; n++) {
        for (let time = 0; time < 2; time++) {
          const [row] = rowsOf<{ answer: number }>(await bounded.db.execute(sql`SELECT ${n}::int AS ${sql.raw(`bound_probe_${n}`)}`));
          expect(Object.values(row!)).toEqual([n]);
        }
      }
      expect(await preparedTexts(bounded, '%AS bound_probe_%')).toHaveLength(mostTexts);
    } finally {
      await bounded.close();
    }
  });

  it('leaves a text longer than the bound unnamed', async () => {
    const padding = ' '.repeat(longestText);
    for (let time = 0; time < 3; time++) {
      const [row] = rowsOf<{ long_answer: number }>(await one.db.execute(sql`SELECT ${7}::int AS long_answer${sql.raw(padding)}`));
      expect(row!.long_answer).toBe(7);
    }
    expect(await preparedTexts(one, '%AS long_answer%')).toEqual([]);
  });

  it('runs a script of several statements without parameters, as before', async () => {
    await one.db.execute(sql.raw('CREATE TEMP TABLE prepared_probe (n int); INSERT INTO prepared_probe VALUES (1), (2)'));
    const [row] = rowsOf<{ total: number }>(await one.db.execute(sql`SELECT sum(n)::int AS total FROM prepared_probe WHERE n > ${0}`));
    expect(row!.total).toBe(3);
  });

  it('survives a change of a table a prepared statement reads (the statement is prepared again)', async () => {
    await one.db.execute(sql.raw('CREATE TABLE prepared_shape (a int)'));
    await one.db.execute(sql.raw('INSERT INTO prepared_shape VALUES (1)'));
    const read = () => one.db.execute(sql`SELECT * FROM prepared_shape WHERE a >= ${0}`);
    expect(rowsOf(await read())).toEqual([{ a: 1 }]);
    expect(rowsOf(await read())).toEqual([{ a: 1 }]);
    expect(await preparedTexts(one, '%FROM prepared_shape%')).toHaveLength(1);
    await made.db.execute(sql.raw('ALTER TABLE prepared_shape ADD COLUMN b text'));
    expect(rowsOf(await read())).toEqual([{ a: 1, b: null }]);
  });
});
