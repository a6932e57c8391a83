import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { TRPCError } from '@trpc/server';
import type { Database } from '@/db/client';
import { rowsOf } from '@/db/rows';
import type { IncidentFormDraft } from '@/common/inputs/unfinished-form';
import { emptyDraft } from '@/app/(workspace)/incidents/_form/state';
import { createTestDatabase } from '../support/database';
import { anIncident, callerFor, createOrganization, createUser, seedVocabulary } from '../support/factories';

/**
 * Unfinished forms (issue 18, "server drafts on demand"): a half-filled new-incident form, not valid
 * yet, kept on the server by its author, seen, continued and deleted by them alone, bounded in size,
 * and erased when the incident is finally saved.
 */

let database: Database;
let ngo: { id: string };
let author: { id: string };
let colleague: { id: string };
let reviewer: { id: string };
let admin: { id: string };
let outsider: { id: string };

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  await seedVocabulary(db);
  ngo = await createOrganization(db, 'Unfinished Bureau');
  author = await createUser(db, ngo.id, 'monitor');
  colleague = await createUser(db, ngo.id, 'monitor');
  reviewer = await createUser(db, ngo.id, 'reviewer');
  admin = await createUser(db, ngo.id, 'admin');
  outsider = await createUser(db, (await createOrganization(db, 'Unfinished Elsewhere')).id, 'admin');
});

afterAll(async () => {
  await database?.close();
});

/** A form as a monitor leaves it when the phone rings: the new form with a title and a town, no date, no violation type. */
function halfForm(overrides: Partial<IncidentFormDraft> = {}): IncidentFormDraft {
  return {
    ...emptyDraft(),
    title: 'Lawyer’s office searched in Atyrau',
    summary: 'Three officers came at noon; the rest to be asked of the lawyer.',
    location: { country: 'KZ', region: 'Atyrau Region', locality: 'Atyrau', lat: '47.1', lon: '51.9', precision: 'locality' },
    ...overrides,
  };
}

const codeOf = (promise: Promise<unknown>) => promise.then(() => 'ok', (error: TRPCError) => error.code);
const auditActions = async (subjectId: string) =>
  rowsOf<{ action: string; details: Record<string, unknown> }>(
    await database.db.execute(sql`SELECT action, details FROM audit_log WHERE subject_id = ${subjectId} ORDER BY id`),
  );

