/**
 * Retraction is not a dead end: a retracted incident or case can be edited into a new draft, which
 * goes through the four-eyes review again and becomes public again once published.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { publicCases, publicIncidents } from '@/db/schema';
import { anIncident, callerFor, createOrganization, createUser, seedVocabulary } from '../support/factories';
import { createTestDatabase } from '../support/database';

type Caller = Awaited<ReturnType<typeof callerFor>>;
let database: Database;
let ngo: { id: string };
let author: Caller;
let firstReviewer: Caller;
let secondReviewer: Caller;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedVocabulary(database.db);
  ngo = await createOrganization(database.db);
  author = await callerFor(database.db, (await createUser(database.db, ngo.id, 'monitor')).id);
  firstReviewer = await callerFor(database.db, (await createUser(database.db, ngo.id, 'reviewer')).id);
  secondReviewer = await callerFor(database.db, (await createUser(database.db, ngo.id, 'reviewer')).id);
});
afterAll(async () => {
  await database?.close();
});

const publicIncidentTitle = async (id: string) =>
  (await database.db.select({ title: publicIncidents.title }).from(publicIncidents).where(eq(publicIncidents.incidentId, id)))[0]?.title ?? null;
const publicCaseTitle = async (id: string) => (await database.db.select({ title: publicCases.title }).from(publicCases).where(eq(publicCases.caseId, id)))[0]?.title ?? null;

describe('a retracted incident', () => {
  it('is edited into a new draft, reviewed by another reviewer and published again', async () => {
    const { id } = await author.incident.create({ organizationId: ngo.id, incident: anIncident({ title: 'Strike leader detained' }) });
    let v = (await author.review.submit({ id, version: 1 })).version;
    v = (await firstReviewer.review.approve({ id, version: v })).version;
    v = (await firstReviewer.review.publish({ id, version: v })).version;
    v = (await firstReviewer.review.retract({ id, version: v, comment: 'The date is wrong' })).version;
    expect(await publicIncidentTitle(id)).toBeNull();

    const retracted = await author.incident.get({ id });
    expect(retracted.status).toBe('archived');
    expect(retracted.canEdit).toBe(true);

    const edited = await author.incident.update({ id, version: v, incident: anIncident({ title: 'Strike leader detained (date corrected)', date: { precision: 'month', start: '2017-06' } }) });
    const draft = await author.incident.get({ id });
    expect(draft.status).toBe('draft');
    expect(draft.publishedVersion).toBeNull();
    expect(await publicIncidentTitle(id)).toBeNull();

    v = (await author.review.submit({ id, version: edited.version })).version;
    // The reviewer who retracted it may decide again: they neither wrote nor edited it. Here another does.
    v = (await secondReviewer.review.approve({ id, version: v })).version;
    v = (await secondReviewer.review.publish({ id, version: v })).version;
    expect(await publicIncidentTitle(id)).toBe('Strike leader detained (date corrected)');
    expect((await author.incident.get({ id })).status).toBe('published');
  });

  it('can be reopened unchanged (retracted by mistake), and a reviewer who edits it cannot approve it', async () => {
    const { id } = await author.incident.create({ organizationId: ngo.id, incident: anIncident({ title: 'Office searched' }) });
    let v = (await author.review.submit({ id, version: 1 })).version;
    v = (await firstReviewer.review.approve({ id, version: v })).version;
    v = (await firstReviewer.review.publish({ id, version: v })).version;
    v = (await firstReviewer.review.retract({ id, version: v, comment: 'Retracted by mistake' })).version;
    v = (await firstReviewer.incident.update({ id, version: v, incident: anIncident({ title: 'Office searched' }) })).version;
    expect((await author.incident.get({ id })).status).toBe('draft');
    v = (await author.review.submit({ id, version: v })).version;
    await expect(firstReviewer.review.approve({ id, version: v })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    v = (await secondReviewer.review.approve({ id, version: v })).version;
    await secondReviewer.review.publish({ id, version: v });
    expect(await publicIncidentTitle(id)).toBe('Office searched');
  });
});

describe('a retracted case', () => {
  it('is changed into a new draft, reviewed by another reviewer and published again', async () => {
    const created = await author.case.create({ organizationId: ngo.id, title: 'Prosecution of the strike leaders', persons: [] });
    let v = (await author.case.submit({ id: created.id, version: created.version })).version;
    v = (await firstReviewer.case.approve({ id: created.id, version: v })).version;
    v = (await firstReviewer.case.publish({ id: created.id, version: v })).version;
    expect(await publicCaseTitle(created.id)).toBe('Prosecution of the strike leaders');
    v = (await firstReviewer.case.retract({ id: created.id, version: v, comment: 'The family asked us to wait' })).version;
    expect(await publicCaseTitle(created.id)).toBeNull();

    const retracted = await author.case.get({ id: created.id });
    expect(retracted.reviewStatus).toBe('archived');
    expect(retracted.canEdit).toBe(true);

    // A change to a part (a legal event) reopens it as a draft just as an edit of its fields does.
    v = (await author.case.addLegalEvent({ caseId: created.id, kind: 'verdict', date: '2017-07-25', datePrecision: 'day' })).caseVersion;
    expect((await author.case.get({ id: created.id })).reviewStatus).toBe('draft');
    v = (await author.case.update({ id: created.id, version: v, title: 'Prosecution of the Zhanaozen strike leaders', persons: [] })).version;

    v = (await author.case.submit({ id: created.id, version: v })).version;
    v = (await secondReviewer.case.approve({ id: created.id, version: v })).version;
    await secondReviewer.case.publish({ id: created.id, version: v });
    expect(await publicCaseTitle(created.id)).toBe('Prosecution of the Zhanaozen strike leaders');
  });
});
