/**
 * Two records of the same person, merged by a reviewer: every reference moves to the record that
 * remains, the duplicate stays as a pointer, the merge is kept in history, protection is never lifted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import { and, eq, sql } from 'drizzle-orm';
import { auditLog, incidents, persons, publicIncidents } from '@/db/schema';
import { anIncident, callerFor, createOrganization, createUser } from '../support/factories';
import { closeSetup, openSetup, db, workspace, mergeAs, codeOf, counts } from '../support/persons-merge-setup';

beforeAll(openSetup);
afterAll(closeSetup);

describe('merging two records of the same person', () => {
  it('moves every incident to the record that remains, with a new version of each, and keeps the merge in history', async () => {
    const w = await workspace();
    const remaining = w.person('person:kharkova');
    const duplicate = w.person('person:kharkova-old');
    const result = await mergeAs(w.reviewer.id, w);
    expect(result).toMatchObject({ id: remaining.id, version: 2 });

    const reviewer = await callerFor(db, w.reviewer.id);
    // The person page lists every incident that concerns her, from both records.
    const page = await reviewer.person.get({ id: remaining.id });
    expect(page.incidents.map((i) => i.ref).sort()).toEqual(['inc:both', 'inc:charges', 'inc:conviction']);
    expect(page.incidents.find((i) => i.ref === 'inc:conviction')?.status).toBe('published');
    // What only the duplicate knew is taken in; the remaining record's own values win.
    expect(page.person).toMatchObject({ name: 'Larisa Kharkova', gender: 'female', roleNote: 'President of KNPRK', categories: ['trade_unionist'] });
    expect(page.person.affiliations.map((a) => a.ref)).toEqual(['org:knprk']);

    // The incident that named both names her once; the other one names the remaining record.
    const both = await reviewer.incident.get({ id: w.incidentId('inc:both') });
    expect(both.victims).toEqual([expect.objectContaining({ kind: 'person', id: remaining.id, name: 'Larisa Kharkova' })]);
    const conviction = await reviewer.incident.get({ id: w.incidentId('inc:conviction') });
    expect(conviction.victims).toEqual([expect.objectContaining({ id: remaining.id })]);
    // Each changed incident has a new version saved via the merge by the reviewer; its status and published version stay.
    expect(conviction).toMatchObject({ version: 2, status: 'published', publishedVersion: 1 });
    const history = await reviewer.incident.history({ id: w.incidentId('inc:conviction') });
    expect(history[0]).toMatchObject({ version: 2, savedVia: 'merge', savedBy: { id: w.reviewer.id } });
    expect(JSON.stringify(history[0]!.changes)).toContain('L. Kharkova');
    // An incident that named only the remaining record is untouched.
    const [charges] = await db.select({ version: incidents.version }).from(incidents).where(eq(incidents.id, w.incidentId('inc:charges')));
    expect(charges!.version).toBe(1);

    // The duplicate stays, pointing at the remaining record, and is no longer listed or offered.
    const old = await reviewer.person.get({ id: duplicate.id });
    expect(old.person.mergedInto).toEqual({ id: remaining.id, name: 'Larisa Kharkova', ref: 'person:kharkova' });
    expect(old.incidents).toEqual([]);
    expect(old.canMerge).toBe(false);
    const listed = await reviewer.person.list({ organizationId: w.organizationId, text: 'Kharkova' });
    expect(listed.persons.map((p) => p.id)).toEqual([remaining.id]);
    expect(listed.persons[0]!.incidents).toBe(3);
    const offered = await reviewer.directory.persons({ organizationId: w.organizationId, text: 'Kharkova' });
    expect(offered.map((p) => p.id)).toEqual([remaining.id]);

    // The merge history holds both records as they were and what moved.
    expect(page.merges).toHaveLength(1);
    const merge = page.merges[0]!;
    expect(merge.mergedBy?.id).toBe(w.reviewer.id);
    expect(merge.merged).toMatchObject({ id: duplicate.id, name: 'L. Kharkova', ref: 'person:kharkova-old', roleNote: 'President of KNPRK' });
    expect(merge.before).toMatchObject({ name: 'Larisa Kharkova', roleNote: null, version: 1 });
    expect(merge.after).toMatchObject({ roleNote: 'President of KNPRK', version: 2 });
    expect(merge.moved.incidents.map((i) => i.ref).sort()).toEqual(['inc:both', 'inc:conviction']);
    expect(merge.moved.incidents.find((i) => i.ref === 'inc:both')).toMatchObject({ fromVersion: 1, toVersion: 2, duplicateRowsRemoved: 1 });

    // One audit row, naming ids, never names.
    const audits = await db.select().from(auditLog).where(and(eq(auditLog.organizationId, w.organizationId), eq(auditLog.action, 'person.merge')));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorId: w.reviewer.id, subjectType: 'person', subjectId: remaining.id });
    expect(audits[0]!.details).toMatchObject({ mergedPersonId: duplicate.id, incidents: 2 });
    expect(JSON.stringify(audits[0]!.details)).not.toContain('Kharkova');

    // The history row cannot be changed afterwards.
    await expect(db.execute(sql`UPDATE person_merges SET moved = '{}' WHERE id = ${merge.id}`)).rejects.toThrow();
  });

  it('never lifts protection: merging a confidential record keeps the result confidential, also on public pages', async () => {
    const w = await workspace({ duplicateConfidential: true });
    const remaining = w.person('person:kharkova');
    const [before] = await db.select().from(publicIncidents).where(eq(publicIncidents.incidentId, w.incidentId('inc:charges')));
    expect(before!.victims).toEqual([{ kind: 'person', name: 'Larisa Kharkova', protected: false, categories: ['trade_unionist'] }]);

    await mergeAs(w.admin.id, w);

    const rows = await db.select().from(persons).where(eq(persons.organizationId, w.organizationId));
    expect(rows.find((p) => p.id === remaining.id)!.confidential).toBe(true);
    expect(rows.find((p) => p.ref === 'person:kharkova-old')!.confidential).toBe(true);
    // Both published incidents now show a neutral label, and her name is gone from every public text.
    const published = await db.select().from(publicIncidents);
    const ours = published.filter((row) => [w.incidentId('inc:charges'), w.incidentId('inc:conviction')].includes(row.incidentId));
    expect(ours).toHaveLength(2);
    for (const row of ours) {
      expect(row.victims).toEqual([expect.objectContaining({ kind: 'person', protected: true })]);
      expect(JSON.stringify(row)).not.toMatch(/Kharkova/);
    }
  });

  it('keeps a confidential remaining record confidential when the duplicate was not', async () => {
    const w = await workspace();
    await mergeAs(w.reviewer.id, w, 'person:relative', 'person:kharkova-old');
    const [relative] = await db.select().from(persons).where(eq(persons.id, w.person('person:relative').id));
    expect(relative!.confidential).toBe(true);
    const [conviction] = await db.select().from(publicIncidents).where(eq(publicIncidents.incidentId, w.incidentId('inc:conviction')));
    expect(conviction!.victims).toEqual([expect.objectContaining({ protected: true })]);
    expect(JSON.stringify(conviction)).not.toContain('L. Kharkova');
  });

  it('is refused to monitors (FORBIDDEN) and to other organizations (NOT_FOUND), and then changes nothing', async () => {
    const w = await workspace();
    const outsiderOrganization = await createOrganization(db);
    const outsider = await createUser(db, outsiderOrganization.id, 'admin');
    const before = await counts(w.organizationId);

    expect(await codeOf(mergeAs(w.monitor.id, w))).toBe('FORBIDDEN');
    expect(await codeOf(mergeAs(outsider.id, w))).toBe('NOT_FOUND');
    expect(await codeOf((await callerFor(db, outsider.id)).person.get({ id: w.person('person:kharkova').id }))).toBe('NOT_FOUND');
    expect(await codeOf((await callerFor(db, null)).person.get({ id: w.person('person:kharkova').id }))).toBe('UNAUTHORIZED');
    // A record of another organization reads as missing, even to a reviewer here.
    const theirs = await workspace();
    const reviewer = await callerFor(db, w.reviewer.id);
    const crossing = reviewer.person.merge({ id: w.person('person:kharkova').id, version: 1, duplicateId: theirs.person('person:kharkova').id, duplicateVersion: 1 });
    expect(await codeOf(crossing)).toBe('NOT_FOUND');

    expect(await counts(w.organizationId)).toEqual(before);
    const monitorView = await (await callerFor(db, w.monitor.id)).person.get({ id: w.person('person:kharkova').id });
    expect(monitorView.canMerge).toBe(false);
  });

  it('refuses a stale confirmation, a record merged into itself and a record already merged', async () => {
    const w = await workspace();
    const reviewer = await callerFor(db, w.reviewer.id);
    const a = w.person('person:kharkova').id;
    const b = w.person('person:kharkova-old').id;
    const c = w.person('person:relative').id;
    const before = await counts(w.organizationId);

    const stale = await reviewer.person.merge({ id: a, version: 1, duplicateId: b, duplicateVersion: 7 }).catch((e: TRPCError) => e);
    expect(stale).toMatchObject({ code: 'CONFLICT' });
    expect((stale as TRPCError).message).toMatch(/version 7; it is now at version 1/);
    expect(await codeOf(reviewer.person.merge({ id: a, version: 1, duplicateId: a, duplicateVersion: 1 }))).toBe('BAD_REQUEST');
    expect(await counts(w.organizationId)).toEqual(before);

    await reviewer.person.merge({ id: a, version: 1, duplicateId: b, duplicateVersion: 1 });
    expect(await codeOf(reviewer.person.merge({ id: c, version: 1, duplicateId: b, duplicateVersion: 2 }))).toBe('CONFLICT');
    expect(await codeOf(reviewer.person.merge({ id: b, version: 2, duplicateId: c, duplicateVersion: 1 }))).toBe('CONFLICT');
  });

  it('sends an edit started before the merge back (CONFLICT), and a form that still names the duplicate links the remaining record', async () => {
    const w = await workspace();
    const author = await callerFor(db, w.admin.id);
    const b = w.person('person:kharkova-old').id;
    const form = anIncident({ victims: [{ kind: 'person', personId: b }] });
    await mergeAs(w.reviewer.id, w);

    expect(await codeOf(author.incident.update({ id: w.incidentId('inc:conviction'), version: 1, incident: form }))).toBe('CONFLICT');
    const saved = await author.incident.update({ id: w.incidentId('inc:conviction'), version: 2, incident: form });
    const after = await author.incident.get({ id: saved.id });
    expect(after.victims).toEqual([expect.objectContaining({ id: w.person('person:kharkova').id })]);
  });
});
