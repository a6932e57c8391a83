/**
 * A stand-in for a server process in the middle of publishing, for the crash test: takes the
 * approved incidents listed in the file given as argument ({ reviewerId, incidents: [{ id, version }] })
 * and publishes them one after another through the review procedure, as the reviewer's browser
 * would, printing `published-<id>` once each decision has committed (an acknowledged write),
 * until it runs out or is killed.
 */
import { readFileSync } from 'node:fs';
import { openPostgres } from '../../db/client';
import { callerFor } from './factories';

async function main() {
  const plan = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as { reviewerId: string; incidents: { id: string; version: number }[] };
  const database = openPostgres(process.env.DATABASE_URL!, { max: 2 });
  const caller = await callerFor(database.db, plan.reviewerId);
  console.log('ready');
  for (const incident of plan.incidents) {
    await caller.review.publish(incident);
    console.log(`published-${incident.id}`);
  }
  await database.close();
}

void main();
