/**
 * What the lists hold, not only who may call them: the permission matrix compares error codes, and a
 * list that forgot its scoping filter would still answer "ok". Two organizations keep the same kinds of
 * records; each list must show a person the records of their own organizations only, and the review
 * queue, the deleted lists and the notifications only what their role and their account give them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { notifications } from '@/db/schema';
import { createTestDatabase } from '../support/database';
import { anIncident, callerFor, createOrganization, createUser, seedVocabulary } from '../support/factories';

let database: Database;
type Records = { submitted: string; draft: string; deletedIncident: string; deletedCase: string; case: string };
const bureau = { id: '', monitor: { id: '' }, reviewer: { id: '' }, admin: { id: '' }, records: {} as Records };
const elsewhere = { id: '', monitor: { id: '' }, reviewer: { id: '' }, admin: { id: '' }, records: {} as Records };

/** The same kinds of records in each organization, named after it. */
async function populate(org: typeof bureau, name: string, region: string) {
  org.id = (await createOrganization(database.db, `${name} NGO`)).id;
  org.monitor = await createUser(database.db, org.id, 'monitor');
  org.reviewer = await createUser(database.db, org.id, 'reviewer');
  org.admin = await createUser(database.db, org.id, 'admin');
  const author = await callerFor(database.db, org.monitor.id);
  const incident = (title: string) =>
    author.incident.create({
      organizationId: org.id,
      incident: anIncident({
        title: `${name} ${title}`,
        location: { country: 'KZ', region, locality: null, precision: 'region' },
        victims: [
          { kind: 'newPerson', person: { name: `${name} Defender`, categories: ['trade_unionist'], confidential: false } },
          { kind: 'newOrganization', organization: { name: `${name} Union`, kind: 'trade_union' } },
        ],
        sources: [{ kind: 'newSource', source: { title: `${name} Source`, reliability: 'B' } }],
      }),
    });
  const submitted = await incident('submitted incident');
  await author.review.submit({ id: submitted.id, version: 1 });
  // The reviewer's question notifies the author.
  await (await callerFor(database.db, org.reviewer.id)).comment.add({ incidentId: submitted.id, body: 'Which court?' });
  const draft = await incident('draft incident');
  const deletedIncident = await incident('deleted incident');
  await author.incident.delete({ id: deletedIncident.id, version: 1 });
  const kept = await author.case.create({ organizationId: org.id, title: `${name} case`, persons: [] });
  const deletedCase = await author.case.create({ organizationId: org.id, title: `${name} deleted case`, persons: [] });
  await author.case.delete({ id: deletedCase.id, version: 1 });
  org.records = { submitted: submitted.id, draft: draft.id, deletedIncident: deletedIncident.id, deletedCase: deletedCase.id, case: kept.id };
}

beforeAll(async () => {
  database = await createTestDatabase();
  await seedVocabulary(database.db);
  await populate(bureau, 'Bureau', 'Atyrau Region');
  await populate(elsewhere, 'Elsewhere', 'Kostanay Region');
});
afterAll(async () => {
  await database?.close();
});

const ids = (rows: { id: string }[]) => rows.map((row) => row.id).sort();
const as = (person: { id: string }) => callerFor(database.db, person.id);

describe('the review queue', () => {
  it('holds the submitted entries of the organizations where one reviews, and nothing for a monitor', async () => {
    expect(ids(await (await as(bureau.reviewer)).review.queue())).toEqual([bureau.records.submitted]);
    expect(ids(await (await as(bureau.admin)).review.queue())).toEqual([bureau.records.submitted]);
    expect(ids(await (await as(elsewhere.reviewer)).review.queue())).toEqual([elsewhere.records.submitted]);
    // Their organization has an entry waiting, but a monitor does not review.
    expect(await (await as(bureau.monitor)).review.queue()).toEqual([]);
  });
});

