/**
 * Exchange format version 2: everything the workspace holds about a case survives an export and an
 * import into an empty organization (compared field by field, read straight from the tables), the
 * fixture's Kharkova case exports with the legal events, persons and reply dates it came with, and a
 * version 1 file still imports without erasing what only version 2 can say.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db } from '@/db/client';
import {
  caseIncidents,
  caseInterventions,
  caseLegalEventProvisions,
  caseLegalEvents,
  casePersons,
  cases,
  documentedOrganizations,
  incidents,
  legalProvisions,
  persons,
  sources,
} from '@/db/schema';
import { addIntervention } from '@/server/services/cases/interventions';
import { addLegalEvent } from '@/server/services/cases/legal-events';
import type { ExchangeDocument } from '@/server/services/exchange/document';
import { exportExchangeDocument } from '@/server/services/exchange/export';
import { importExchangeDocument } from '@/server/services/exchange/import';
import { interventionFieldsInput, legalEventFieldsInput } from '@/common/inputs/case';
import { createTestDatabase } from '../support/database';
import { asVersion1 } from '../support/exchange-v1';
import { createOrganization, createUser } from '../support/factories';

const fixture = (): ExchangeDocument =>
  JSON.parse(readFileSync(path.join(__dirname, '../../fixtures/kazakhstan-2017.json'), 'utf8')) as ExchangeDocument;

let database: Database;
let db: Db;
beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
});
afterAll(() => database?.close());

async function workspace() {
  const organization = await createOrganization(db);
  const admin = await createUser(db, organization.id, 'admin');
  return { organizationId: organization.id, adminId: admin.id };
}

/**
 * What the workspace holds about one case, with every other record named by its ref (row ids
 * differ between organizations): read from the tables, not through the exchange code under test.
 */
async function caseAsStored(organizationId: string, ref: string) {
  const [record] = await db.select().from(cases).where(and(eq(cases.organizationId, organizationId), eq(cases.ref, ref)));
  const id = record!.id;
  const personRef = sql<string | null>`(SELECT ref FROM ${persons} WHERE ${persons.id} = ${caseLegalEvents.personId})`;
  const events = await db
    .select({
      id: caseLegalEvents.id,
      ref: caseLegalEvents.ref,
      person: personRef,
      kind: caseLegalEvents.kind,
      date: caseLegalEvents.date,
      datePrecision: caseLegalEvents.datePrecision,
      court: caseLegalEvents.court,
      summary: caseLegalEvents.summary,
      outcome: caseLegalEvents.outcome,
    })
    .from(caseLegalEvents)
    .where(and(eq(caseLegalEvents.caseId, id), isNull(caseLegalEvents.deletedAt)))
    .orderBy(sql`${caseLegalEvents.date} NULLS LAST`, asc(caseLegalEvents.kind));
  const provisionsOf = async (legalEventId: number) =>
    db
      .select({ code: legalProvisions.code, article: legalProvisions.article, title: legalProvisions.title })
      .from(caseLegalEventProvisions)
      .innerJoin(legalProvisions, eq(legalProvisions.id, caseLegalEventProvisions.legalProvisionId))
      .where(eq(caseLegalEventProvisions.legalEventId, legalEventId))
      .orderBy(asc(caseLegalEventProvisions.position));
  return {
    title: record!.title,
    summary: record!.summary,
    status: record!.status,
    incidents: (
      await db
        .select({ ref: incidents.ref })
        .from(caseIncidents)
        .innerJoin(incidents, eq(incidents.id, caseIncidents.incidentId))
        .where(eq(caseIncidents.caseId, id))
    )
      .map((row) => row.ref)
      .sort(),
    persons: await db
      .select({ ref: persons.ref, name: persons.name, aliases: persons.aliases, confidential: persons.confidential, role: casePersons.role, position: casePersons.position })
      .from(casePersons)
      .innerJoin(persons, eq(persons.id, casePersons.personId))
      .where(eq(casePersons.caseId, id))
      .orderBy(asc(casePersons.position)),
    legalEvents: await Promise.all(events.map(async ({ id: eventId, ...event }) => ({ ...event, provisions: await provisionsOf(eventId) }))),
    interventions: await db
      .select({
        ref: caseInterventions.ref,
        position: caseInterventions.position,
        date: caseInterventions.date,
        datePrecision: caseInterventions.datePrecision,
        kind: caseInterventions.kind,
        by: caseInterventions.by,
        referenceCode: caseInterventions.referenceCode,
        summary: caseInterventions.summary,
        source: sources.ref,
        replyDueOn: caseInterventions.replyDueOn,
        replyReceivedOn: caseInterventions.replyReceivedOn,
      })
      .from(caseInterventions)
      .leftJoin(sources, eq(sources.id, caseInterventions.sourceId))
      .where(and(eq(caseInterventions.caseId, id), isNull(caseInterventions.deletedAt)))
      .orderBy(asc(caseInterventions.position)),
  };
}

