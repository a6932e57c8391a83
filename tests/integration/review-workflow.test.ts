import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc, eq, sql } from 'drizzle-orm';
import { auditLog, incidentReviews } from '@/db/schema';
import { anIncident, callerFor } from '../support/factories';
import { closeSetup, openSetup, database, monitor, reviewer, secondReviewer, admin, outsiderReviewer, draftBy, publicRow, publishedBy, rowCounts } from '../support/review-workflow-setup';

beforeAll(openSetup);
afterAll(closeSetup);

describe('four-eyes review', () => {
  it('runs draft → submitted → changes requested → submitted → approved → published, with history, notices and audit', async () => {
    const author = await callerFor(database.db, monitor.id);
    const reviewing = await callerFor(database.db, reviewer.id);
    const { id } = await draftBy(monitor.id);

    expect((await author.incident.get({ id })).transitions).toEqual(['submit']);
    let state = await author.review.submit({ id, version: 1 });
    expect(state).toMatchObject({ status: 'submitted', version: 2 });
    expect(await reviewing.notification.unreadCount()).toBeGreaterThan(0);

    const queue = await reviewing.review.queue();
    expect(queue.map((q) => q.id)).toContain(id);
    expect(queue.find((q) => q.id === id)?.comparedWith).toBeNull();

    expect((await reviewing.incident.get({ id })).transitions.sort()).toEqual(['approve', 'requestChanges']);
    state = await reviewing.review.requestChanges({ id, version: 2, comment: 'Which court? Add the source.' });
    expect(state.status).toBe('changes_requested');

    const unread = await author.notification.list({});
    expect(unread[0]).toMatchObject({ kind: 'changes_requested', incidentId: id });
    expect((await author.comment.list({ incidentId: id })).map((c) => c.body)).toContain('Which court? Add the source.');

    await author.incident.update({ id, version: 3, incident: anIncident({ title: 'Leader detained; court named' }) });
    state = await author.review.submit({ id, version: 4 });
    state = await reviewing.review.approve({ id, version: state.version });
    expect(state.status).toBe('approved');
    state = await reviewing.review.publish({ id, version: state.version });
    expect(state.status).toBe('published');

    const published = await author.incident.get({ id });
    expect(published.publishedVersion).toBe(published.version);
    const history = await author.incident.history({ id });
    expect(history.map((h) => h.version)).toEqual([7, 6, 5, 4, 3, 2, 1]);
    expect(history[0]!.changes).toEqual([{ field: 'status', before: 'approved', after: 'published' }]);
    // Five decisions; the audit log also holds the creation and the edit.
    expect(await rowCounts(id)).toMatchObject({ reviews: 5, audits: 7 });
  });

  it('shows the reviewer what changed since the last published version', async () => {
    const author = await callerFor(database.db, monitor.id);
    const reviewing = await callerFor(database.db, reviewer.id);
    const { id } = await draftBy(monitor.id);
    let v = (await author.review.submit({ id, version: 1 })).version;
    v = (await reviewing.review.approve({ id, version: v })).version;
    v = (await reviewing.review.publish({ id, version: v })).version;
    const publishedVersion = v;

    // Editing a published incident starts a new draft; the published version stays what the public sees.
    v = (await author.incident.update({ id, version: v, incident: anIncident({ title: 'Corrected title' }) })).version;
    const draft = await author.incident.get({ id });
    expect(draft.status).toBe('draft');
    expect(draft.publishedVersion).toBe(publishedVersion);

    v = (await author.review.submit({ id, version: v })).version;
    const item = (await reviewing.review.queue()).find((q) => q.id === id)!;
    expect(item.comparedWith).toBe(publishedVersion);
    expect(item.changes).toEqual([{ field: 'title', before: 'Trade union leader detained after a strike', after: 'Corrected title' }]);
  });

  it('nobody approves or publishes their own work', async () => {
    const reviewerAsAuthor = await callerFor(database.db, reviewer.id);
    const { id } = await draftBy(reviewer.id);
    const v = (await reviewerAsAuthor.review.submit({ id, version: 1 })).version;
    expect((await reviewerAsAuthor.incident.get({ id })).transitions).toEqual([]);
    await expect(reviewerAsAuthor.review.approve({ id, version: v })).rejects.toMatchObject({ code: 'FORBIDDEN' });

    // A reviewer who last edited someone else's draft is not a second pair of eyes either.
    const { id: other } = await draftBy(monitor.id);
    const edited = await reviewerAsAuthor.incident.update({ id: other, version: 1, incident: anIncident({ title: 'Reviewer edit' }) });
    const submitted = await (await callerFor(database.db, monitor.id)).review.submit({ id: other, version: edited.version });
    await expect(reviewerAsAuthor.review.approve({ id: other, version: submitted.version })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect((await callerFor(database.db, secondReviewer.id)).review.approve({ id: other, version: submitted.version })).resolves.toMatchObject({
      status: 'approved',
    });
  });

  it('monitors cannot decide, and another organization’s reviewer gets NOT_FOUND', async () => {
    const { id } = await draftBy(monitor.id);
    const author = await callerFor(database.db, monitor.id);
    const v = (await author.review.submit({ id, version: 1 })).version;
    await expect(author.review.approve({ id, version: v })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect((await callerFor(database.db, outsiderReviewer.id)).review.approve({ id, version: v })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('illegal transitions and stale versions are refused and change nothing', async () => {
    const { id } = await draftBy(monitor.id);
    const reviewing = await callerFor(database.db, reviewer.id);
    const before = await rowCounts(id);
    await expect(reviewing.review.publish({ id, version: 1 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const author = await callerFor(database.db, monitor.id);
    const v = (await author.review.submit({ id, version: 1 })).version;
    await expect(reviewing.review.approve({ id, version: 1 })).rejects.toMatchObject({ code: 'CONFLICT' });
    const afterSubmit = await rowCounts(id);
    await reviewing.review.approve({ id, version: v });
    await expect(reviewing.review.approve({ id, version: v + 1 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(reviewing.review.requestChanges({ id, version: v + 1, comment: '' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(before.versions).toBe(1);
    expect(afterSubmit.versions).toBe(2);
    expect((await rowCounts(id)).versions).toBe(3);
  });

  it('a submitted entry cannot be edited until it is returned', async () => {
    const { id } = await draftBy(monitor.id);
    const author = await callerFor(database.db, monitor.id);
    const v = (await author.review.submit({ id, version: 1 })).version;
    await expect(author.incident.update({ id, version: v, incident: anIncident() })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('an edit made from the version before a submission conflicts', async () => {
    const { id } = await draftBy(monitor.id);
    const author = await callerFor(database.db, monitor.id);
    await author.review.submit({ id, version: 1 });
    await (await callerFor(database.db, reviewer.id)).review.requestChanges({ id, version: 2, comment: 'More detail' });
    await expect(author.incident.update({ id, version: 1, incident: anIncident() })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('a retraction needs a reason, takes the record off the public side, and notifies the author', async () => {
    const { id } = await draftBy(monitor.id);
    const author = await callerFor(database.db, monitor.id);
    const reviewing = await callerFor(database.db, reviewer.id);
    let v = (await author.review.submit({ id, version: 1 })).version;
    v = (await reviewing.review.approve({ id, version: v })).version;
    v = (await reviewing.review.publish({ id, version: v })).version;
    await expect(reviewing.review.retract({ id, version: v, comment: '   ' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const retracted = await (await callerFor(database.db, admin.id)).review.retract({ id, version: v, comment: 'Victim asked us to withdraw it' });
    expect(retracted.status).toBe('archived');
    expect((await author.incident.get({ id })).publishedVersion).toBeNull();
    expect((await author.notification.list({})).map((n) => n.kind)).toContain('retracted');
  });

  it('a reviewer retracts the published version at once while an edit is pending; the edit stays and is published anew later', async () => {
    const author = await callerFor(database.db, monitor.id);
    const reviewing = await callerFor(database.db, reviewer.id);
    const published = await publishedBy(monitor.id);
    let v = (await author.incident.update({ id: published.id, version: published.version, incident: anIncident({ title: 'Correction in progress' }) })).version;
    const { id } = published;
    expect((await publicRow(id))!.title).toBe('Trade union leader detained after a strike');
    // The author is offered no retraction; a reviewer is, though the entry is a draft.
    expect((await author.incident.get({ id })).transitions).toEqual(['submit']);
    expect((await reviewing.incident.get({ id })).transitions).toEqual(['retract']);

    const before = await rowCounts(id);
    await expect(reviewing.review.retract({ id, version: v, comment: '  ' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(author.review.retract({ id, version: v, comment: 'I want it gone' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await rowCounts(id)).toEqual(before);
    expect(await publicRow(id)).not.toBeNull();

    const retracted = await reviewing.review.retract({ id, version: v, comment: 'It gives the street where the victim lives' });
    expect(retracted).toEqual({ id, version: v + 1, status: 'draft' });
    expect(await publicRow(id)).toBeNull();
    const draft = await author.incident.get({ id });
    expect(draft).toMatchObject({ status: 'draft', title: 'Correction in progress', publishedVersion: null, canEdit: true });
    expect(draft.transitions).toEqual(['submit']);
    expect(await rowCounts(id)).toEqual({ versions: before.versions + 1, reviews: before.reviews + 1, notices: before.notices + 1, audits: before.audits + 1 });
    const [history] = await author.incident.history({ id });
    expect(history).toMatchObject({ version: v + 1, savedVia: 'review', savedBy: { id: reviewer.id }, changes: [] });
    const [review] = await database.db.select().from(incidentReviews).where(eq(incidentReviews.incidentId, id)).orderBy(desc(incidentReviews.id)).limit(1);
    expect(review).toMatchObject({ version: v + 1, decision: 'retracted', decidedBy: reviewer.id, comment: 'It gives the street where the victim lives' });
    const [audit] = await database.db.select().from(auditLog).where(eq(auditLog.subjectId, id)).orderBy(desc(auditLog.id)).limit(1);
    expect(audit).toMatchObject({
      action: 'incident.retract',
      actorId: reviewer.id,
      details: { from: 'draft', to: 'draft', version: v + 1, retractedVersion: published.version },
    });
    expect((await author.notification.list({}))[0]).toMatchObject({ kind: 'retracted', incidentId: id });
    expect((await author.comment.list({ incidentId: id })).map((c) => c.body)).toContain('It gives the street where the victim lives');

    // Nothing is public any more, so there is nothing left to retract.
    await expect(reviewing.review.retract({ id, version: v + 1, comment: 'Again' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });

    // The edit goes on: corrected, submitted, approved and published anew.
    v = (await author.incident.update({ id, version: v + 1, incident: anIncident({ title: 'Correction without the street' }) })).version;
    v = (await author.review.submit({ id, version: v })).version;
    v = (await reviewing.review.approve({ id, version: v })).version;
    await reviewing.review.publish({ id, version: v });
    expect((await publicRow(id))!.title).toBe('Correction without the street');
  });

  it('a submitted or approved edit of a published incident can be retracted too, and keeps its state', async () => {
    const author = await callerFor(database.db, monitor.id);
    const administering = await callerFor(database.db, admin.id);
    const { id, version } = await publishedBy(monitor.id);
    let v = (await author.incident.update({ id, version, incident: anIncident({ title: 'Submitted correction' }) })).version;
    v = (await author.review.submit({ id, version: v })).version;
    expect((await administering.incident.get({ id })).transitions.sort()).toEqual(['approve', 'requestChanges', 'retract']);
    expect(await administering.review.retract({ id, version: v, comment: 'Withdrawn while we check' })).toMatchObject({ status: 'submitted' });
    expect(await publicRow(id)).toBeNull();
    v = (await (await callerFor(database.db, reviewer.id)).review.approve({ id, version: v + 1 })).version;
    expect((await author.incident.get({ id })).status).toBe('approved');
  });

  it('a transition that fails midway leaves no trace', async () => {
    const { id } = await draftBy(monitor.id);
    const before = await rowCounts(id);
    // Make the audit append fail inside the transaction: the state change must roll back with it.
    await database.db.execute(sql`ALTER TABLE audit_log ADD CONSTRAINT audit_test_block CHECK (action <> 'incident.submit') NOT VALID`);
    try {
      await expect((await callerFor(database.db, monitor.id)).review.submit({ id, version: 1 })).rejects.toThrow();
    } finally {
      await database.db.execute(sql`ALTER TABLE audit_log DROP CONSTRAINT audit_test_block`);
    }
    expect(await rowCounts(id)).toEqual(before);
    expect((await (await callerFor(database.db, monitor.id)).incident.get({ id })).status).toBe('draft');
  });
});
