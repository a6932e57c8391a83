import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseListParams } from '@/app/(workspace)/incidents/list-params';
import { nulMessage } from '@/common/inputs/text';
import { anIncident, callerFor, callOverHttp, createOrganization, createUser } from '../support/factories';
import { closeSetup, openSetup, resetPublicLimits, database, ngo, monitor, admin, author, forged, someId, huge, refusal } from '../support/bad-input-setup';

beforeAll(openSetup);
afterAll(closeSetup);
beforeEach(resetPublicLimits);

describe('text holding the NUL character, in the workspace', () => {
  it('an incident titled with a NUL is refused beside its field, and nothing is saved', async () => {
    const before = await author.incident.list({ organizationId: ngo.id });
    const input = { organizationId: ngo.id, incident: anIncident({ title: 'Union leader\u0000 detained' }) };

    const refused = await refusal(author.incident.create(input));
    expect(refused.code).toBe('BAD_REQUEST');
    expect(refused.fieldErrors['incident.title']).toBe(nulMessage);

    const { status, body } = await callOverHttp(database.db, monitor.id, 'incident.create', input);
    expect(status).toBe(400);
    expect(body.error?.json.data.code).toBe('BAD_REQUEST');
    expect(body.error?.json.data.fieldErrors).toEqual({ 'incident.title': nulMessage });
    expect(body.error?.json.message).toBe(`Please correct: Incident › Title — ${nulMessage}.`);

    expect((await author.incident.list({ organizationId: ngo.id })).items).toEqual(before.items);
  });

  it('a NUL in the list search is refused, over the caller and over HTTP', async () => {
    expect((await refusal(author.incident.list({ text: 'strike\u0000' }))).fieldErrors).toEqual({ text: nulMessage });
    const { status, body } = await callOverHttp(database.db, monitor.id, 'incident.list', { text: 'strike\u0000' }, 'GET');
    expect(status).toBe(400);
    expect(body.error?.json.data.fieldErrors).toEqual({ text: nulMessage });
  });

  it('every other kind of text refuses it the same way: cases, comments, reviews, people, admin', async () => {
    const incident = await author.incident.create({ organizationId: ngo.id, incident: anIncident() });
    const adminCaller = await callerFor(database.db, admin.id);
    const attempts: [string, Promise<unknown>, string][] = [
      ['case title', author.case.create({ organizationId: ngo.id, title: 'Case\u0000' }), 'title'],
      ['case search', author.case.list({ text: 'a\u0000' }), 'text'],
      ['comment', author.comment.add({ incidentId: incident.id, body: 'Check\u0000 this' }), 'body'],
      ['review comment', adminCaller.review.requestChanges({ id: incident.id, version: 1, comment: 'Fix\u0000' }), 'comment'],
      ['person search', author.person.list({ text: 'Nur\u0000' }), 'text'],
      ['source picker', author.directory.sources({ organizationId: ngo.id, text: '\u0000' }), 'text'],
      ['new user name', adminCaller.admin.createUser({ organizationId: ngo.id, name: 'A\u0000', email: 'a@example.org', role: 'monitor' }), 'name'],
    ];
    // All calls start at once and are inspected one by one: mark them handled now, so that one that
    // is refused while an earlier one is still awaited is not reported as an unhandled rejection.
    for (const [, attempt] of attempts) attempt.catch(() => {});
    for (const [what, attempt, field] of attempts) {
      const refused = await refusal(attempt);
      expect(refused.code, what).toBe('BAD_REQUEST');
      expect(refused.fieldErrors[field], what).toBe(nulMessage);
    }
  });
});

describe('the message of a refused form', () => {
  it('is a sentence naming each field, while the field messages stay keyed by path', async () => {
    const input = { organizationId: ngo.id, incident: anIncident({ title: '', date: { precision: 'day', start: '2017-02-30' } }) };
    const { status, body } = await callOverHttp(database.db, monitor.id, 'incident.create', input);
    expect(status).toBe(400);
    expect(body.error?.json.message).toBe(
      'Please correct: Incident › Title — A title is required; Incident › Date › Start — Give a real date written YYYY-MM-DD (the precision is "day").',
    );
    expect(body.error?.json.data.fieldErrors).toEqual({
      'incident.title': 'A title is required',
      'incident.date.start': 'Give a real date written YYYY-MM-DD (the precision is "day")',
    });
  });
});

