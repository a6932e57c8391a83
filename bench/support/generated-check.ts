/**
 * The end of bench/public-generate.ts: what it generated is checked against the app itself, so that
 * the benchmark measures data the app would have written.
 */
import { isDeepStrictEqual } from 'node:util';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { publicIncidentExports, publicIncidents } from '../../db/schema';
import { publicRead } from '../../server/public/db';
import { groupings } from '../../server/public/groupings';
import { placesFromReadModel, placesFromRollup, placesPlan } from '../../server/public/places';
import { statsFromReadModel } from '../../server/public/stats';
import { rollupPlan, statsFromRollup } from '../../server/public/stats-rollup';
import { refreshPublicIncident } from '../../server/services/publishing/public-record';

/** Refreshes a sample through the app's own code and compares (then rolls back); compares a few stats both ways. */
export async function verify(db: Db): Promise<void> {
  const sample = rowsOf<{ id: string }>(await db.execute(sql`SELECT incident_id AS id FROM public_incidents TABLESAMPLE SYSTEM (0.1) LIMIT 200`));
  let differences = 0;
  await db
    .transaction(async (tx) => {
      for (const { id } of sample) {
        // The row and its lines of the exports.
        const read = async () => [
          ...(await tx.select().from(publicIncidents).where(eq(publicIncidents.incidentId, id))),
          ...(await tx.select().from(publicIncidentExports).where(eq(publicIncidentExports.incidentId, id))),
        ];
        const generated = await read();
        await refreshPublicIncident(tx, id);
        const refreshed = await read();
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
    for (const [groupBy, filters] of [['year', {}], ['violation_type', { region: 'KZ-75' }], ['month', { type: 'judicial_harassment', from: '2020' }]] as const) {
      const plan = rollupPlan(groupBy, filters)!;
      const [fromRollup, fromReadModel] = [await statsFromRollup(tx, plan), await statsFromReadModel(tx, groupBy, filters)];
      if (!isDeepStrictEqual(fromRollup, fromReadModel)) {
        console.error(`stats differ for ${groupBy} ${JSON.stringify(filters)}`);
        process.exitCode = 1;
      }
      compared++;
    }
    for (const filters of [{}, { region: 'KZ-75' }, { from: '2020', to: '2021' }]) {
      const [fromRollup, fromReadModel] = [await placesFromRollup(tx, placesPlan(filters)!), await placesFromReadModel(tx, filters)];
      if (!isDeepStrictEqual(fromRollup, fromReadModel)) {
        console.error(`places differ for ${JSON.stringify(filters)}`);
        process.exitCode = 1;
      }
      compared++;
    }
  }, db);
  console.log(`  ${compared} stats and maps compared between the counted figures and the read model (groupings: ${groupings.length})`);
}

class Rollback extends Error {}