describe('the deleted lists', () => {
  it('show the admins of an organization its deleted incidents and cases, and nobody else anything', async () => {
    const admin = await as(bureau.admin);
    expect(ids(await admin.incident.deleted())).toEqual([bureau.records.deletedIncident]);
    expect(ids(await admin.case.deleted())).toEqual([bureau.records.deletedCase]);
    const otherAdmin = await as(elsewhere.admin);
    expect(ids(await otherAdmin.incident.deleted())).toEqual([elsewhere.records.deletedIncident]);
    expect(ids(await otherAdmin.case.deleted())).toEqual([elsewhere.records.deletedCase]);
    for (const person of [bureau.monitor, bureau.reviewer]) {
      const caller = await as(person);
      expect(await caller.incident.deleted()).toEqual([]);
      expect(await caller.case.deleted()).toEqual([]);
    }
  });
});

describe('lists and look-ups', () => {
  it('hold only the records of one’s own organization, and nothing when another organization is asked for', async () => {
    const outsider = await as(elsewhere.monitor);
    const theirs = [elsewhere.records.draft, elsewhere.records.submitted].sort();
    expect(ids((await outsider.incident.list({})).items)).toEqual(theirs);
    expect((await outsider.incident.list({ organizationId: bureau.id })).items).toEqual([]);
    // Kostanay Region, stored as its ISO 3166-2:KZ code (common/regions): only their own organization's.
    expect(await outsider.incident.regions({})).toEqual(['KZ-39']);
    expect(await outsider.incident.regions({ organizationId: bureau.id })).toEqual([]);

    expect(ids(await outsider.case.list({}))).toEqual([elsewhere.records.case]);
    expect(await outsider.case.list({ organizationId: bureau.id })).toEqual([]);

    const persons = (await outsider.person.list({})).persons.map((p) => p.name);
    expect(persons.length).toBeGreaterThan(0);
    expect(persons.every((name) => name === 'Elsewhere Defender')).toBe(true);
    expect((await outsider.person.list({ organizationId: bureau.id })).persons).toEqual([]);
  });

  it('the incident form’s pickers find one’s own organization’s persons, organizations and sources only', async () => {
    const outsider = await as(elsewhere.monitor);
    const own = { organizationId: elsewhere.id };
    const asked = { organizationId: bureau.id };
    expect(new Set((await outsider.directory.persons(own)).map((p) => p.name))).toEqual(new Set(['Elsewhere Defender']));
    expect(new Set((await outsider.directory.organizations(own)).map((o) => o.name))).toEqual(new Set(['Elsewhere Union']));
    expect(new Set((await outsider.directory.sources(own)).map((s) => s.title))).toEqual(new Set(['Elsewhere Source']));
    expect(await outsider.directory.persons(asked)).toEqual([]);
    expect(await outsider.directory.organizations(asked)).toEqual([]);
    expect(await outsider.directory.sources(asked)).toEqual([]);
  });

  it('shared with me holds only what another organization chose to share', async () => {
    const outsider = await as(elsewhere.monitor);
    expect(await outsider.incident.sharedWithMe()).toEqual([]);
    await (await as(bureau.reviewer)).incident.share({ id: bureau.records.draft, organizationId: elsewhere.id });
    expect(ids(await outsider.incident.sharedWithMe())).toEqual([bureau.records.draft]);
    expect(await (await as(bureau.monitor)).incident.sharedWithMe()).toEqual([]);
  });
});

describe('notifications', () => {
  it('each person reads and counts only their own', async () => {
    for (const person of [bureau.monitor, bureau.reviewer, bureau.admin, elsewhere.monitor, elsewhere.reviewer]) {
      const caller = await as(person);
      const own = await database.db.select({ id: notifications.id, readAt: notifications.readAt }).from(notifications).where(eq(notifications.userId, person.id));
      expect(own.length).toBeGreaterThan(0);
      expect((await caller.notification.list({})).map((n) => n.id).sort()).toEqual(own.map((n) => n.id).sort());
      expect(await caller.notification.unreadCount()).toBe(own.filter((n) => n.readAt === null).length);
    }
  });

  it('marking all as read leaves everyone else’s unread', async () => {
    const unreadOf = async (userId: string) =>
      (await database.db.select({ id: notifications.id }).from(notifications).where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))).length;
    const othersBefore = await unreadOf(bureau.reviewer.id);
    expect(othersBefore).toBeGreaterThan(0);
    await (await as(bureau.monitor)).notification.markRead({});
    expect(await unreadOf(bureau.monitor.id)).toBe(0);
    expect(await unreadOf(bureau.reviewer.id)).toBe(othersBefore);
  });
});
