/**
 * The floor of the export lines of bench/public-api.ts: the rows an export writes (every column but
 * the search's), newest first, read over one cursor in one REPEATABLE READ transaction by postgres.js
 * alone, with no app, no JSON or CSV and no HTTP. An export at 100% of it would cost nothing but its read.
 */
import { performance } from 'node:perf_hooks';
import type postgres from 'postgres';

export async function exportFloor(db: postgres.Sql): Promise<{ rows: number; rowsPerSecond: number }> {
  const start = performance.now();
  let rows = 0;
  await db.begin('isolation level repeatable read read only', async (tx) => {
    await tx
      .unsafe(
        `SELECT incident_id, publisher, title, summary, start_date, end_date, date_precision, country, region, locality, lat, lon, location_precision,
           violation_types, defender_categories, perpetrator_types, victims, perpetrators, legal, sources, published_version, published_at, updated_at
         FROM public_incidents ORDER BY start_date DESC, incident_id DESC`,
      )
      .cursor(5000, (batch) => {
        rows += batch.length;
      });
  });
  return { rows, rowsPerSecond: rows / ((performance.now() - start) / 1000) };
}
