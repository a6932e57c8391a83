import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { persons, publicIncidents } from '@/db/schema';
import { importExchangeDocument } from '@/server/services/exchange/import';
import { refreshPublicIncidentsOf } from '@/server/services/publishing/public-record';
import { createTestDatabase } from '../support/database';
import { anIncident, callerFor, createOrganization, createUser, seedVocabulary } from '../support/factories';

let database: Database;
let ngo: { id: string };
let monitor: { id: string };
let reviewer: { id: string };

beforeAll(async () => {
  database = await createTestDatabase();
  await seedVocabulary(database.db);
  ngo = await createOrganization(database.db, 'Kazakhstan Bureau');
  monitor = await createUser(database.db, ngo.id, 'monitor');
  reviewer = await createUser(database.db, ngo.id, 'reviewer');
});
afterAll(async () => {
  await database?.close();
});

async function publicRow(id: string) {
  const [row] = await database.db.select().from(publicIncidents).where(eq(publicIncidents.incidentId, id));
  return row ?? null;
}

describe('the public read model', () => {
  it('holds only the published version, redacted, and follows publish, edit, republish and retraction at once', async () => {
    const author = await callerFor(database.db, monitor.id);
    const reviewing = await callerFor(database.db, reviewer.id);
    const { id } = await author.incident.create({
      organizationId: ngo.id,
      incident: anIncident({
        title: 'First public title',
        location: { country: 'KZ', region: 'Mangystau Region', locality: 'Zhanaozen', lat: 43.341234, lon: 52.861234, precision: 'locality' },
      }),
    });
    expect(await publicRow(id)).toBeNull();
    let v = (await author.review.submit({ id, version: 1 })).version;
    v = (await reviewing.review.approve({ id, version: v })).version;
    expect(await publicRow(id)).toBeNull();
    v = (await reviewing.review.publish({ id, version: v })).version;

    const row = (await publicRow(id))!;
    expect(row.title).toBe('First public title');
    expect(row.publisher).toBe('Kazakhstan Bureau');
    expect(row.victims).toEqual([{ kind: 'person', name: 'Protected person 1', protected: true, categories: ['trade_unionist'] }]);
    expect(JSON.stringify(row)).not.toContain('Nurbek Example');
    expect([row.lat, row.lon]).toEqual([43.34, 52.86]);

    v = (await author.incident.update({ id, version: v, incident: anIncident({ title: 'Unpublished edit' }) })).version;
    expect((await publicRow(id))!.title).toBe('First public title');
    v = (await author.review.submit({ id, version: v })).version;
    v = (await reviewing.review.approve({ id, version: v })).version;
    v = (await reviewing.review.publish({ id, version: v })).version;
    expect((await publicRow(id))!.title).toBe('Unpublished edit');

    await reviewing.review.retract({ id, version: v, comment: 'Withdrawn' });
    expect(await publicRow(id)).toBeNull();
  });

  it('an import publishes exactly the records marked published, with every confidential name replaced', async () => {
    const other = await createOrganization(database.db, 'Importing NGO');
    const admin = await createUser(database.db, other.id, 'admin');
    const fixture = JSON.parse(readFileSync('fixtures/kazakhstan-2017.json', 'utf8')) as {
      persons: { name: string; confidential?: boolean }[];
    };
    await importExchangeDocument(database.db, fixture, { organizationId: other.id, actingUserId: admin.id });
    const rows = await database.db.select().from(publicIncidents).where(eq(publicIncidents.publisher, 'Importing NGO'));
    expect(rows).toHaveLength(25);
    const everything = JSON.stringify(rows);
    const confidentialNames = fixture.persons.filter((p) => p.confidential).map((p) => p.name);
    expect(confidentialNames.length).toBeGreaterThan(0);
    for (const name of confidentialNames) expect(everything).not.toContain(name);

    // Marking a person confidential later protects them on the public side at the next refresh.
    const [publicPerson] = await database.db.select().from(persons).where(eq(persons.ref, 'person:kharkova'));
    expect(everything).toContain(publicPerson!.name);
    await database.db.transaction(async (tx) => {
      await tx.update(persons).set({ confidential: true }).where(eq(persons.id, publicPerson!.id));
      await refreshPublicIncidentsOf(tx, other.id);
    });
    const after = JSON.stringify(await database.db.select().from(publicIncidents).where(eq(publicIncidents.publisher, 'Importing NGO')));
    expect(after).not.toContain(publicPerson!.name);
  });

  it('a draft of a published incident is not deleted; a retraction takes the published version off the public side at once', async () => {
    const author = await callerFor(database.db, monitor.id);
    const reviewing = await callerFor(database.db, reviewer.id);
    const { id } = await author.incident.create({ organizationId: ngo.id, incident: anIncident() });
    let v = (await author.review.submit({ id, version: 1 })).version;
    v = (await reviewing.review.approve({ id, version: v })).version;
    v = (await reviewing.review.publish({ id, version: v })).version;
    v = (await author.incident.update({ id, version: v, incident: anIncident({ title: 'Draft of a correction' }) })).version;
    await expect(author.incident.delete({ id, version: v })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await publicRow(id))!.title).toBe('Trade union leader detained after a strike');

    v = (await reviewing.review.retract({ id, version: v, comment: 'Withdrawn at once' })).version;
    expect(await publicRow(id)).toBeNull();
    // Nothing of it is public now, so its author may delete the draft; the public side stays as it is.
    await author.incident.delete({ id, version: v });
    expect(await publicRow(id)).toBeNull();
  });
});
