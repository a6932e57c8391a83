/**
 * Cases and their interventions through the exchange format: the round trip between organizations,
 * idempotent imports that keep what only the workspace knows, and files refused as a whole.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { and, asc, eq, is, sql } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db } from '@/db/client';
import * as schema from '@/db/schema';
import { caseIncidents, caseInterventions, caseLegalEvents, casePersons, caseVersions, cases, incidents, persons } from '@/db/schema';
import type { ExchangeDocument } from '@/server/services/exchange/document';
import { exportExchangeDocument } from '@/server/services/exchange/export';
import { importExchangeDocument } from '@/server/services/exchange/import';
import { InvalidExchangeDocumentError, wordProblems } from '@/server/services/exchange/problems';
import { validateExchangeDocument } from '@/server/services/exchange/validate';
import { createTestDatabase } from '../support/database';
import { asVersion1 } from '../support/exchange-v1';
import { createOrganization, createUser } from '../support/factories';

/**
 * The Kazakhstan 2017 fixture: five cases, the Kharkova case with eight incidents and four interventions,
 * as a version 1 file: these stories are about what a file leaves to the workspace (version 2 is in exchange-round-trip).
 */
function fixture(): ExchangeDocument {
  return asVersion1(JSON.parse(readFileSync(path.join(__dirname, '../../fixtures/kazakhstan-2017.json'), 'utf8')) as ExchangeDocument);
}

let database: Database;
let db: Db;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
});
afterAll(async () => {
  await database?.close();
});

async function workspace() {
  const organization = await createOrganization(db);
  const admin = await createUser(db, organization.id, 'admin');
  return { organizationId: organization.id, adminId: admin.id };
}

async function loaded() {
  const w = await workspace();
  await importExchangeDocument(db, fixture(), { organizationId: w.organizationId, actingUserId: w.adminId });
  return w;
}

async function caseOf(organizationId: string, ref: string) {
  const [row] = await db.select().from(cases).where(and(eq(cases.organizationId, organizationId), eq(cases.ref, ref)));
  return row!;
}

async function interventionsOf(caseId: string) {
  return db.select().from(caseInterventions).where(eq(caseInterventions.caseId, caseId)).orderBy(asc(caseInterventions.id));
}

async function countEveryTable(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const [name, table] of Object.entries(schema)) {
    if (!is(table, PgTable)) continue;
    const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(table);
    counts[name] = row!.count;
  }
  return counts;
}

/** A case as the format sees it, with the list fields present, for comparing a file's cases with an export's. */
function normalized(records: ExchangeDocument['cases']) {
  return (records ?? [])
    .map((record) => ({
      ref: record.ref,
      title: record.title,
      summary: record.summary ?? null,
      status: record.status ?? 'open',
      incidents: [...(record.incidents ?? [])].sort(),
      interventions: (record.interventions ?? []).map((i) => ({
        date: i.date,
        kind: i.kind,
        by: i.by ?? null,
        reference_code: i.reference_code ?? null,
        summary: i.summary ?? null,
        source: i.source ?? null,
      })),
    }))
    .sort((a, b) => a.ref.localeCompare(b.ref));
}

