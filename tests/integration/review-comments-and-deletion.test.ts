/**
 * Review's companions: threaded comments and notifications (also of deleted records), and soft deletion with an admin's restore.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { anIncident, callerFor } from '../support/factories';
import { closeSetup, openSetup, database, ngo, monitor, reviewer, admin, outsiderReviewer, draftBy, publicRow, publishedBy } from '../support/review-workflow-setup';

beforeAll(openSetup);
afterAll(closeSetup);

describe('comments and notifications', () => {
  it('members comment in threads, about a field; outsiders cannot read them', async () => {
    const { id } = await draftBy(monitor.id);
    const reviewing = await callerFor(database.db, reviewer.id);
    const first = await reviewing.comment.add({ incidentId: id, body: 'Is the date right?', field: 'date' });
    await (await callerFor(database.db, monitor.id)).comment.add({ incidentId: id, body: 'Yes, from the court record.', parentId: first.id });
    const thread = await reviewing.comment.list({ incidentId: id });
    expect(thread.map((c) => [c.body, c.field, c.parentId])).toEqual([
      ['Is the date right?', 'date', null],
      ['Yes, from the court record.', null, first.id],
    ]);
    await expect((await callerFor(database.db, outsiderReviewer.id)).comment.list({ incidentId: id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(database.db.execute(sql`DELETE FROM comments`)).rejects.toThrow();
  });

  it('marking read touches only one’s own notifications', async () => {
    const author = await callerFor(database.db, monitor.id);
    const unreadBefore = await author.notification.unreadCount();
    expect(unreadBefore).toBeGreaterThan(0);
    await (await callerFor(database.db, reviewer.id)).notification.markRead({});
    expect(await author.notification.unreadCount()).toBe(unreadBefore);
    await author.notification.markRead({});
    expect(await author.notification.unreadCount()).toBe(0);
  });
});

describe('notifications of deleted incidents', () => {
  it('show neither the title nor a link once the incident is deleted', async () => {
    const author = await callerFor(database.db, monitor.id);
    const { id } = await author.incident.create({ organizationId: ngo.id, incident: anIncident({ title: 'Quokka draft to delete' }) });
    await (await callerFor(database.db, reviewer.id)).comment.add({ incidentId: id, body: 'Should this be deleted?' });
    expect((await author.notification.list({}))[0]).toMatchObject({ kind: 'commented', incidentId: id, incidentTitle: 'Quokka draft to delete' });
    await author.incident.delete({ id, version: 1 });
    const [notice] = await author.notification.list({});
    expect(notice).toMatchObject({ kind: 'commented', incidentId: null, incidentTitle: null });
    expect(JSON.stringify(await author.notification.list({}))).not.toContain('Quokka');
  });

  it('of a deleted case, still say it was a case, without its title or a link', async () => {
    const author = await callerFor(database.db, monitor.id);
    const created = await author.case.create({ organizationId: ngo.id, title: 'Wombat case to delete', persons: [] });
    await (await callerFor(database.db, reviewer.id)).comment.addOnCase({ caseId: created.id, body: 'Is this a duplicate?' });
    expect((await author.notification.list({}))[0]).toMatchObject({ kind: 'commented', aboutCase: true, caseId: created.id, caseTitle: 'Wombat case to delete' });
    // A stale version is refused with a reason the reader's language words; the right one deletes.
    await expect(author.case.delete({ id: created.id, version: created.version + 1 })).rejects.toMatchObject({ code: 'CONFLICT', problem: { code: 'case.changedOrDeleted' } });
    await author.case.delete({ id: created.id, version: created.version });
    // Once deleted, the case is not there to delete again.
    await expect(author.case.delete({ id: created.id, version: created.version })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await author.notification.list({}))[0]).toMatchObject({ kind: 'commented', aboutCase: true, caseId: null, caseTitle: null, incidentId: null });
    expect(JSON.stringify(await author.notification.list({}))).not.toContain('Wombat');
  });
});

describe('soft delete', () => {
  it('the author deletes a draft; it vanishes from lists; an admin restores it', async () => {
    const author = await callerFor(database.db, monitor.id);
    const { id } = await author.incident.create({ organizationId: ngo.id, incident: anIncident({ title: 'Deletable kiwi draft' }) });
    await expect((await callerFor(database.db, reviewer.id)).incident.delete({ id, version: 1 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await author.incident.delete({ id, version: 1 });
    expect((await author.incident.list({ text: 'kiwi' })).items).toEqual([]);
    await expect(author.incident.get({ id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(author.incident.restore({ id })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    const administering = await callerFor(database.db, admin.id);
    expect((await administering.incident.deleted()).map((d) => d.id)).toContain(id);
    await administering.incident.restore({ id });
    expect((await author.incident.list({ text: 'kiwi' })).items.map((i) => i.id)).toEqual([id]);
  });

  it('the author cannot delete a draft of a published incident: only a retraction, with its reason, takes it off the public side', async () => {
    const author = await callerFor(database.db, monitor.id);
    const { id, version } = await publishedBy(monitor.id);
    const v = (await author.incident.update({ id, version, incident: anIncident({ title: 'Draft of a correction' }) })).version;
    const draft = await author.incident.get({ id });
    expect(draft).toMatchObject({ status: 'draft', canEdit: true, canDelete: false });
    await expect(author.incident.delete({ id, version: v })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('a reviewer retracts it first'),
    });
    expect((await publicRow(id))!.title).toBe('Trade union leader detained after a strike');
    expect((await (await callerFor(database.db, admin.id)).incident.deleted()).map((d) => d.id)).not.toContain(id);
    expect((await author.incident.get({ id })).title).toBe('Draft of a correction');
  });

  it('a submitted or published entry cannot be deleted', async () => {
    const author = await callerFor(database.db, monitor.id);
    const { id } = await draftBy(monitor.id);
    await author.review.submit({ id, version: 1 });
    await expect(author.incident.delete({ id, version: 2 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
