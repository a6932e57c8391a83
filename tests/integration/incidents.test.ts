import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { incidentVersions, memberships } from '@/db/schema';
import { createTestDatabase } from '../support/database';
import { anIncident, callerFor, callOverHttp, createOrganization, createUser, seedVocabulary } from '../support/factories';

let database: Database;
let ngo: { id: string };
let otherNgo: { id: string };
let monitor: { id: string };
let secondMonitor: { id: string };
let reviewer: { id: string };
let outsider: { id: string };

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  await seedVocabulary(db);
  ngo = await createOrganization(db, 'Kazakhstan Bureau');
  otherNgo = await createOrganization(db, 'Another NGO');
  monitor = await createUser(db, ngo.id, 'monitor');
  secondMonitor = await createUser(db, ngo.id, 'monitor');
  reviewer = await createUser(db, ngo.id, 'reviewer');
  outsider = await createUser(db, otherNgo.id, 'monitor');
});

afterAll(async () => {
  await database?.close();
});

describe('a monitor logs an incident', () => {
  it('creates a draft at version 1 with every part, and its first history entry', async () => {
    const caller = await callerFor(database.db, monitor.id);
    const { id, version } = await caller.incident.create({ organizationId: ngo.id, incident: anIncident() });
    expect(version).toBe(1);

    const incident = await caller.incident.get({ id });
    expect(incident.status).toBe('draft');
    expect(incident.date).toEqual({ start: '2017-05-01', end: null, precision: 'month' });
    expect(incident.victims).toEqual([expect.objectContaining({ kind: 'person', name: 'Nurbek Example', confidential: true })]);
    expect(incident.perpetrators).toEqual([{ typeCode: 'police', name: 'Zhanaozen city police' }]);
    expect(incident.legalProvisions).toEqual([{ code: 'Criminal Code', article: '174', title: 'Inciting social discord' }]);
    expect(incident.sources.map((s) => s.title)).toEqual(['Interview with a colleague']);
    expect(incident.canEdit).toBe(true);

    const history = await caller.incident.history({ id });
    expect(history).toHaveLength(1);
    expect(history[0]!.savedBy?.id).toBe(monitor.id);
    expect(history[0]!.changes.map((c) => c.field)).toContain('title');
  });

  it('finds the incident in the list by text, status, violation type (parent included) and date range', async () => {
    const caller = await callerFor(database.db, monitor.id);
    await caller.incident.create({ organizationId: ngo.id, incident: anIncident({ title: 'Searchable zebra incident' }) });
    const byText = await caller.incident.list({ text: 'zebra' });
    expect(byText.items.map((i) => i.title)).toEqual(['Searchable zebra incident']);
    const byParentType = await caller.incident.list({ violationType: 'judicial_harassment', text: 'zebra' });
    expect(byParentType.items).toHaveLength(1);
    const outOfRange = await caller.incident.list({ text: 'zebra', from: '2018-01-01' });
    expect(outOfRange.items).toHaveLength(0);
    const byStatus = await caller.incident.list({ text: 'zebra', status: 'published' });
    expect(byStatus.items).toHaveLength(0);
  });

  it('pages through the list with a cursor, without repeating or skipping incidents', async () => {
    const caller = await callerFor(database.db, monitor.id);
    for (const day of ['01', '02', '03', '04', '05']) {
      await caller.incident.create({
        organizationId: ngo.id,
        incident: anIncident({ title: `Paged incident ${day}`, date: { precision: 'day', start: `2016-03-${day}` } }),
      });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { title: string }[]; nextCursor: string | null } = await caller.incident.list({
        text: 'Paged incident',
        limit: 2,
        sort: 'date_asc',
        cursor,
      });
      seen.push(...page.items.map((i) => i.title));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['01', '02', '03', '04', '05'].map((d) => `Paged incident ${d}`));
  });
});