describe('the workspace incident list with cursors', () => {
  const forgedCursors = [
    ['year 0', forged(['0000-01-01', someId])],
    ['30 February', forged(['2017-02-30', someId])],
    ['month 13 as a moment', forged(['2017-13-45T99:99:99.000000Z', someId])],
    ['36 hyphens for an id', forged(['2017-05-01', '-'.repeat(36)])],
    ['a word for a date', forged(['yesterday', someId])],
    ['not a cursor at all', 'not-a-cursor'],
  ] as const;

  it('pages through every incident once, in order, for every sort (ties on the date broken by id)', async () => {
    const lister = await createOrganization(database.db, 'Paging NGO');
    const member = await createUser(database.db, lister.id, 'monitor');
    const caller = await callerFor(database.db, member.id);
    for (const start of ['2017-05-01', '2017-05-01', '2017-05-01', '2016-01-15', '2018-11-30']) {
      await caller.incident.create({ organizationId: lister.id, incident: anIncident({ date: { precision: 'day', start } }) });
    }
    for (const sort of ['date_desc', 'date_asc', 'updated_desc'] as const) {
      const everything = (await caller.incident.list({ sort, limit: 100 })).items.map((item) => item.id);
      const paged: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: { id: string }[]; nextCursor: string | null } = await caller.incident.list({ sort, limit: 2, cursor });
        paged.push(...page.items.map((item) => item.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(paged, sort).toEqual(everything);
      expect(paged).toHaveLength(5);
    }
  });

  it('refuses a forged cursor with a message, over the caller and over HTTP', async () => {
    for (const [what, cursor] of forgedCursors) {
      for (const sort of ['date_desc', 'updated_desc'] as const) {
        const refused = await refusal(author.incident.list({ sort, cursor }));
        expect(refused.code, what).toBe('BAD_REQUEST');
        expect(refused.fieldErrors.cursor, what).toMatch(/page link is out of date or was changed/);
      }
      const { status, body } = await callOverHttp(database.db, monitor.id, 'incident.list', { cursor }, 'GET');
      expect(status, what).toBe(400);
      expect(body.error?.json.message, what).toMatch(/^Please correct: Cursor — This page link is out of date/);
    }
  });

  it('the list page with a hand-edited ?cursor= shows the first page instead of an error', async () => {
    const firstPage = await author.incident.list({ limit: 25 });
    for (const [what, cursor] of forgedCursors) {
      const params = parseListParams({ cursor }, 25);
      expect(params.values.cursor, what).toBeUndefined();
      expect(await author.incident.list(params.input)).toEqual(firstPage);
    }
  });
});

describe('numbers past the database integer', () => {
  it('a version or a record number of 3,000,000,000 is refused beside its field', async () => {
    const incident = await author.incident.create({ organizationId: ngo.id, incident: anIncident() });
    const attempts: [string, Promise<unknown>, string][] = [
      ['incident update', author.incident.update({ id: incident.id, version: huge, incident: anIncident() }), 'version'],
      ['incident delete', author.incident.delete({ id: incident.id, version: huge }), 'version'],
      ['submit for review', author.review.submit({ id: incident.id, version: huge }), 'version'],
      ['legal event', author.case.updateLegalEvent({ id: huge, version: 1, kind: 'charges', datePrecision: 'day', date: '2017-05-01' }), 'id'],
      ['intervention', author.case.removeIntervention({ id: huge, version: 1 }), 'id'],
      ['person merge', author.person.merge({ id: someId, version: huge, duplicateId: someId, duplicateVersion: 1 }), 'version'],
    ];
    // All calls start at once and are inspected one by one: mark them handled now, so that one that
    // is refused while an earlier one is still awaited is not reported as an unhandled rejection.
    for (const [, attempt] of attempts) attempt.catch(() => {});
    for (const [what, attempt, field] of attempts) {
      const refused = await refusal(attempt);
      expect(refused.code, what).toBe('BAD_REQUEST');
      expect(refused.fieldErrors[field], what).toMatch(/^Not (a version of this record|a record number) \(a whole number from 1 to 2147483647\)$/);
    }
    const { status, body } = await callOverHttp(database.db, monitor.id, 'incident.update', { id: incident.id, version: huge, incident: anIncident() });
    expect(status).toBe(400);
    expect(body.error?.json.data.fieldErrors).toEqual({ version: 'Not a version of this record (a whole number from 1 to 2147483647)' });
  });

  it('a large id of a bigserial column is just an id that does not exist', async () => {
    const incident = await author.incident.create({ organizationId: ngo.id, incident: anIncident() });
    const refused = await refusal(author.comment.add({ incidentId: incident.id, body: 'A reply', parentId: huge }));
    expect(refused).toMatchObject({ code: 'BAD_REQUEST', message: 'No such comment here' });
    await expect(author.notification.list({ before: huge })).resolves.toEqual(expect.any(Array));
  });
});
