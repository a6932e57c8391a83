/**
 * Four eyes over the whole change: a reviewer who saved any part of a version since the last
 * approved or published one may neither approve nor publish it, even when the author made the
 * latest edit (issue 13: review-policy looked only at the creator and the last editor).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { createTestDatabase } from '../support/database';
import { anIncident, callerFor, createOrganization, createUser, seedVocabulary } from '../support/factories';

type Caller = Awaited<ReturnType<typeof callerFor>>;
let database: Database;
let organizationId: string;
let as: { author: Caller; reviewer: Caller; otherReviewer: Caller };

beforeAll(async () => {
  database = await createTestDatabase();
  await seedVocabulary(database.db);
  organizationId = (await createOrganization(database.db)).id;
  const [author, reviewer, otherReviewer] = await Promise.all([
    createUser(database.db, organizationId, 'monitor'),
    createUser(database.db, organizationId, 'reviewer'),
    createUser(database.db, organizationId, 'reviewer'),
  ]);
  as = { author: await callerFor(database.db, author.id), reviewer: await callerFor(database.db, reviewer.id), otherReviewer: await callerFor(database.db, otherReviewer.id) };
});
afterAll(async () => {
  await database?.close();
});

describe('an incident a reviewer rewrote', () => {
  it('cannot be approved by that reviewer after the author edits it again; another reviewer can', async () => {
    const { id } = await as.author.incident.create({ organizationId, incident: anIncident() });
    let v = (await as.reviewer.incident.update({ id, version: 1, incident: anIncident({ summary: 'The reviewer’s own account of the events.' }) })).version;
    v = (await as.author.incident.update({ id, version: v, incident: anIncident({ summary: 'The reviewer’s own account of the events, with a date.' }) })).version;
    v = (await as.author.review.submit({ id, version: v })).version;

    await expect(as.reviewer.review.approve({ id, version: v })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await as.reviewer.incident.get({ id })).transitions).not.toContain('approve');
    v = (await as.otherReviewer.review.approve({ id, version: v })).version;
    // Nor publish what they wrote, once someone else approved it.
    await expect(as.reviewer.review.publish({ id, version: v })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    v = (await as.otherReviewer.review.publish({ id, version: v })).version;

    // After publication the slate is clean: the next edit by the author alone is theirs to review.
    v = (await as.author.incident.update({ id, version: v, incident: anIncident({ summary: 'A correction by the author.' }) })).version;
    v = (await as.author.review.submit({ id, version: v })).version;
    await expect(as.reviewer.review.approve({ id, version: v })).resolves.toMatchObject({ status: 'approved' });
  });
});

describe('a case a reviewer rewrote', () => {
  it('cannot be approved or published by that reviewer after the author edits it again', async () => {
    const created = await as.author.case.create({ organizationId, title: 'Prosecution of a union leader', summary: 'Charges after the strike.', persons: [] });
    const id = created.id;
    let v = (await as.reviewer.case.update({ id, version: 1, title: 'Prosecution of a union leader', summary: 'The reviewer’s rewrite.', persons: [] })).version;
    v = (await as.author.case.update({ id, version: v, title: 'Prosecution of a union leader', summary: 'The reviewer’s rewrite, touched up.', persons: [] })).version;
    v = (await as.author.case.submit({ id, version: v })).version;

    await expect(as.reviewer.case.approve({ id, version: v })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    v = (await as.otherReviewer.case.approve({ id, version: v })).version;
    await expect(as.reviewer.case.publish({ id, version: v })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(as.otherReviewer.case.publish({ id, version: v })).resolves.toBeTruthy();
  });
});
