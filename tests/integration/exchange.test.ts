import { readFileSync } from 'node:fs';
import path from 'node:path';
import { and, eq, is, sql } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db } from '@/db/client';
import * as schema from '@/db/schema';
import { incidentVersions, incidents, memberships, organizations, persons, users, type Role } from '@/db/schema';
import type { ExchangeDocument } from '@/server/services/exchange/document';
import { exportExchangeDocument } from '@/server/services/exchange/export';
import { importExchangeDocument } from '@/server/services/exchange/import';
import { InvalidExchangeDocumentError, wordProblems } from '@/server/services/exchange/problems';
import { validateExchangeDocument } from '@/server/services/exchange/validate';
import { listIncidentHistory } from '@/server/services/incidents/history';
import { createTestDatabase } from '@/tests/support/database';

/** A fresh copy of the Kazakhstan 2017 fixture: 26 incidents, 25 published and 1 submitted. */
function fixture(): ExchangeDocument {
  return JSON.parse(readFileSync(path.join(__dirname, '../../fixtures/kazakhstan-2017.json'), 'utf8')) as ExchangeDocument;
}

let database: Database;
let db: Db;
let organizationCount = 0;

async function createOrganization(): Promise<string> {
  organizationCount++;
  const [organization] = await db
    .insert(organizations)
    .values({ slug: `ngo-${organizationCount}`, name: `NGO ${organizationCount}` })
    .returning();
  return organization!.id;
}

async function createMember(organizationId: string, role: Role): Promise<string> {
  const [user] = await db
    .insert(users)
    .values({ email: `${role}-${organizationId}@example.org`, name: `A ${role}`, passwordHash: 'not used here' })
    .returning();
  await db.insert(memberships).values({ userId: user!.id, organizationId, role });
  return user!.id;
}

/** An organization with an admin, ready to import published records. */
async function createWorkspace(): Promise<{ organizationId: string; adminId: string }> {
  const organizationId = await createOrganization();
  return { organizationId, adminId: await createMember(organizationId, 'admin') };
}

/** Rows in every table of the schema: "the database is unchanged" means these are all equal. */
async function countEveryTable(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const [name, table] of Object.entries(schema)) {
    if (!is(table, PgTable)) continue;
    const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(table);
    counts[name] = row!.count;
  }
  return counts;
}

async function countIncidents(organizationId: string): Promise<number> {
  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(incidents).where(eq(incidents.organizationId, organizationId));
  return row!.count;
}

async function countVersions(): Promise<number> {
  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(incidentVersions);
  return row!.count;
}

async function findIncident(organizationId: string, ref: string) {
  const [row] = await db
    .select()
    .from(incidents)
    .where(and(eq(incidents.organizationId, organizationId), eq(incidents.ref, ref)));
  return row!;
}

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
});

afterAll(async () => {
  await database?.close();
});