describe('cases in the exchange format', () => {
  it('round-trips: fixture → import → export (valid) → import elsewhere gives the same cases', async () => {
    const first = await loaded();
    const kharkova = await caseOf(first.organizationId, 'case:kharkova');
    // Each imported case is a draft at version 1, with its first history entry by the importing admin.
    expect(kharkova).toMatchObject({ version: 1, reviewStatus: 'draft', status: 'open', createdBy: first.adminId });
    const history = await db.select().from(caseVersions).where(eq(caseVersions.caseId, kharkova.id));
    expect(history).toEqual([expect.objectContaining({ version: 1, savedVia: 'import', savedBy: first.adminId })]);
    expect(history[0]!.snapshot).toMatchObject({ interventions: expect.arrayContaining([expect.objectContaining({ referenceCode: 'AL KAZ 3/2017', date: '2017-12-12' })]) });

    const exported = await exportExchangeDocument(db, first.organizationId);
    expect(validateExchangeDocument(exported)).toEqual([]);
    expect(normalized(exported.cases)).toEqual(normalized(fixture().cases));

    const second = await workspace();
    const summary = await importExchangeDocument(db, JSON.parse(JSON.stringify(exported)), { organizationId: second.organizationId, actingUserId: second.adminId });
    expect(summary.cases).toEqual({ created: 5, updated: 0, unchanged: 0 });
    const again = await exportExchangeDocument(db, second.organizationId);
    expect(again.cases).toEqual(exported.cases);
    // The same dated interventions, in the same order, in the other organization.
    const theirs = await interventionsOf((await caseOf(second.organizationId, 'case:kharkova')).id);
    expect(theirs.map((i) => [i.position, i.date, i.kind, i.referenceCode])).toEqual([
      [0, '2017-01-23', 'un_communication', 'KAZ 1/2017'],
      [1, '2017-03-20', 'government_reply', 'KAZ 1/2017'],
      [2, '2017-10-04', 'urgent_appeal', null],
      [3, '2017-12-12', 'un_communication', 'AL KAZ 3/2017'],
    ]);
  });

  it('changes nothing when the same file is imported twice: no new case version, the same rows', async () => {
    const w = await loaded();
    const kharkova = await caseOf(w.organizationId, 'case:kharkova');
    const interventionsBefore = await interventionsOf(kharkova.id);
    const linksBefore = await db.select().from(caseIncidents).where(eq(caseIncidents.caseId, kharkova.id));
    const { auditLog: _auditBefore, ...tablesBefore } = await countEveryTable();

    const summary = await importExchangeDocument(db, fixture(), { organizationId: w.organizationId, actingUserId: w.adminId });

    expect(summary.cases).toEqual({ created: 0, updated: 0, unchanged: 5 });
    const { auditLog: _auditAfter, ...tablesAfter } = await countEveryTable();
    expect(tablesAfter).toEqual(tablesBefore);
    expect(await interventionsOf(kharkova.id)).toEqual(interventionsBefore);
    expect(await db.select().from(caseIncidents).where(eq(caseIncidents.caseId, kharkova.id))).toEqual(linksBefore);
    expect((await caseOf(w.organizationId, 'case:kharkova')).version).toBe(1);
  });

  it('updates a changed case in place: interventions keep their ids and reply dates, removed ones are soft-deleted, persons and legal events stay', async () => {
    const w = await loaded();
    const kharkova = await caseOf(w.organizationId, 'case:kharkova');
    const [allegation] = (await interventionsOf(kharkova.id)).filter((i) => i.referenceCode === 'AL KAZ 3/2017');
    // What only the workspace knows: a reply is due; the case is published; a person and a legal event are recorded.
    await db.update(caseInterventions).set({ replyDueOn: '2018-02-10' }).where(eq(caseInterventions.id, allegation!.id));
    await db.update(cases).set({ reviewStatus: 'published', publishedVersion: 1 }).where(eq(cases.id, kharkova.id));
    const [person] = await db.select().from(persons).where(and(eq(persons.organizationId, w.organizationId), eq(persons.ref, 'person:kharkova')));
    await db.insert(casePersons).values({ caseId: kharkova.id, personId: person!.id, role: 'defendant' });
    await db.insert(caseLegalEvents).values({ caseId: kharkova.id, personId: person!.id, kind: 'verdict', date: '2017-07-25', outcome: 'convicted' });

    const doc = fixture();
    const record = doc.cases!.find((c) => c.ref === 'case:kharkova')!;
    record.interventions![3]!.summary = 'Allegation letter on the sentence and the threats.';
    record.interventions!.splice(1, 1); // the government reply is no longer in the file
    record.incidents = record.incidents!.filter((ref) => ref !== 'inc:son-car-fire');

    const summary = await importExchangeDocument(db, doc, { organizationId: w.organizationId, actingUserId: w.adminId });
    expect(summary.cases).toEqual({ created: 0, updated: 1, unchanged: 4 });

    const after = await caseOf(w.organizationId, 'case:kharkova');
    // A changed published case is a draft again; the public keeps the published version.
    expect(after).toMatchObject({ version: 2, reviewStatus: 'draft', publishedVersion: 1, updatedBy: w.adminId });
    const [version2] = await db.select().from(caseVersions).where(and(eq(caseVersions.caseId, kharkova.id), eq(caseVersions.version, 2)));
    expect(version2).toMatchObject({ savedVia: 'import', savedBy: w.adminId });

    const rows = await interventionsOf(kharkova.id);
    const updated = rows.find((i) => i.id === allegation!.id)!;
    expect(updated).toMatchObject({ summary: 'Allegation letter on the sentence and the threats.', replyDueOn: '2018-02-10', position: 2, deletedAt: null, version: 2 });
    const reply = rows.find((i) => i.kind === 'government_reply')!;
    expect(reply.deletedAt).not.toBeNull();
    expect(rows).toHaveLength(4);

    expect(await db.select().from(casePersons).where(eq(casePersons.caseId, kharkova.id))).toHaveLength(1);
    expect(await db.select().from(caseLegalEvents).where(eq(caseLegalEvents.caseId, kharkova.id))).toHaveLength(1);

    const exported = await exportExchangeDocument(db, w.organizationId);
    const out = exported.cases!.find((c) => c.ref === 'case:kharkova')!;
    expect(out.interventions!.map((i) => i.kind)).toEqual(['un_communication', 'urgent_appeal', 'un_communication']);
    expect(out.incidents).not.toContain('inc:son-car-fire');
    // And that file, imported again, changes nothing.
    const again = await importExchangeDocument(db, exported, { organizationId: w.organizationId, actingUserId: w.adminId });
    expect(again.cases).toEqual({ created: 0, updated: 0, unchanged: 5 });
  });

  it('refuses a file with dangling refs as a whole, naming each with its JSON pointer, and changes nothing', async () => {
    const w = await loaded();
    const doc = fixture();
    const kharkovaIndex = doc.cases!.findIndex((c) => c.ref === 'case:kharkova');
    doc.cases![kharkovaIndex]!.incidents!.push('inc:never-recorded');
    doc.cases![kharkovaIndex]!.interventions![0]!.source = 'src:missing';
    doc.cases![kharkovaIndex]!.title = 'A new title that must not be written';
    const before = await countEveryTable();

    const failure = await importExchangeDocument(db, doc, { organizationId: w.organizationId, actingUserId: w.adminId }).catch((e: unknown) => e);

    expect(failure).toBeInstanceOf(InvalidExchangeDocumentError);
    expect(wordProblems((failure as InvalidExchangeDocumentError).problems)).toEqual([
      {
        pointer: `/cases/${kharkovaIndex}/incidents/8`,
        message: 'No incident with the ref “inc:never-recorded” is defined in this file (under “incidents”)',
      },
      {
        pointer: `/cases/${kharkovaIndex}/interventions/0/source`,
        message: 'No source with the ref “src:missing” is defined in this file (under “sources”)',
      },
    ]);
    expect(await countEveryTable()).toEqual(before);
    expect((await caseOf(w.organizationId, 'case:kharkova')).title).toBe('Judicial harassment of Larisa Kharkova and KNPRK');
  });

  it('leaves a deleted case deleted, and keeps links to another organization’s shared incidents out of files and imports', async () => {
    const w = await loaded();
    const other = await loaded();
    const tax = await caseOf(w.organizationId, 'case:ngo-tax');
    await db.update(cases).set({ deletedAt: sql`now()`, deletedBy: w.adminId }).where(eq(cases.id, tax.id));
    const kharkova = await caseOf(w.organizationId, 'case:kharkova');
    const [theirs] = await db.select().from(incidents).where(and(eq(incidents.organizationId, other.organizationId), eq(incidents.ref, 'inc:jw-raid')));
    await db.insert(caseIncidents).values({ caseId: kharkova.id, incidentId: theirs!.id });

    const exported = await exportExchangeDocument(db, w.organizationId);
    expect(validateExchangeDocument(exported)).toEqual([]);
    expect(exported.cases!.map((c) => c.ref)).not.toContain('case:ngo-tax');
    expect(exported.cases!.find((c) => c.ref === 'case:kharkova')!.incidents).toHaveLength(8);

    const summary = await importExchangeDocument(db, fixture(), { organizationId: w.organizationId, actingUserId: w.adminId });
    expect(summary.deletedCasesLeftAlone).toBe(1);
    expect(summary.cases).toEqual({ created: 0, updated: 0, unchanged: 4 });
    expect((await caseOf(w.organizationId, 'case:ngo-tax')).deletedAt).not.toBeNull();
    const links = await db.select().from(caseIncidents).where(eq(caseIncidents.caseId, kharkova.id));
    expect(links.map((l) => l.incidentId)).toContain(theirs!.id);
  });
});