describe('unfinished forms', () => {
  it('keep a form that is not valid yet, for its author to list, open and continue', async () => {
    const mine = await callerFor(database.db, author.id);
    const { id } = await mine.unfinishedForm.keep({ organizationId: ngo.id, form: halfForm() });

    expect((await mine.unfinishedForm.list()).map((form) => [form.id, form.title])).toEqual([[id, 'Lawyer’s office searched in Atyrau']]);
    const kept = await mine.unfinishedForm.get({ id });
    expect(kept.form).toEqual(halfForm());
    expect(kept.organizationId).toBe(ngo.id);

    // Continued later: the same kept form, not a second one.
    await mine.unfinishedForm.keep({ id, organizationId: ngo.id, form: halfForm({ date: { precision: 'month', start: '2019-06', end: '' } }) });
    expect((await mine.unfinishedForm.get({ id })).form.date).toEqual({ precision: 'month', start: '2019-06', end: '' });
    expect(await mine.unfinishedForm.list()).toHaveLength(1);

    // The log says it was kept, never what it holds.
    const audits = await auditActions(id);
    expect(audits.map((a) => a.action)).toEqual(['unfinished_form.keep', 'unfinished_form.update']);
    expect(JSON.stringify(audits)).not.toContain('Atyrau');
    await mine.unfinishedForm.delete({ id });
  });

  it('are their author’s alone: colleagues, reviewers, admins and outsiders get NOT_FOUND, as for a form that does not exist', async () => {
    const mine = await callerFor(database.db, author.id);
    const { id } = await mine.unfinishedForm.keep({ organizationId: ngo.id, form: halfForm({ title: 'Only mine' }) });
    const missing = '00000000-0000-4000-8000-000000000000';

    for (const other of [colleague, reviewer, admin, outsider]) {
      const caller = await callerFor(database.db, other.id);
      expect(await caller.unfinishedForm.list()).toEqual([]);
      expect(await codeOf(caller.unfinishedForm.get({ id }))).toBe('NOT_FOUND');
      expect(await codeOf(caller.unfinishedForm.delete({ id }))).toBe('NOT_FOUND');
      expect(await codeOf(caller.unfinishedForm.keep({ id, organizationId: ngo.id, form: halfForm({ title: 'Overwritten' }) }))).toBe('NOT_FOUND');
      const hidden = await caller.unfinishedForm.get({ id }).catch((e: TRPCError) => e.message);
      const absent = await caller.unfinishedForm.get({ id: missing }).catch((e: TRPCError) => e.message);
      expect(hidden).toBe(absent);
    }
    // An outsider cannot keep a form in an organization that is not theirs either.
    expect(await codeOf((await callerFor(database.db, outsider.id)).unfinishedForm.keep({ organizationId: ngo.id, form: halfForm() }))).toBe('NOT_FOUND');
    expect(await codeOf((await callerFor(database.db, null)).unfinishedForm.list())).toBe('UNAUTHORIZED');

    expect((await mine.unfinishedForm.get({ id })).form.title).toBe('Only mine');
    await mine.unfinishedForm.delete({ id });
    expect(await codeOf(mine.unfinishedForm.get({ id }))).toBe('NOT_FOUND');
    expect((await auditActions(id)).map((a) => a.action)).toEqual(['unfinished_form.keep', 'unfinished_form.delete']);
  });

  it('are bounded in size: a form over 200 kB is refused with the problem worded, one under it is kept', async () => {
    const mine = await callerFor(database.db, author.id);
    const victim = (roleNote: string) => ({
      key: 'row',
      kind: 'newPerson' as const,
      person: null,
      newPerson: { name: 'A protester', gender: '' as const, categories: [], roleNote, confidential: false },
      organization: null,
      newOrganization: { name: '', acronym: '', kind: '', country: '' },
      group: { name: '', count: '', killed: '', injured: '', categories: [] },
    });
    // 120 victims with a note of 1,000 Cyrillic letters (2 bytes each): about 245 kB.
    const tooLarge = halfForm({ victims: Array.from({ length: 120 }, () => victim('ж'.repeat(1000))) });
    const refused = await mine.unfinishedForm.keep({ organizationId: ngo.id, form: tooLarge }).catch((e: TRPCError & { shape?: unknown }) => e);
    expect(refused).toMatchObject({ code: 'BAD_REQUEST' });
    expect(String((refused as TRPCError).message)).toContain('unfinishedForm.tooLarge');

    const fits = halfForm({ victims: Array.from({ length: 80 }, () => victim('ж'.repeat(1000))) });
    const { id } = await mine.unfinishedForm.keep({ organizationId: ngo.id, form: fits });
    expect((await mine.unfinishedForm.get({ id })).form.victims).toHaveLength(80);
    await mine.unfinishedForm.delete({ id });
  });

  it('are erased when the incident is saved, in the same transaction; another person’s save leaves them alone', async () => {
    const mine = await callerFor(database.db, author.id);
    const { id } = await mine.unfinishedForm.keep({ organizationId: ngo.id, form: halfForm({ title: 'To be finished' }) });

    // A colleague naming the author's form in their own save erases nothing.
    await (await callerFor(database.db, colleague.id)).incident.create({ organizationId: ngo.id, incident: anIncident({ title: 'Colleague’s own' }), unfinishedFormId: id });
    expect((await mine.unfinishedForm.get({ id })).form.title).toBe('To be finished');

    const incident = await mine.incident.create({ organizationId: ngo.id, incident: anIncident({ title: 'To be finished' }), unfinishedFormId: id });
    expect(await codeOf(mine.unfinishedForm.get({ id }))).toBe('NOT_FOUND');
    expect(await mine.unfinishedForm.list()).toEqual([]);
    const audits = await auditActions(id);
    expect(audits.at(-1)).toEqual({ action: 'unfinished_form.finish', details: { incidentId: incident.id } });

    // Saving again with the form already gone (a second tab) still saves the incident.
    await expect(mine.incident.create({ organizationId: ngo.id, incident: anIncident({ title: 'Second tab' }), unfinishedFormId: id })).resolves.toMatchObject({ version: 1 });
  });
});