const withoutStamps = (doc: ExchangeDocument) => ({ ...doc, title: undefined, exported_at: undefined });

describe('exchange format version 2', () => {
  it('exports the fixture’s Kharkova case with its legal events, persons and reply dates', async () => {
    const w = await workspace();
    await importExchangeDocument(db, fixture(), { organizationId: w.organizationId, actingUserId: w.adminId });
    const exported = await exportExchangeDocument(db, w.organizationId);
    expect(exported.version).toBe(2);
    const given = fixture().cases!.find((c) => c.ref === 'case:kharkova')!;
    const back = exported.cases!.find((c) => c.ref === 'case:kharkova')!;
    expect(back.persons).toEqual(given.persons);
    expect(back.legal_events).toEqual(given.legal_events);
    expect(back.interventions!.map((i) => [i.ref, i.kind, i.date, i.reply_due_on, i.reply_received_on])).toEqual([
      ['iv:1', 'un_communication', '2017-01-23', '2017-03-24', '2017-03-20'],
      ['iv:2', 'government_reply', '2017-03-20', null, null],
      ['iv:3', 'urgent_appeal', '2017-10-04', null, null],
      // Its due date is left out of the file: a UN communication gets the 60-day default, as one made in the workspace does.
      ['iv:4', 'un_communication', '2017-12-12', '2018-02-10', null],
    ]);
  });

  it('carries everything the workspace holds about a case into an empty organization, field by field', async () => {
    const from = await workspace();
    await importExchangeDocument(db, fixture(), { organizationId: from.organizationId, actingUserId: from.adminId });
    // What the workspace adds on its own: a legal event and an intervention without refs, a reply, aliases.
    const kharkova = (await db.select().from(cases).where(and(eq(cases.organizationId, from.organizationId), eq(cases.ref, 'case:kharkova'))))[0]!;
    const [son] = await db.select().from(persons).where(and(eq(persons.organizationId, from.organizationId), eq(persons.ref, 'person:kharkova-son')));
    await addLegalEvent(db, {
      caseId: kharkova.id,
      actorId: from.adminId,
      input: legalEventFieldsInput.parse({
        kind: 'other',
        datePrecision: 'year',
        date: '2018',
        personId: son!.id,
        court: null,
        summary: 'Questioned as a witness.',
        outcome: null,
        provisions: [{ code: null, article: '12', title: null }],
      }),
    });
    await addLegalEvent(db, { caseId: kharkova.id, actorId: from.adminId, input: legalEventFieldsInput.parse({ kind: 'release', datePrecision: 'day', date: '' }) });
    await addIntervention(db, {
      caseId: kharkova.id,
      actorId: from.adminId,
      input: interventionFieldsInput.parse({ kind: 'statement', datePrecision: 'month', date: '2018-03', by: 'Coalition', replyDueOn: '2018-05-01', replyReceivedOn: '2018-04-20' }),
    });
    await db.update(persons).set({ aliases: ['Elena Harkova', 'Е. Харькова'] }).where(and(eq(persons.organizationId, from.organizationId), eq(persons.ref, 'person:kharkova')));
    await db.update(documentedOrganizations).set({ aliases: ['KBHR'] }).where(eq(documentedOrganizations.organizationId, from.organizationId));

    const exported = await exportExchangeDocument(db, from.organizationId);
    const to = await workspace();
    await importExchangeDocument(db, JSON.parse(JSON.stringify(exported)), { organizationId: to.organizationId, actingUserId: to.adminId });

    for (const record of exported.cases!) {
      expect(await caseAsStored(to.organizationId, record.ref), record.ref).toEqual(await caseAsStored(from.organizationId, record.ref));
    }
    const stored = await caseAsStored(to.organizationId, 'case:kharkova');
    expect(stored.legalEvents).toHaveLength(6);
    expect(stored.legalEvents.at(-1)).toMatchObject({ kind: 'release', date: null });
    expect(stored.interventions.at(-1)).toMatchObject({ ref: null, datePrecision: 'month', date: '2018-03-01', replyReceivedOn: '2018-04-20' });
    expect(stored.persons[0]).toMatchObject({ ref: 'person:kharkova', aliases: ['Elena Harkova', 'Е. Харькова'], role: 'defendant' });
    const aliasesOf = async (organizationId: string) =>
      (await db.select({ aliases: documentedOrganizations.aliases }).from(documentedOrganizations).where(eq(documentedOrganizations.organizationId, organizationId))).map((o) => o.aliases);
    expect(await aliasesOf(to.organizationId)).toEqual(await aliasesOf(from.organizationId));

    // The second organization's export says the same as the first's, and importing it again changes nothing.
    const again = await exportExchangeDocument(db, to.organizationId);
    expect(withoutStamps(again)).toEqual(withoutStamps(exported));
    const summary = await importExchangeDocument(db, JSON.parse(JSON.stringify(again)), { organizationId: to.organizationId, actingUserId: to.adminId });
    expect(summary.cases).toEqual({ created: 0, updated: 0, unchanged: exported.cases!.length });
    expect(summary.persons.updated).toBe(0);
  });

  it('imports a version 1 file without erasing the persons, legal events, reply dates and aliases it cannot carry', async () => {
    const w = await workspace();
    await importExchangeDocument(db, fixture(), { organizationId: w.organizationId, actingUserId: w.adminId });
    await db.update(persons).set({ aliases: ['Elena Harkova'] }).where(and(eq(persons.organizationId, w.organizationId), eq(persons.ref, 'person:kharkova')));
    const before = await caseAsStored(w.organizationId, 'case:kharkova');

    const v1 = asVersion1(fixture());
    const summary = await importExchangeDocument(db, v1, { organizationId: w.organizationId, actingUserId: w.adminId });
    expect(summary.cases.updated).toBe(0);
    expect(summary.persons.updated).toBe(0);
    expect(await caseAsStored(w.organizationId, 'case:kharkova')).toEqual(before);
  });

  it('updates a legal event and an intervention by ref, and soft-deletes what the file no longer lists', async () => {
    const w = await workspace();
    await importExchangeDocument(db, fixture(), { organizationId: w.organizationId, actingUserId: w.adminId });
    const changed = fixture();
    const record = changed.cases!.find((c) => c.ref === 'case:kharkova')!;
    record.legal_events![1]!.outcome = 'convicted on all counts';
    record.legal_events!.splice(2, 1);
    record.interventions![3]!.reply_received_on = '2018-03-01';
    const summary = await importExchangeDocument(db, changed, { organizationId: w.organizationId, actingUserId: w.adminId });
    expect(summary.cases).toMatchObject({ updated: 1 });

    const stored = await caseAsStored(w.organizationId, 'case:kharkova');
    expect(stored.legalEvents.map((e) => [e.ref, e.outcome])).toEqual([
      ['le:charges', null],
      ['le:verdict', 'convicted on all counts'],
      ['le:appeal-decision', 'upheld'],
    ]);
    expect(stored.interventions[3]).toMatchObject({ ref: 'iv:4', replyReceivedOn: '2018-03-01' });
    const kharkova = (await db.select().from(cases).where(and(eq(cases.organizationId, w.organizationId), eq(cases.ref, 'case:kharkova'))))[0]!;
    const verdict = (await db.select().from(caseLegalEvents).where(and(eq(caseLegalEvents.caseId, kharkova.id), eq(caseLegalEvents.ref, 'le:verdict'))))[0]!;
    expect(verdict.version).toBe(2);
    const deleted = await db.select().from(caseLegalEvents).where(and(eq(caseLegalEvents.caseId, kharkova.id), eq(caseLegalEvents.ref, 'le:appeal-hearing')));
    expect(deleted[0]!.deletedAt).not.toBeNull();

    // The same file again brings the hearing back as a new event: its ref is taken over from the deleted one.
    await importExchangeDocument(db, fixture(), { organizationId: w.organizationId, actingUserId: w.adminId });
    expect((await caseAsStored(w.organizationId, 'case:kharkova')).legalEvents.map((e) => e.ref)).toEqual(['le:charges', 'le:verdict', 'le:appeal-hearing', 'le:appeal-decision']);
  });
});
