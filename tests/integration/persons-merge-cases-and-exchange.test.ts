/**
 * Merging persons, beyond the incidents: earlier merges follow the record that remains, case links and legal events move, and the exchange stays in step.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { caseLegalEvents, casePersons, caseVersions, cases, incidentVersions, personMerges, persons } from '@/db/schema';
import { exportExchangeDocument } from '@/server/services/exchange/export';
import { importExchangeDocument } from '@/server/services/exchange/import';
import { validateExchangeDocument } from '@/server/services/exchange/validate';
import { callerFor } from '../support/factories';
import { closeSetup, openSetup, db, collection, workspace, mergeAs } from '../support/persons-merge-setup';

beforeAll(openSetup);
afterAll(closeSetup);

describe('merging two records of the same person', () => {
  it('points earlier merges at the record that remains when their target is merged in turn', async () => {
    const w = await workspace();
    const reviewer = await callerFor(db, w.reviewer.id);
    const [a, b, c] = ['person:kharkova', 'person:kharkova-old', 'person:relative'].map((ref) => w.person(ref).id);
    await reviewer.person.merge({ id: b!, version: 1, duplicateId: c!, duplicateVersion: 1 });
    await reviewer.person.merge({ id: a!, version: 1, duplicateId: b!, duplicateVersion: 2 });
    const [relative] = await db.select().from(persons).where(eq(persons.id, c!));
    expect(relative!.mergedIntoId).toBe(a);
    const page = await reviewer.person.get({ id: a! });
    expect(page.incidents.map((i) => i.ref).sort()).toEqual(['inc:both', 'inc:charges', 'inc:conviction', 'inc:relative']);
    // The relative was confidential: so is everything it was merged into.
    expect(page.person.confidential).toBe(true);
    const [merge] = await db.select().from(personMerges).where(eq(personMerges.mergedPersonId, b!));
    expect((merge!.moved as { redirectedPersons: string[] }).redirectedPersons).toEqual([c]);
  });

  it('moves case links and legal events, and the person page lists the cases', async () => {
    const w = await workspace();
    const [a, b] = ['person:kharkova', 'person:kharkova-old'].map((ref) => w.person(ref).id);
    const [theCase] = await db.insert(cases).values({ organizationId: w.organizationId, ref: 'case:kharkova', title: 'Judicial harassment of Larisa Kharkova' }).returning();
    const [other] = await db.insert(cases).values({ organizationId: w.organizationId, ref: 'case:knprk', title: 'Closure of KNPRK' }).returning();
    await db.insert(casePersons).values([
      { caseId: theCase!.id, personId: a!, position: 0, role: null },
      { caseId: theCase!.id, personId: b!, position: 1, role: 'defendant' },
      { caseId: other!.id, personId: b!, position: 0, role: 'president' },
    ]);
    await db.insert(caseLegalEvents).values({ caseId: theCase!.id, personId: b!, kind: 'verdict', date: '2017-07-25', outcome: 'convicted' });

    await mergeAs(w.reviewer.id, w);

    const links = await db.select().from(casePersons).where(sql`${casePersons.caseId} IN (${theCase!.id}, ${other!.id})`);
    expect(links.map(({ caseId, personId, role }) => ({ caseId, personId, role })).sort((x, y) => x.caseId.localeCompare(y.caseId))).toEqual(
      [
        { caseId: theCase!.id, personId: a, role: 'defendant' },
        { caseId: other!.id, personId: a, role: 'president' },
      ].sort((x, y) => x.caseId.localeCompare(y.caseId)),
    );
    const [event] = await db.select().from(caseLegalEvents).where(eq(caseLegalEvents.caseId, theCase!.id));
    expect(event!.personId).toBe(a);
    const [bumped] = await db.select({ version: cases.version }).from(cases).where(eq(cases.id, theCase!.id));
    expect(bumped!.version).toBe(2);
    // The case's history has the new version, saved via the merge, naming only the remaining person.
    const [caseVersion] = await db.select().from(caseVersions).where(and(eq(caseVersions.caseId, theCase!.id), eq(caseVersions.version, 2)));
    expect(caseVersion).toMatchObject({ savedVia: 'merge', savedBy: w.reviewer.id });
    expect(JSON.stringify(caseVersion!.snapshot)).toContain(a);
    expect(JSON.stringify(caseVersion!.snapshot)).not.toContain(b);

    const page = await (await callerFor(db, w.monitor.id)).person.get({ id: a! });
    expect(page.cases.map((c) => ({ ref: c.ref, connections: c.connections, role: c.role }))).toEqual([
      { ref: 'case:knprk', connections: ['person'], role: 'president' },
      { ref: 'case:kharkova', connections: ['person', 'legalEvent'], role: 'defendant' },
    ]);
  });

  it('leaves the exchange in step: the old file imports again without change, and the export names the remaining record', async () => {
    const w = await workspace();
    await mergeAs(w.reviewer.id, w);
    const [versionsBefore] = await db.select({ n: sql<number>`count(*)::int` }).from(incidentVersions);

    const again = await importExchangeDocument(db, collection(), { organizationId: w.organizationId, actingUserId: w.admin.id });
    // The remaining record takes its own fields from the file again (as any import does); the incidents do not change.
    expect(again.incidents).toEqual({ created: 0, updated: 0, unchanged: 4 });
    const [versionsAfter] = await db.select({ n: sql<number>`count(*)::int` }).from(incidentVersions);
    expect(versionsAfter!.n).toBe(versionsBefore!.n);
    const [duplicate] = await db.select().from(persons).where(eq(persons.id, w.person('person:kharkova-old').id));
    expect(duplicate!.mergedIntoId).toBe(w.person('person:kharkova').id);

    const exported = await exportExchangeDocument(db, w.organizationId);
    expect(validateExchangeDocument(exported)).toEqual([]);
    expect(exported.persons?.map((p) => p.ref)).toEqual(['person:kharkova', 'person:relative']);
    const victimsOf = (ref: string) => exported.incidents.find((i) => i.ref === ref)?.victims?.map((v) => v.person);
    expect(victimsOf('inc:conviction')).toEqual(['person:kharkova']);
    expect(victimsOf('inc:both')).toEqual(['person:kharkova']);
  });
});
