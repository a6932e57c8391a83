import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { DomainError } from '@/server/errors';
import { createTestDatabase } from '../support/database';
import { anIncident, callerFor, callOverHttp, createOrganization, createUser, seedVocabulary } from '../support/factories';

/**
 * A refusal reaches the browser as a problem code with its figures, which the reader's side words in
 * their language; the English message is only for logs and the command line.
 */
let database: Database;
let bureau: { id: string };
let monitor: { id: string };
let reviewer: { id: string };

beforeAll(async () => {
  database = await createTestDatabase();
  await seedVocabulary(database.db);
  bureau = await createOrganization(database.db, 'Bureau');
  monitor = await createUser(database.db, bureau.id, 'monitor');
  reviewer = await createUser(database.db, bureau.id, 'reviewer');
});
afterAll(async () => {
  await database?.close();
});

describe('problem codes', () => {
  it('a stale save answers CONFLICT with incident.stale and both versions', async () => {
    const author = await callerFor(database.db, monitor.id);
    const { id } = await author.incident.create({ organizationId: bureau.id, incident: anIncident() });
    await author.incident.update({ id, version: 1, incident: anIncident({ title: 'A second title' }) });

    const stale = await callOverHttp(database.db, monitor.id, 'incident.update', { id, version: 1, incident: anIncident({ title: 'A third title' }) });
    expect(stale.status).toBe(409);
    expect(stale.body.error?.json.data.problem).toEqual({ code: 'incident.stale', params: { version: 1, current: 2 } });
  });

  it('a policy refusal carries its code, not a sentence to show', async () => {
    const caller = await callerFor(database.db, reviewer.id);
    const { id } = await caller.incident.create({ organizationId: bureau.id, incident: anIncident() });
    await caller.review.submit({ id, version: 1 });
    const refusal = await caller.review.approve({ id, version: 2 }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({ code: 'FORBIDDEN', problem: { code: 'review.selfApproval' } });
  });

  it('a decision the entry is not ready for carries a code, not an English sentence built on the server', async () => {
    const author = await callerFor(database.db, monitor.id);
    const { id } = await author.incident.create({ organizationId: bureau.id, incident: anIncident() });
    const asReviewer = await callerFor(database.db, reviewer.id);
    const problemOf = (run: Promise<unknown>) => run.then(() => null, (error: { problem?: { code: string } }) => error.problem?.code ?? 'no code');
    expect(await problemOf(asReviewer.review.approve({ id, version: 1 }))).toBe('review.cannotApproveNow');
    expect(await problemOf(asReviewer.review.publish({ id, version: 1 }))).toBe('review.cannotPublishNow');
    expect(await problemOf(asReviewer.review.retract({ id, version: 1, comment: 'Endangers a witness' }))).toBe('review.nothingToRetract');

    const answer = await callOverHttp(database.db, reviewer.id, 'review.approve', { id, version: 1 });
    expect(answer.status).toBe(400);
    expect(answer.body.error?.json.data.problem).toEqual({ code: 'review.cannotApproveNow' });
  });

  it('field problems travel beside the field messages', async () => {
    const answer = await callOverHttp(database.db, monitor.id, 'incident.create', {
      organizationId: bureau.id,
      incident: anIncident({ title: '', date: { precision: 'month', start: '2017-13' } }),
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error?.json.data.fieldProblems).toMatchObject({
      'incident.title': { code: 'title.required' },
      'incident.date.start': { code: 'date.format.month' },
    });
    expect(answer.body.error?.json.data.fieldErrors?.['incident.title']).toBe('A title is required');
  });

  it('the account, session, factor and admin refusals carry codes too (security review, item 11)', async () => {
    const admin = await createUser(database.db, bureau.id, 'admin');
    const asAdmin = await callerFor(database.db, admin.id);
    const problemOf = (run: Promise<unknown>) => run.then(() => null, (error: { problem?: { code: string } }) => error.problem?.code ?? 'no code');
    expect(await problemOf(asAdmin.session.confirmPassword({ password: 'certainly not the password' }))).toBe('session.wrongPassword');
    expect(await problemOf(asAdmin.admin.deactivate({ organizationId: bureau.id, userId: admin.id }))).toBe('admin.deactivateSelf');
    expect(await problemOf(asAdmin.factor.replaceRecoveryCodes())).toBe('factor.enrolFirst');
    expect(await problemOf(asAdmin.account.setPasswordWithLink({ token: 'no such token', password: 'juniper harbour kettle moss' }))).toBe('setPasswordLink.notUsable');
    expect(await problemOf((await callerFor(database.db, null)).incident.list({}))).toBe('auth.signIn');
  });
});