describe('editing', () => {
  it('detects concurrent edits: the second caller editing the same version gets CONFLICT and nothing is overwritten', async () => {
    const first = await callerFor(database.db, monitor.id);
    const second = await callerFor(database.db, monitor.id);
    const { id } = await first.incident.create({ organizationId: ngo.id, incident: anIncident() });

    const [a, b] = await Promise.allSettled([
      first.incident.update({ id, version: 1, incident: anIncident({ title: 'Edit from the first tab' }) }),
      second.incident.update({ id, version: 1, incident: anIncident({ title: 'Edit from the second tab' }) }),
    ]);
    const outcomes = [a, b].map((r) => r.status);
    expect(outcomes.sort()).toEqual(['fulfilled', 'rejected']);
    const rejected = [a, b].find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ code: 'CONFLICT' });
    expect(String(rejected.reason.message)).toMatch(/Someone else saved this incident/);

    const winner = (a.status === 'fulfilled' ? 'Edit from the first tab' : 'Edit from the second tab');
    const incident = await first.incident.get({ id });
    expect(incident.title).toBe(winner);
    expect(incident.version).toBe(2);

    const history = await first.incident.history({ id });
    expect(history.map((h) => h.version)).toEqual([2, 1]);
    expect(history[0]!.changes).toEqual([{ field: 'title', before: 'Trade union leader detained after a strike', after: winner }]);
  });

  it('a stale edit is refused even after other saves, and the history keeps every saved version', async () => {
    const caller = await callerFor(database.db, monitor.id);
    const { id } = await caller.incident.create({ organizationId: ngo.id, incident: anIncident() });
    await caller.incident.update({ id, version: 1, incident: anIncident({ title: 'Second' }) });
    await caller.incident.update({ id, version: 2, incident: anIncident({ title: 'Third', date: { precision: 'day', start: '2017-05-25' } }) });
    await expect(caller.incident.update({ id, version: 2, incident: anIncident({ title: 'Stale' }) })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    const history = await caller.incident.history({ id });
    expect(history.map((h) => h.version)).toEqual([3, 2, 1]);
    expect(history[0]!.changes).toContainEqual({
      field: 'date',
      before: { start: '2017-05-01', end: null, precision: 'month' },
      after: { start: '2017-05-25', end: null, precision: 'day' },
    });
    expect((await caller.incident.get({ id })).title).toBe('Third');
  });

  it('a save that changes nothing is refused, and leaves no version behind', async () => {
    const caller = await callerFor(database.db, monitor.id);
    const { id } = await caller.incident.create({ organizationId: ngo.id, incident: anIncident() });
    const unchanged = anIncident({ victims: [] });
    const { version } = await caller.incident.update({ id, version: 1, incident: unchanged });
    await expect(caller.incident.update({ id, version, incident: unchanged })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'Nothing to save: no field has changed.',
    });
    expect((await caller.incident.history({ id })).map((h) => h.version)).toEqual([2, 1]);
  });

  it('the database refuses to change or delete a saved version', async () => {
    const refusal = (promise: Promise<unknown>) =>
      promise.then(
        () => 'allowed',
        (error: Error) => String((error.cause as Error | undefined)?.message ?? error.message),
      );
    expect(await refusal(database.db.update(incidentVersions).set({ savedVia: 'tampered' }))).toMatch(/append-only/);
    expect(await refusal(database.db.delete(incidentVersions))).toMatch(/append-only/);
  });
});