describe('importing an exchange file', () => {
  it('brings in the whole fixture, each incident at version 1 with one history entry by the importing admin', async () => {
    const { organizationId, adminId } = await createWorkspace();
    const progress: [number, number][] = [];

    const summary = await importExchangeDocument(db, fixture(), {
      organizationId,
      actingUserId: adminId,
      onProgress: (done, total) => progress.push([done, total]),
    });

    expect(summary.incidents).toEqual({ created: 26, updated: 0, unchanged: 0 });
    expect(summary.persons.created).toBe(11);
    expect(summary.organizations.created).toBe(6);
    expect(summary.sources.created).toBe(3);
    expect(summary.cases.created).toBe(5);
    expect(progress.at(-1)).toEqual([26, 26]);

    const conviction = await findIncident(organizationId, 'inc:kharkova-conviction');
    expect(conviction).toMatchObject({ version: 1, reviewStatus: 'published', createdBy: adminId });
    const history = await listIncidentHistory(db, conviction.id);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ version: 1, savedVia: 'import', savedBy: { id: adminId } });
    expect((await findIncident(organizationId, 'inc:dauletbayev-protocol')).reviewStatus).toBe('submitted');
    // Month precision on the 20th stays the 20th: the file's date is kept as written.
    expect(await findIncident(organizationId, 'inc:fp-blocked')).toMatchObject({ startDate: '2017-06-20', datePrecision: 'month' });
  });

  it('changes nothing when the same file is imported twice', async () => {
    const { organizationId, adminId } = await createWorkspace();
    await importExchangeDocument(db, fixture(), { organizationId, actingUserId: adminId });
    const versionsBefore = await countVersions();
    const { auditLog: auditRowsBefore, ...tablesBefore } = await countEveryTable();

    const summary = await importExchangeDocument(db, fixture(), { organizationId, actingUserId: adminId });

    expect(summary.incidents).toEqual({ created: 0, updated: 0, unchanged: 26 });
    expect(summary.persons).toEqual({ created: 0, updated: 0, unchanged: 11 });
    expect(summary.cases).toEqual({ created: 0, updated: 0, unchanged: 5 });
    expect(summary.vocabularyTerms.created + summary.vocabularyTerms.updated).toBe(0);
    expect(await countIncidents(organizationId)).toBe(26);
    expect(await countVersions()).toBe(versionsBefore);
    const { auditLog: auditRowsAfter, ...tablesAfter } = await countEveryTable();
    expect(tablesAfter).toEqual(tablesBefore);
    // Only the import itself is recorded: who loaded which file when, with its counts (all unchanged).
    expect(auditRowsAfter).toBe(auditRowsBefore! + 1);
  });

  it('gives a changed incident version 2 and a history entry that shows the change', async () => {
    const { organizationId, adminId } = await createWorkspace();
    await importExchangeDocument(db, fixture(), { organizationId, actingUserId: adminId });
    const doc = fixture();
    const edited = doc.incidents.find((incident) => incident.ref === 'inc:son-car-fire')!;
    edited.title = 'Car of Larisa Kharkova’s son set on fire in Shymkent';

    const summary = await importExchangeDocument(db, doc, { organizationId, actingUserId: adminId });

    expect(summary.incidents).toEqual({ created: 0, updated: 1, unchanged: 25 });
    const incident = await findIncident(organizationId, 'inc:son-car-fire');
    expect(incident.version).toBe(2);
    const [latest, first] = await listIncidentHistory(db, incident.id);
    expect(first!.version).toBe(1);
    expect(latest!.version).toBe(2);
    expect(latest!.changes).toEqual([expect.objectContaining({ field: 'title', after: edited.title })]);
  });

  it('refuses a file with a dangling ref as a whole, naming the spot, and changes nothing', async () => {
    const { organizationId, adminId } = await createWorkspace();
    const doc = fixture();
    const index = doc.incidents.findIndex((incident) => incident.ref === 'inc:almaty-device');
    doc.incidents[index]!.victims = [{ person: 'person:nobody' }];
    const before = await countEveryTable();
    expect(before).toMatchObject({ incidents: expect.any(Number), incidentVersions: expect.any(Number), caseInterventions: expect.any(Number) });

    const failure = await importExchangeDocument(db, doc, { organizationId, actingUserId: adminId }).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(InvalidExchangeDocumentError);
    expect(wordProblems((failure as InvalidExchangeDocumentError).problems)).toEqual([
      {
        pointer: `/incidents/${index}/victims/0/person`,
        message: 'No person with the ref “person:nobody” is defined in this file (under “persons”)',
      },
    ]);
    expect(await countEveryTable()).toEqual(before);
  });

  it('refuses an unknown vocabulary code, but accepts codes the platform already knows', async () => {
    const { organizationId, adminId } = await createWorkspace();
    const doc = fixture();
    doc.incidents[0]!.violation_types = ['levitation'];
    const before = await countEveryTable();

    const failure = await importExchangeDocument(db, doc, { organizationId, actingUserId: adminId }).catch((error: unknown) => error);

    expect(wordProblems((failure as InvalidExchangeDocumentError).problems)).toEqual([
      {
        pointer: '/incidents/0/violation_types/0',
        message: 'Unknown violation type “levitation”: define it under vocabularies.violation_types or use a code the platform knows',
      },
    ]);
    expect(await countEveryTable()).toEqual(before);

    // Once the fixture's vocabularies are on the platform, a file may use them without repeating them.
    await importExchangeDocument(db, fixture(), { organizationId, actingUserId: adminId });
    const withoutVocabularies = fixture();
    delete withoutVocabularies.vocabularies;
    const other = await createWorkspace();
    const summary = await importExchangeDocument(db, withoutVocabularies, { organizationId: other.organizationId, actingUserId: other.adminId });
    expect(summary.incidents.created).toBe(26);
  });

  it('publishes only on behalf of a reviewer or admin of the organization', async () => {
    const organizationId = await createOrganization();
    const monitorId = await createMember(organizationId, 'monitor');
    const reviewerId = await createMember(organizationId, 'reviewer');
    const before = await countEveryTable();

    await expect(importExchangeDocument(db, fixture(), { organizationId, actingUserId: null })).rejects.toThrow(
      /marks incidents published or approved \(25; first: .*no importing user was named/,
    );
    await expect(importExchangeDocument(db, fixture(), { organizationId, actingUserId: monitorId })).rejects.toThrow(
      /the importing user is a monitor/,
    );
    expect(await countEveryTable()).toEqual(before);

    const summary = await importExchangeDocument(db, fixture(), { organizationId, actingUserId: reviewerId });
    expect(summary.incidents.created).toBe(26);
  });

  it('imports a file without published records with no acting user, as the file says', async () => {
    const organizationId = await createOrganization();
    const doc = fixture();
    for (const incident of doc.incidents) incident.status = 'draft';
    delete doc.incidents[0]!.status;

    const summary = await importExchangeDocument(db, doc, { organizationId, actingUserId: null });

    expect(summary.incidents.created).toBe(26);
    const incident = await findIncident(organizationId, doc.incidents[0]!.ref);
    expect(incident).toMatchObject({ reviewStatus: 'draft', createdBy: null });
  });

  it('never lifts a person’s protection: a file without the confidential flag leaves it on', async () => {
    const { organizationId, adminId } = await createWorkspace();
    await importExchangeDocument(db, fixture(), { organizationId, actingUserId: adminId });
    const doc = fixture();
    doc.persons!.find((person) => person.ref === 'person:kharkova-son')!.confidential = false;

    const summary = await importExchangeDocument(db, doc, { organizationId, actingUserId: adminId });

    expect(summary.persons.updated).toBe(0);
    const [son] = await db
      .select({ confidential: persons.confidential })
      .from(persons)
      .where(and(eq(persons.organizationId, organizationId), eq(persons.ref, 'person:kharkova-son')));
    expect(son!.confidential).toBe(true);
  });
});

