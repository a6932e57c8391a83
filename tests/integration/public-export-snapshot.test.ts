/**
 * The public exports read one snapshot on a server: what changes while an export is being
 * downloaded (a retraction, a publication) is not half in it. The export has started (its first
 * chunk is made) when the read model changes underneath; it still delivers the records as they were.
 */
import { readFileSync } from 'node:fs';
import { count, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { publicIncidents } from '@/db/schema';
import { GET as exportCsvGet } from '@/app/api/public/v1/export.csv/route';
import { GET as exportJsonGet } from '@/app/api/public/v1/export.json/route';
import { setPublicDatabaseForTests } from '@/server/public/db';
import { importExchangeDocument } from '@/server/services/exchange/import';
import { csvRecords } from '../support/csv';
import { createTestDatabase } from '../support/database';
import { createOrganization, createUser } from '../support/factories';

let database: Database;
let published: number;
beforeAll(async () => {
  database = await createTestDatabase();
  const organization = await createOrganization(database.db);
  const admin = await createUser(database.db, organization.id, 'admin');
  const fixture: unknown = JSON.parse(readFileSync('fixtures/kazakhstan-2017.json', 'utf8'));
  await importExchangeDocument(database.db, fixture, { organizationId: organization.id, actingUserId: admin.id });
  setPublicDatabaseForTests(database.db);
  published = Number((await database.db.select({ n: count() }).from(publicIncidents))[0]!.n);
});
afterAll(async () => {
  setPublicDatabaseForTests(undefined);
  await database?.close();
});

/** Everything disappears from the public read model at once, from another connection. */
async function retractEverything() {
  await database.db.execute(sql`DELETE FROM public_incidents`);
}

describe('a public export under way', () => {
  it('delivers the snapshot it started from, JSON and CSV alike', async () => {
    expect(published).toBeGreaterThan(20);
    const json = await exportJsonGet(new Request('http://test/api/public/v1/export.json'));
    const csv = await exportCsvGet(new Request('http://test/api/public/v1/export.csv'));
    await retractEverything();

    const doc = JSON.parse(await json.text()) as { incidents: unknown[] };
    expect(doc.incidents).toHaveLength(published);
    expect(csvRecords(await csv.text())).toHaveLength(published + 1);

    // An export started now sees the change: the test could fail.
    const after = JSON.parse(await (await exportJsonGet(new Request('http://test/api/public/v1/export.json'))).text()) as { incidents: unknown[] };
    expect(after.incidents).toHaveLength(0);
  });
});
