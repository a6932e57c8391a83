import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { rowsOf } from '@/db/rows';
import { auditLog, caseVersions, persons } from '@/db/schema';
import { createTestDatabase } from '../support/database';
import { callOverHttp, callerFor, createOrganization, createUser, seedVocabulary } from '../support/factories';

let database: Database;
let bureau: { id: string };
let author: { id: string };
let colleague: { id: string };
let reviewer: { id: string };
let secondReviewer: { id: string };
let kharkova: { id: string };

beforeAll(async () => {
  database = await createTestDatabase();
  await seedVocabulary(database.db);
  bureau = await createOrganization(database.db, 'Kazakhstan Bureau');
  author = await createUser(database.db, bureau.id, 'monitor');
  colleague = await createUser(database.db, bureau.id, 'monitor');
  reviewer = await createUser(database.db, bureau.id, 'reviewer');
  secondReviewer = await createUser(database.db, bureau.id, 'reviewer');
  const [person] = await database.db
    .insert(persons)
    .values({ organizationId: bureau.id, ref: 'person:kharkova', name: 'Larisa Kharkova' })
    .returning({ id: persons.id });
  kharkova = person!;
});
afterAll(async () => {
  await database?.close();
});

const fields = (overrides: Record<string, unknown> = {}) => ({
  title: 'Judicial harassment of Larisa Kharkova',
  summary: 'Closure of the confederation and prosecution of its president.',
  status: 'open' as const,
  persons: [{ personId: kharkova.id, role: 'defendant' }],
  ...overrides,
});