describe('exporting an organization', () => {
  it('writes a file that validates and imports into a second organization as the same collection', async () => {
    const first = await createWorkspace();
    await importExchangeDocument(db, fixture(), { organizationId: first.organizationId, actingUserId: first.adminId });

    const exported = await exportExchangeDocument(db, first.organizationId);

    expect(validateExchangeDocument(exported)).toEqual([]);
    expect(exported.incidents.map((incident) => incident.ref)).toEqual(fixture().incidents.map((incident) => incident.ref).sort());
    expect(exported.incidents.filter((incident) => incident.status === 'published')).toHaveLength(25);

    const second = await createWorkspace();
    const summary = await importExchangeDocument(db, exported, { organizationId: second.organizationId, actingUserId: second.adminId });
    expect(summary.incidents.created).toBe(26);
    expect(summary.persons.created).toBe(11);
    expect(summary.organizations.created).toBe(6);
    expect(summary.sources.created).toBe(3);
    expect(summary.cases.created).toBe(5);

    const again = await exportExchangeDocument(db, second.organizationId);
    const { exported_at: _a, title: _t, ...firstContent } = exported;
    const { exported_at: _b, title: _u, ...secondContent } = again;
    expect(secondContent).toEqual(firstContent);
    expect(again.persons!.filter((person) => person.confidential).map((person) => person.ref)).toEqual([
      'person:kharkova-son',
      'person:press-secretary-husband',
    ]);
  });

  it('leaves deleted incidents out, and a later import leaves them deleted', async () => {
    const { organizationId, adminId } = await createWorkspace();
    await importExchangeDocument(db, fixture(), { organizationId, actingUserId: adminId });
    await db
      .update(incidents)
      .set({ deletedAt: sql`now()` })
      .where(and(eq(incidents.organizationId, organizationId), eq(incidents.ref, 'inc:almaty-device')));

    const exported = await exportExchangeDocument(db, organizationId);

    expect(exported.incidents).toHaveLength(25);
    expect(exported.cases!.flatMap((record) => record.incidents ?? [])).not.toContain('inc:almaty-device');
    const summary = await importExchangeDocument(db, fixture(), { organizationId, actingUserId: adminId });
    expect(summary.deletedIncidentsLeftAlone).toBe(1);
    expect(summary.incidents).toEqual({ created: 0, updated: 0, unchanged: 25 });
    expect((await findIncident(organizationId, 'inc:almaty-device')).deletedAt).not.toBeNull();
  });
});
