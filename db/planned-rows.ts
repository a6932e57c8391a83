import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from './client';
import { rowsOf } from './rows';

/**
 * How many rows the planner expects a statement to return, from its statistics: planned, not run,
 * so it costs about a millisecond however many rows there are. An estimate, good for choosing how
 * to read, never for a figure shown as exact.
 */
export async function plannedRows(db: DbOrTx, statement: SQL): Promise<number> {
  const [plan] = rowsOf<{ 'QUERY PLAN': unknown }>(await db.execute(sql`EXPLAIN (FORMAT JSON) ${statement}`));
  // PGlite hands the plan back as text, postgres.js as a value.
  const json = typeof plan?.['QUERY PLAN'] === 'string' ? JSON.parse(plan['QUERY PLAN']) : plan?.['QUERY PLAN'];
  return Number((json as [{ Plan: { 'Plan Rows': number } }] | undefined)?.[0]?.Plan['Plan Rows'] ?? 0);
}
