/**
 * Cases are reviewed like incidents: a submitted case waits in the reviewers' queue with what
 * changed since its publication, reviewers and authors are notified of each decision in the same
 * transaction, members discuss the case in a thread that is kept forever, and a reviewer can take
 * a published case off the public side at once even while an edit of it is in progress.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { auditLog, caseReviews, caseVersions, comments, notifications } from '@/db/schema';
import { setPublicDatabaseForTests } from '@/server/public/db';
import { publicApiBuckets } from '@/server/public/rate-limit';
import { GET as publicCaseGet } from '@/app/api/public/v1/cases/[id]/route';
import { createTestDatabase } from '../support/database';
import { anIncident, callerFor, callOverHttp, createOrganization, createUser, seedVocabulary } from '../support/factories';

type Caller = Awaited<ReturnType<typeof callerFor>>;

let database: Database;
let ngo: { id: string };
let people: Record<'author' | 'colleague' | 'reviewer' | 'secondReviewer' | 'admin' | 'outsiderReviewer', { id: string }>;
let as: Record<keyof typeof people, Caller>;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedVocabulary(database.db);
  ngo = await createOrganization(database.db, 'Kazakhstan Bureau');
  const other = await createOrganization(database.db, 'Another NGO');
  people = {
    author: await createUser(database.db, ngo.id, 'monitor'),
    colleague: await createUser(database.db, ngo.id, 'monitor'),
    reviewer: await createUser(database.db, ngo.id, 'reviewer'),
    secondReviewer: await createUser(database.db, ngo.id, 'reviewer'),
    admin: await createUser(database.db, ngo.id, 'admin'),
    outsiderReviewer: await createUser(database.db, other.id, 'reviewer'),
  };
  as = Object.fromEntries(
    await Promise.all(Object.entries(people).map(async ([name, user]) => [name, await callerFor(database.db, user.id)] as const)),
  ) as typeof as;
  setPublicDatabaseForTests(database.db);
});
afterAll(async () => {
  setPublicDatabaseForTests(undefined);
  await database?.close();
});

let titles = 0;
async function draftCase(title = `Prosecution of a union leader ${++titles}`) {
  return as.author.case.create({ organizationId: ngo.id, title, summary: 'Charges after the strike.', persons: [] });
}

async function publishedCase(title?: string) {
  const { id } = await draftCase(title);
  let v = (await as.author.case.submit({ id, version: 1 })).version;
  v = (await as.reviewer.case.approve({ id, version: v })).version;
  v = (await as.reviewer.case.publish({ id, version: v })).version;
  return { id, version: v };
}

async function publicStatus(id: string): Promise<number> {
  await publicApiBuckets.reset();
  const response = await publicCaseGet(new Request(`http://test/api/public/v1/cases/${id}`), { params: Promise.resolve({ id }) });
  return response.status;
}

/** The notices of one person about one case, oldest first, as that person lists them. */
async function noticesAbout(caller: Caller, caseId: string) {
  return (await caller.notification.list({})).filter((n) => n.caseId === caseId).reverse();
}

async function rowCounts(caseId: string) {
  const [versions] = await database.db.select({ n: count() }).from(caseVersions).where(eq(caseVersions.caseId, caseId));
  const [reviews] = await database.db.select({ n: count() }).from(caseReviews).where(eq(caseReviews.caseId, caseId));
  const [notices] = await database.db.select({ n: count() }).from(notifications).where(eq(notifications.caseId, caseId));
  const [discussion] = await database.db.select({ n: count() }).from(comments).where(eq(comments.caseId, caseId));
  const [audits] = await database.db.select({ n: count() }).from(auditLog).where(eq(auditLog.subjectId, caseId));
  return { versions: versions!.n, reviews: reviews!.n, notices: notices!.n, comments: discussion!.n, audits: audits!.n };
}

