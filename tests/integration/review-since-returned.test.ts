/**
 * A reviewer's day (issue 18): a resubmitted entry shows what changed since the version the reviewer
 * returned, for incidents and cases alike; an author's reply to a reviewer's comment reaches the
 * reviewer.
 */
import { describe, expect, it } from 'vitest';
import { reviewTeam } from '../support/review-team';
import { anIncident } from '../support/factories';

const { ngo, author, reviewer } = reviewTeam();

describe('a resubmitted entry', () => {
  it('of an incident shows only what changed since the reviewer returned it', async () => {
    const { id } = await author.incident.create({ organizationId: ngo.id, incident: anIncident({ title: 'Journalist fined' }) });
    let v = (await author.review.submit({ id, version: 1 })).version;
    const first = (await reviewer.review.queue()).find((entry) => entry.id === id)!;
    expect(first).toMatchObject({ comparedWith: null, returned: false });

    v = (await reviewer.review.requestChanges({ id, version: v, comment: 'Say which court.' })).version;
    const returnedVersion = v;
    v = (await author.incident.update({ id, version: v, incident: anIncident({ title: 'Journalist fined by the Almaty court' }) })).version;
    await author.review.submit({ id, version: v });

    const again = (await reviewer.review.queue()).find((entry) => entry.id === id)!;
    expect(again).toMatchObject({ comparedWith: returnedVersion, returned: true });
    expect(again.changes).toEqual([{ field: 'title', before: 'Journalist fined', after: 'Journalist fined by the Almaty court' }]);
  });

  it('of a case shows only what changed since the reviewer returned it', async () => {
    const created = await author.case.create({ organizationId: ngo.id, title: 'Fine of the journalist', persons: [] });
    let v = (await author.case.submit({ id: created.id, version: created.version })).version;
    v = (await reviewer.case.requestChanges({ id: created.id, version: v, comment: 'Add a summary.' })).version;
    const returnedVersion = v;
    v = (await author.case.update({ id: created.id, version: v, title: 'Fine of the journalist', summary: 'Fined for a post.', persons: [] })).version;
    await author.case.submit({ id: created.id, version: v });

    const entry = (await reviewer.review.caseQueue()).find((queued) => queued.id === created.id)!;
    expect(entry).toMatchObject({ comparedWith: returnedVersion, returned: true });
    expect(entry.changes).toEqual([{ field: 'summary', before: null, after: 'Fined for a post.' }]);
  });
});

describe('a reply to a comment', () => {
  it('notifies the one who wrote the comment it answers', async () => {
    const { id } = await author.incident.create({ organizationId: ngo.id, incident: anIncident({ title: 'Blogger questioned' }) });
    const question = await reviewer.comment.add({ incidentId: id, body: 'Is the date right?', field: 'date' });
    const before = (await reviewer.notification.list({})).length;
    await author.comment.add({ incidentId: id, body: 'Yes, from the summons.', parentId: question.id });
    const notices = await reviewer.notification.list({});
    expect(notices.length).toBe(before + 1);
    expect(notices[0]).toMatchObject({ kind: 'commented', incidentId: id });
  });

  it('on a case notifies the one who wrote the comment it answers', async () => {
    const created = await author.case.create({ organizationId: ngo.id, title: 'Questioning of the blogger', persons: [] });
    const question = await reviewer.comment.addOnCase({ caseId: created.id, body: 'Who summoned him?' });
    await author.comment.addOnCase({ caseId: created.id, body: 'The city police.', parentId: question.id });
    const [latest] = await reviewer.notification.list({});
    expect(latest).toMatchObject({ kind: 'commented', caseId: created.id });
  });
});