describe('cases', () => {
  it('creates a draft with its persons, a first history version and an audit row', async () => {
    const caller = await callerFor(database.db, author.id);
    const { id, version } = await caller.case.create({ organizationId: bureau.id, ...fields() });
    expect(version).toBe(1);
    const detail = await caller.case.get({ id });
    expect(detail).toMatchObject({ title: 'Judicial harassment of Larisa Kharkova', status: 'open', reviewStatus: 'draft', canEdit: true, canDelete: true });
    expect(detail.persons).toEqual([{ id: kharkova.id, name: 'Larisa Kharkova', confidential: false, role: 'defendant' }]);
    expect(detail.ref).toMatch(/^case:[0-9a-f]{12}$/);
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.subjectId, id));
    expect(audit.map((row) => row.action)).toEqual(['case.create']);
    expect((await database.db.select().from(caseVersions).where(eq(caseVersions.caseId, id))).length).toBe(1);
  });

  it('refuses a stale edit with CONFLICT and keeps the first one', async () => {
    const caller = await callerFor(database.db, author.id);
    const { id } = await caller.case.create({ organizationId: bureau.id, ...fields() });
    await caller.case.update({ id, version: 1, ...fields({ status: 'closed' }) });
    const stale = caller.case.update({ id, version: 1, ...fields({ title: 'Another title' }) });
    await expect(stale).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(stale).rejects.toThrow(/you edited version 1; it is now at version 2/);
    expect(await caller.case.get({ id })).toMatchObject({ status: 'closed', title: 'Judicial harassment of Larisa Kharkova', version: 2 });
    // Linking an incident or adding an intervention also makes a new version that a stale form must not overwrite.
    await caller.case.addLegalEvent({ caseId: id, kind: 'charges', datePrecision: 'month', date: '2017-01' });
    await expect(caller.case.update({ id, version: 2, ...fields({ title: 'Late edit' }) })).rejects.toMatchObject({ code: 'CONFLICT' });
    const history = await caller.case.history({ id });
    expect(history.map((entry) => entry.version)).toEqual([3, 2, 1]);
    expect(history[1]!.changes).toEqual([{ field: 'status', before: 'open', after: 'closed' }]);
  });

  it('refuses a save that changes nothing, a title left empty and a person of another organization', async () => {
    const caller = await callerFor(database.db, author.id);
    const { id } = await caller.case.create({ organizationId: bureau.id, ...fields() });
    await expect(caller.case.update({ id, version: 1, ...fields() })).rejects.toThrow(/Nothing to save/);
    const empty = await callOverHttp(database.db, author.id, 'case.update', { id, version: 1, ...fields({ title: '  ' }) });
    expect(empty.body.error?.json.data.fieldErrors).toEqual({ title: 'A title is required' });
    const other = await createOrganization(database.db);
    const [stranger] = await database.db.insert(persons).values({ organizationId: other.id, ref: 'person:x', name: 'Someone Else' }).returning();
    const answer = await callOverHttp(database.db, author.id, 'case.update', { id, version: 1, ...fields({ persons: [{ personId: stranger!.id }] }) });
    expect(answer.body.error?.json.data.fieldErrors).toEqual({ 'persons.0.personId': 'No such person in this organization' });
  });

  it('lets a monitor change only the cases they opened, and a reviewer any of the organization', async () => {
    const caller = await callerFor(database.db, author.id);
    const { id } = await caller.case.create({ organizationId: bureau.id, ...fields() });
    const other = await callerFor(database.db, colleague.id);
    expect((await other.case.get({ id })).canEdit).toBe(false);
    await expect(other.case.update({ id, version: 1, ...fields({ title: 'Mine now' }) })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(other.case.addIntervention({ caseId: id, kind: 'statement', datePrecision: 'year', date: '2017' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const reviewing = await callerFor(database.db, reviewer.id);
    await reviewing.case.addIntervention({ caseId: id, kind: 'statement', datePrecision: 'year', date: '2017' });
  });
});

describe('reviewing a case (the incidents’ four-eyes workflow)', () => {
  it('goes draft → submitted → changes requested → submitted → approved → published, never approved by its own editor', async () => {
    const writer = await callerFor(database.db, author.id);
    const { id } = await writer.case.create({ organizationId: bureau.id, ...fields() });
    let { version } = await writer.case.submit({ id, version: 1 });
    // Frozen while under review.
    await expect(writer.case.update({ id, version, ...fields({ title: 'Sneaky edit' }) })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(writer.case.approve({ id, version })).rejects.toMatchObject({ code: 'FORBIDDEN' });

    const first = await callerFor(database.db, reviewer.id);
    expect((await first.case.get({ id })).transitions.sort()).toEqual(['approve', 'requestChanges']);
    ({ version } = await first.case.requestChanges({ id, version, comment: 'Add the appeal decision' }));
    expect((await writer.case.get({ id })).reviewStatus).toBe('changes_requested');
    ({ version } = await writer.case.addLegalEvent({ caseId: id, kind: 'appeal_decision', datePrecision: 'day', date: '2017-09-29', outcome: 'upheld' }).then((r) => ({ version: r.caseVersion })));
    ({ version } = await writer.case.submit({ id, version }));
    ({ version } = await first.case.approve({ id, version }));
    ({ version } = await first.case.publish({ id, version }));
    const published = await writer.case.get({ id });
    expect(published).toMatchObject({ reviewStatus: 'published', publishedVersion: version });
    expect(published.reviews.map((r) => r.decision)).toEqual(['published', 'approved', 'submitted', 'changes_requested', 'submitted']);

    // A change to a published case starts a new draft; the public keeps the published version.
    await writer.case.addIntervention({ caseId: id, kind: 'statement', datePrecision: 'day', date: '2017-10-04' });
    expect(await writer.case.get({ id })).toMatchObject({ reviewStatus: 'draft', publishedVersion: version });
  });

  it('does not let a reviewer approve a case they last edited; another reviewer must', async () => {
    const editingReviewer = await callerFor(database.db, reviewer.id);
    const { id } = await editingReviewer.case.create({ organizationId: bureau.id, ...fields() });
    const { version } = await editingReviewer.case.submit({ id, version: 1 });
    await expect(editingReviewer.case.approve({ id, version })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const other = await callerFor(database.db, secondReviewer.id);
    await expect(other.case.approve({ id, version: version - 1 })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await other.case.approve({ id, version })).toMatchObject({ reviewStatus: 'approved' });
    await expect(other.case.publish({ id, version: version + 1 })).resolves.toMatchObject({ reviewStatus: 'published' });
    await expect(other.case.retract({ id, version: version + 2, comment: 'At the family’s request' })).resolves.toMatchObject({ reviewStatus: 'archived' });
    expect((await other.case.get({ id })).publishedVersion).toBeNull();
  });

  it('keeps history and review decisions append-only in the database', async () => {
    const writer = await callerFor(database.db, author.id);
    const { id } = await writer.case.create({ organizationId: bureau.id, ...fields() });
    await expect(database.db.execute(sql`UPDATE case_versions SET saved_via = 'tampered' WHERE case_id = ${id}`)).rejects.toThrow();
    await expect(database.db.execute(sql`DELETE FROM case_versions WHERE case_id = ${id}`)).rejects.toThrow();
    const rows = rowsOf<{ n: number }>(await database.db.execute(sql`SELECT count(*)::int AS n FROM case_versions WHERE case_id = ${id}`));
    expect(rows[0]!.n).toBe(1);
  });

  it('deletes a draft softly: gone from lists and pages, still in the database', async () => {
    const writer = await callerFor(database.db, author.id);
    const { id } = await writer.case.create({ organizationId: bureau.id, ...fields({ title: 'To be deleted' }) });
    await expect((await callerFor(database.db, colleague.id)).case.delete({ id, version: 1 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await writer.case.delete({ id, version: 1 });
    expect((await writer.case.list({})).map((c) => c.id)).not.toContain(id);
    await expect(writer.case.get({ id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const rows = rowsOf<{ n: number }>(await database.db.execute(sql`SELECT count(*)::int AS n FROM cases WHERE id = ${id} AND deleted_at IS NOT NULL`));
    expect(rows[0]!.n).toBe(1);
  });
});
