import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq, isNotNull } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { incidentVersions, incidents, users } from '@/db/schema';
import { seedDemo } from '@/server/services/demo/seed';
import { createTestDatabase } from '../support/database';
import { callerFor } from '../support/factories';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

async function statusCounts() {
  const rows = await database.db.select({ status: incidents.status, n: count() }).from(incidents).groupBy(incidents.status);
  return Object.fromEntries(rows.map((row) => [row.status, row.n]));
}

describe('the demo', () => {
  it('loads the 26 incidents with the review workflow in motion, and a second run changes nothing', async () => {
    const first = await seedDemo(database);
    expect(await statusCounts()).toEqual({ published: 23, submitted: 2, changes_requested: 1 });
    // The two corrected incidents keep their published version for the public.
    const [withPublished] = await database.db.select({ n: count() }).from(incidents).where(isNotNull(incidents.publishedVersion));
    expect(withPublished!.n).toBe(25);
    const [versionsBefore] = await database.db.select({ n: count() }).from(incidentVersions);

    const second = await seedDemo(database);
    expect(second.summary).toBe('already loaded');
    expect(second.organizationId).toBe(first.organizationId);
    const [versionsAfter] = await database.db.select({ n: count() }).from(incidentVersions);
    expect(versionsAfter!.n).toBe(versionsBefore!.n);
    expect(await statusCounts()).toEqual({ published: 23, submitted: 2, changes_requested: 1 });
  });

  it('gives the reviewer a queue with the corrections and their diffs', async () => {
    const { accounts } = await seedDemo(database);
    expect(accounts.map((a) => a.role)).toEqual(['monitor', 'reviewer', 'admin']);
    const [reviewerRow] = await database.db.select({ id: users.id }).from(users).where(eq(users.email, accounts[1]!.email));
    const queue = await (await callerFor(database.db, reviewerRow!.id)).review.queue();
    const correction = queue.find((item) => item.title === 'Foreign Policy website blocked in Kazakhstan');
    expect(correction?.changes).toEqual([{ field: 'title', before: 'Foreign Policy website blocked', after: 'Foreign Policy website blocked in Kazakhstan' }]);
    const [mamay] = await database.db.select({ id: incidents.id }).from(incidents).where(eq(incidents.ref, 'inc:mamay-beaten'));
    const comments = await (await callerFor(database.db, reviewerRow!.id)).comment.list({ incidentId: mamay!.id });
    expect(comments[0]?.body).toMatch(/cite the source/);
  });
});
