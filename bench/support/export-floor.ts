/**
 * The floor of the export lines of bench/public-api.ts: what an export reads of every incident (its
 * lines of both exports, made at its publication: server/public/export-texts.ts), newest first, read
 * over one cursor in one REPEATABLE READ transaction by postgres.js alone, with no app, no labels and
 * no HTTP. An export at 100% of it would cost nothing but its read.
 */
import { performance } from 'node:perf_hooks';
import type postgres from 'postgres';

export async function exportFloor(db: postgres.Sql): Promise<{ rows: number; rowsPerSecond: number }> {
  const start = performance.now();
  let rows = 0;
  await db.begin('isolation level repeatable read read only', async (tx) => {
    await tx
      .unsafe(
        `SELECT e.csv, e.json, e.refs FROM public_incidents p LEFT JOIN public_incident_exports e ON e.incident_id = p.incident_id
         ORDER BY p.start_date DESC, p.incident_id DESC`,
      )
      .cursor(5000, (batch) => {
        rows += batch.length;
      });
  });
  return { rows, rowsPerSecond: rows / ((performance.now() - start) / 1000) };
}