describe('who may see and edit', () => {
  it('another organization’s monitor gets NOT_FOUND, the same as for an id that does not exist', async () => {
    const mine = await callerFor(database.db, monitor.id);
    const { id } = await mine.incident.create({ organizationId: ngo.id, incident: anIncident() });
    const theirs = await callerFor(database.db, outsider.id);
    await expect(theirs.incident.get({ id })).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'No such incident' });
    await expect(theirs.incident.get({ id: '00000000-0000-4000-8000-000000000000' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'No such incident',
    });
    await expect(theirs.incident.history({ id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(theirs.incident.update({ id, version: 1, incident: anIncident() })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await theirs.incident.list({})).items.some((i) => i.id === id)).toBe(false);
  });

  it('nobody creates in an organization they do not belong to', async () => {
    const theirs = await callerFor(database.db, outsider.id);
    await expect(theirs.incident.create({ organizationId: ngo.id, incident: anIncident() })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('a monitor edits only drafts they wrote; a reviewer of the organization may edit any draft', async () => {
    const author = await callerFor(database.db, monitor.id);
    const { id } = await author.incident.create({ organizationId: ngo.id, incident: anIncident() });
    const colleague = await callerFor(database.db, secondMonitor.id);
    expect((await colleague.incident.get({ id })).canEdit).toBe(false);
    await expect(colleague.incident.update({ id, version: 1, incident: anIncident() })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const reviewing = await callerFor(database.db, reviewer.id);
    await expect(reviewing.incident.update({ id, version: 1, incident: anIncident({ title: 'Reviewer fix' }) })).resolves.toMatchObject({
      version: 2,
    });
  });

  it('a submitted incident cannot be edited', async () => {
    const author = await callerFor(database.db, monitor.id);
    const { id } = await author.incident.create({ organizationId: ngo.id, incident: anIncident() });
    await database.db.execute(sql`UPDATE incidents SET review_status = 'submitted' WHERE id = ${id}`);
    await expect(author.incident.update({ id, version: 1, incident: anIncident() })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('a removed membership or a deactivated account takes effect on the next request', async () => {
    const user = await createUser(database.db, ngo.id, 'monitor');
    const caller = await callerFor(database.db, user.id);
    await expect(caller.incident.list({})).resolves.toBeTruthy();
    await database.db.execute(sql`UPDATE users SET active = false WHERE id = ${user.id}`);
    const next = await callerFor(database.db, user.id);
    await expect(next.incident.list({})).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await database.db.execute(sql`UPDATE users SET active = true WHERE id = ${user.id}`);
    await database.db.delete(memberships).where(sql`${memberships.userId} = ${user.id}`);
    const third = await callerFor(database.db, user.id);
    expect((await third.incident.list({})).items).toEqual([]);
  });

  it('anonymous callers are refused', async () => {
    const anonymous = await callerFor(database.db, null);
    await expect(anonymous.incident.list({})).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    expect(await anonymous.viewer.me()).toBeNull();
  });
});

describe('bad input', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['a date that does not exist', { date: { precision: 'day', start: '2017-02-30' } }, 'date.start'],
    // A full date at month precision is read as its month (issue 18); a month at day precision says too little.
    ['a month given with day precision', { date: { precision: 'day', start: '2017-05' } }, 'date.start'],
    ['an end before the start', { date: { precision: 'month', start: '2017-05', end: '2017-04' } }, 'date.end'],
    ['a latitude out of range', { location: { country: 'KZ', locality: 'X', lat: 91, lon: 10, precision: 'exact' } }, 'location.lat'],
    ['a title too long', { title: 'x'.repeat(501) }, 'title'],
    ['no violation type', { violationTypes: [] }, 'violationTypes'],
    ['an unknown violation type', { violationTypes: ['made_up_type'] }, 'violationTypes.0'],
    ['an unknown perpetrator type', { perpetrators: [{ typeCode: 'aliens' }] }, 'perpetrators.0.typeCode'],
    ['a victim person of another organization', { victims: [{ kind: 'person', personId: '00000000-0000-4000-8000-000000000000' }] }, 'victims.0.personId'],
  ];

  it.each(cases)('%s answers BAD_REQUEST with a message for the field', async (_name, overrides, field) => {
    const { status, body } = await callOverHttp(database.db, monitor.id, 'incident.create', {
      organizationId: ngo.id,
      incident: anIncident(overrides as never),
    });
    expect(status).toBe(400);
    expect(body.error?.json.data.code).toBe('BAD_REQUEST');
    // Keys are paths in the procedure's input, which nests the form under `incident`.
    expect(Object.keys(body.error?.json.data.fieldErrors ?? {})).toContain(`incident.${field}`);
  });

  it('malformed JSON answers 400, not 500', async () => {
    const { status } = await callOverHttp(database.db, monitor.id, 'incident.create', 'not an object');
    expect(status).toBe(400);
  });
});