describe('the review queue', () => {
  it('lists submitted cases to the organization’s reviewers, oldest first, with what changed since the published version', async () => {
    const { id, version } = await publishedCase('Closure of the confederation');
    let v = (await as.author.case.update({ id, version, title: 'Closure of the confederation and its appeal', summary: 'Charges after the strike.', persons: [] })).version;
    v = (await as.author.case.addIntervention({ caseId: id, kind: 'statement', datePrecision: 'day', date: '2017-10-04', by: 'Observatory' })).caseVersion;
    await as.author.case.submit({ id, version: v });
    const later = await draftCase('Fines against the hunger strikers');
    await as.author.case.submit({ id: later.id, version: 1 });

    const queue = await as.reviewer.review.caseQueue();
    const mine = queue.filter((entry) => entry.id === id || entry.id === later.id);
    expect(mine.map((entry) => entry.title)).toEqual(['Closure of the confederation and its appeal', 'Fines against the hunger strikers']);
    const [edited, fresh] = mine;
    expect(edited).toMatchObject({ comparedWith: version, publishedVersion: version, authorName: expect.stringMatching(/^monitor /) });
    expect(edited!.changes).toEqual([
      { field: 'title', before: 'Closure of the confederation', after: 'Closure of the confederation and its appeal' },
      { field: 'interventions', before: null, after: [expect.objectContaining({ date: '2017-10-04', datePrecision: 'day', kind: 'statement', by: 'Observatory' })] },
    ]);
    // Never approved before: everything filled in is new, and the review state is not among the changes.
    expect(fresh!.comparedWith).toBeNull();
    expect(fresh!.changes.map((change) => change.field)).toEqual(['title', 'summary', 'status']);

    expect((await as.admin.review.caseQueue()).map((entry) => entry.id)).toEqual(expect.arrayContaining([id, later.id]));
    expect(await as.colleague.review.caseQueue()).toEqual([]);
    expect(await as.author.review.caseQueue()).toEqual([]);
    expect((await as.outsiderReviewer.review.caseQueue()).map((entry) => entry.id)).not.toContain(id);
    // Incidents keep their own queue.
    expect((await as.reviewer.review.queue()).map((entry) => entry.id)).not.toContain(id);
  });

  it('lets a case leave the queue once a reviewer has decided on it', async () => {
    const { id } = await draftCase();
    const { version } = await as.author.case.submit({ id, version: 1 });
    expect((await as.reviewer.review.caseQueue()).map((entry) => entry.id)).toContain(id);
    await as.reviewer.case.approve({ id, version });
    expect((await as.reviewer.review.caseQueue()).map((entry) => entry.id)).not.toContain(id);
  });
});

describe('notifications about cases', () => {
  it('tell reviewers of a submission and the author of each decision, and name the case', async () => {
    const { id } = await draftCase('Judicial harassment of Larisa Kharkova');
    let v = (await as.author.case.submit({ id, version: 1 })).version;
    for (const reviewer of [as.reviewer, as.secondReviewer, as.admin]) {
      expect(await noticesAbout(reviewer, id)).toMatchObject([{ kind: 'submitted', caseId: id, caseTitle: 'Judicial harassment of Larisa Kharkova', incidentId: null }]);
    }
    expect(await noticesAbout(as.colleague, id)).toEqual([]);
    expect(await noticesAbout(as.author, id)).toEqual([]);
    expect(await noticesAbout(as.outsiderReviewer, id)).toEqual([]);

    v = (await as.reviewer.case.requestChanges({ id, version: v, comment: 'Add the appeal decision.' })).version;
    v = (await as.author.case.submit({ id, version: v })).version;
    v = (await as.secondReviewer.case.approve({ id, version: v })).version;
    v = (await as.secondReviewer.case.publish({ id, version: v })).version;
    await as.admin.case.retract({ id, version: v, comment: 'Her lawyer asked us to withdraw it.' });

    const told = await noticesAbout(as.author, id);
    expect(told.map((n) => [n.kind, n.actorName])).toEqual([
      ['changes_requested', expect.stringMatching(/^reviewer /)],
      ['approved', expect.stringMatching(/^reviewer /)],
      ['published', expect.stringMatching(/^reviewer /)],
      ['retracted', expect.stringMatching(/^admin /)],
    ]);
    // The resubmission reached the reviewers again; nobody hears of their own decision.
    expect((await noticesAbout(as.reviewer, id)).map((n) => n.kind)).toEqual(['submitted', 'submitted']);
    expect((await noticesAbout(as.admin, id)).map((n) => n.kind)).toEqual(['submitted', 'submitted']);
  });

  it('are written in the decision’s transaction: a decision that fails midway leaves no notice, comment or version', async () => {
    const { id } = await draftCase();
    const { version } = await as.author.case.submit({ id, version: 1 });
    const before = await rowCounts(id);
    // Make the audit append fail inside the transaction: everything else must roll back with it.
    await database.db.execute(sql`ALTER TABLE audit_log ADD CONSTRAINT audit_test_block CHECK (action <> 'case.requestChanges') NOT VALID`);
    try {
      await expect(as.reviewer.case.requestChanges({ id, version, comment: 'Which court?' })).rejects.toThrow();
    } finally {
      await database.db.execute(sql`ALTER TABLE audit_log DROP CONSTRAINT audit_test_block`);
    }
    expect(await rowCounts(id)).toEqual(before);
    expect(await noticesAbout(as.author, id)).toEqual([]);
    expect(await as.author.comment.listOnCase({ caseId: id })).toEqual([]);
    expect(await as.author.case.get({ id })).toMatchObject({ reviewStatus: 'submitted', version });
  });
});

describe('the discussion on a case', () => {
  it('is threaded among members, shows the request for changes, and tells the author', async () => {
    const { id } = await draftCase();
    const v = (await as.author.case.submit({ id, version: 1 })).version;
    await as.reviewer.case.requestChanges({ id, version: v, comment: 'Name the court that convicted her.' });
    const question = await as.secondReviewer.comment.addOnCase({ caseId: id, body: 'Is the appeal decision in the file?', field: 'legalEvents' });
    await as.author.comment.addOnCase({ caseId: id, body: 'Yes, 29 September 2017.', parentId: question.id });

    const thread = await as.colleague.comment.listOnCase({ caseId: id });
    expect(thread.map((c) => [c.body, c.field, c.parentId])).toEqual([
      ['Name the court that convicted her.', null, null],
      ['Is the appeal decision in the file?', 'legalEvents', null],
      ['Yes, 29 September 2017.', null, question.id],
    ]);
    expect(thread[1]!.author.id).toBe(people.secondReviewer.id);
    expect(thread[2]!.createdAt).toBeInstanceOf(Date);
    expect((await noticesAbout(as.author, id)).map((n) => n.kind)).toEqual(['changes_requested', 'commented']);
    const [audit] = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectId, id), eq(auditLog.action, 'case.comment')))
      .orderBy(auditLog.id)
      .limit(1);
    expect(audit).toMatchObject({ actorId: people.secondReviewer.id, organizationId: ngo.id, details: { commentId: question.id } });
    // The incidents' discussion and the case's stay apart.
    const incident = await as.author.incident.create({ organizationId: ngo.id, incident: anIncident() });
    expect(await as.author.comment.list({ incidentId: incident.id })).toEqual([]);
  });

  it('is hidden from other organizations exactly as a missing case is, and refuses a reply to another record’s comment', async () => {
    const { id } = await draftCase();
    const other = await draftCase();
    const first = await as.author.comment.addOnCase({ caseId: other.id, body: 'On the other case' });
    const incident = await as.author.incident.create({ organizationId: ngo.id, incident: anIncident() });
    const onIncident = await as.author.comment.add({ incidentId: incident.id, body: 'On an incident' });

    for (const parentId of [first.id, onIncident.id]) {
      const refused = await callOverHttp(database.db, people.author.id, 'comment.addOnCase', { caseId: id, body: 'A reply', parentId });
      expect(refused.body.error?.json.data.fieldErrors).toEqual({ parentId: 'No such comment here' });
    }
    const empty = await callOverHttp(database.db, people.author.id, 'comment.addOnCase', { caseId: id, body: '   ' });
    expect(empty.body.error?.json.data.fieldErrors).toEqual({ body: 'Write a comment' });

    const missing = '00000000-0000-4000-8000-000000000000';
    const hidden = await as.outsiderReviewer.comment.listOnCase({ caseId: id }).catch((e: { code: string; message: string }) => ({ code: e.code, message: e.message }));
    const absent = await as.outsiderReviewer.comment.listOnCase({ caseId: missing }).catch((e: { code: string; message: string }) => ({ code: e.code, message: e.message }));
    expect(hidden).toEqual(absent);
    expect(hidden).toMatchObject({ code: 'NOT_FOUND' });
    await expect(as.outsiderReviewer.comment.addOnCase({ caseId: id, body: 'Let me in' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(as.reviewer.comment.listOnCase({ caseId: id })).resolves.toEqual([]);
  });

  it('is kept forever: the database refuses to change or remove a comment, and a comment concerns exactly one record', async () => {
    const { id } = await draftCase();
    await as.author.comment.addOnCase({ caseId: id, body: 'Kept forever' });
    await expect(database.db.execute(sql`UPDATE comments SET body = 'tampered' WHERE case_id = ${id}`)).rejects.toThrow();
    await expect(database.db.execute(sql`DELETE FROM comments WHERE case_id = ${id}`)).rejects.toThrow();
    const incident = await as.author.incident.create({ organizationId: ngo.id, incident: anIncident() });
    await expect(
      database.db.execute(sql`INSERT INTO comments (incident_id, case_id, author_id, body) VALUES (${incident.id}, ${id}, ${people.author.id}, 'Both')`),
    ).rejects.toThrow();
    await expect(database.db.execute(sql`INSERT INTO comments (author_id, body) VALUES (${people.author.id}, 'Neither')`)).rejects.toThrow();
    await expect(
      database.db.execute(sql`INSERT INTO notifications (user_id, kind, incident_id, case_id) VALUES (${people.author.id}, 'commented', ${incident.id}, ${id})`),
    ).rejects.toThrow();
    expect((await as.author.comment.listOnCase({ caseId: id })).map((c) => c.body)).toEqual(['Kept forever']);
  });
});

describe('retracting a published case while an edit is pending', () => {
  it('takes the published version off the public side at once and leaves the edit as it stands', async () => {
    const { id, version } = await publishedCase();
    expect(await publicStatus(id)).toBe(200);
    const draft = (await as.author.case.addIntervention({ caseId: id, kind: 'statement', datePrecision: 'day', date: '2017-10-04' })).caseVersion;
    expect(await as.author.case.get({ id })).toMatchObject({ reviewStatus: 'draft', publishedVersion: version });

    // Offered to reviewers and admins, never to monitors, and a reason is required.
    expect((await as.reviewer.case.get({ id })).transitions).toContain('retract');
    expect((await as.author.case.get({ id })).transitions).toEqual(['submit']);
    await expect(as.author.case.retract({ id, version: draft, comment: 'Mine' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const noReason = await callOverHttp(database.db, people.reviewer.id, 'case.retract', { id, version: draft, comment: ' ' });
    expect(noReason.body.error?.json.data.code).toBe('BAD_REQUEST');

    const retracted = await as.reviewer.case.retract({ id, version: draft, comment: 'It names the family’s address.' });
    expect(retracted).toEqual({ id, version: draft + 1, reviewStatus: 'draft' });
    expect(await publicStatus(id)).toBe(404);

    const after = await as.author.case.get({ id });
    expect(after).toMatchObject({ reviewStatus: 'draft', publishedVersion: null, version: draft + 1, canEdit: true });
    expect(after.reviews[0]).toMatchObject({ decision: 'retracted', version: draft + 1, comment: 'It names the family’s address.' });
    const [latest] = await as.author.case.history({ id });
    expect(latest).toMatchObject({ version: draft + 1, savedVia: 'review', changes: [] });
    expect((await as.author.comment.listOnCase({ caseId: id })).map((c) => c.body)).toEqual(['It names the family’s address.']);
    expect((await noticesAbout(as.author, id)).map((n) => n.kind)).toEqual(['approved', 'published', 'retracted']);
    const [audit] = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectId, id), eq(auditLog.action, 'case.retract')));
    expect(audit).toMatchObject({ actorId: people.reviewer.id, details: { from: 'draft', to: 'draft', version: draft + 1, retractedVersion: version } });

    // Nothing is public any more, so there is nothing left to retract; the edit goes through review as usual.
    await expect(as.reviewer.case.retract({ id, version: draft + 1, comment: 'Again' })).rejects.toThrow(/nothing to retract/);
    let v = (await as.author.case.submit({ id, version: draft + 1 })).version;
    v = (await as.reviewer.case.approve({ id, version: v })).version;
    await as.reviewer.case.publish({ id, version: v });
    expect(await publicStatus(id)).toBe(200);
  });

  it('keeps a submitted edit in the queue while its published version is retracted', async () => {
    const { id, version } = await publishedCase();
    const edited = (await as.author.case.update({ id, version, title: 'Renamed while public', summary: null, persons: [] })).version;
    const submitted = (await as.author.case.submit({ id, version: edited })).version;
    expect((await as.admin.case.get({ id })).transitions.sort()).toEqual(['approve', 'requestChanges', 'retract']);
    await expect(as.admin.case.retract({ id, version: submitted, comment: 'Safety first' })).resolves.toMatchObject({ reviewStatus: 'submitted' });
    expect(await publicStatus(id)).toBe(404);
    const queued = (await as.reviewer.review.caseQueue()).find((entry) => entry.id === id);
    expect(queued).toMatchObject({ version: submitted + 1, publishedVersion: null });
  });
});
