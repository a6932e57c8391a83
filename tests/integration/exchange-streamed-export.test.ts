/**
 * The workspace's exchange JSON download is written a record at a time from one snapshot: it is the
 * very file the whole export builds (same records, order and indentation), in batches over one
 * server-side cursor (and, outside a snapshot, batch by batch); it validates, imports into an
 * empty organization and exports from there as the same collection; each download is audited with
 * its counts before the first byte; and a record that would not validate stops it before it is written.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db } from '@/db/client';
import { auditLog, incidents } from '@/db/schema';
import { loadViewer } from '@/server/auth/viewer';
import { inOneSnapshot } from '@/server/public/snapshot';
import { listViewer } from '@/server/policy/viewer';
import type { ExchangeDocument } from '@/server/services/exchange/document';
import { exportExchangeDocument } from '@/server/services/exchange/export';
import { exchangeDocumentChunks } from '@/server/services/exchange/export-stream';
import { importExchangeDocument } from '@/server/services/exchange/import';
import { validateExchangeDocument } from '@/server/services/exchange/validate';
import { workspaceExportInput, workspaceExportResponse } from '@/server/services/exchange/workspace-export';
import { createEmbeddedTestDatabase, createTestDatabase } from '../support/database';
import { createOrganization, createUser } from '../support/factories';

const fixture = (): ExchangeDocument => JSON.parse(readFileSync(path.join(__dirname, '../../fixtures/kazakhstan-2017.json'), 'utf8')) as ExchangeDocument;
const now = new Date('2026-12-07T05:00:00.000Z');

/** A file as the user keeps it, without the moment it was written. */
const withoutMoment = ({ exported_at: _at, title: _title, ...rest }: ExchangeDocument) => rest;

/** An organization holding the fixture, and its admin. */
async function collection(db: Db) {
  const organizationId = (await createOrganization(db)).id;
  const admin = await createUser(db, organizationId, 'admin');
  await importExchangeDocument(db, fixture(), { organizationId, actingUserId: admin.id });
  return { organizationId, adminId: admin.id };
}

/**
 * The streamed file, a few records at a time so that every list spans several batches: in a
 * snapshot's transaction (one server-side cursor per list), or outside one, batch by batch after the
 * last ref, as on the embedded database (which holds no transaction open for a download).
 */
async function streamedText(db: Db, organizationId: string, inSnapshot: boolean): Promise<string> {
  const chunks = (snapshot: Db) => exchangeDocumentChunks(db, snapshot, organizationId, { via: 'test', now, batchSize: 4 });
  let text = '';
  for await (const chunk of inSnapshot ? inOneSnapshot((tx) => chunks(tx ?? db), db) : chunks(db)) text += chunk;
  return text;
}

async function downloaded(db: Db, userId: string, organizationId: string, query: Record<string, string> = {}): Promise<Response> {
  return workspaceExportResponse(db, listViewer((await loadViewer(db, userId))!), workspaceExportInput.parse({ organizationId, format: 'json', ...query }));
}

describe('the streamed exchange export', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database?.close());

  it.each([
    ['over one server-side cursor in the snapshot', true],
    ['batch by batch, as on the embedded database', false],
  ])('is the file the whole export builds, byte for byte, %s', async (_how, inSnapshot) => {
    const { organizationId } = await collection(database.db);
    const whole = await exportExchangeDocument(database.db, organizationId);
    expect(await streamedText(database.db, organizationId, inSnapshot)).toBe(JSON.stringify({ ...whole, exported_at: now.toISOString() }, null, 2));
  });
});

describe('the workspace’s exchange JSON download', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database?.close());

  it('validates, and round-trips through an import into an empty organization', async () => {
    const { organizationId, adminId } = await collection(database.db);
    const response = await downloaded(database.db, adminId, organizationId);
    const doc = (await response.json()) as ExchangeDocument;
    expect(validateExchangeDocument(doc)).toEqual([]);
    expect(doc.incidents).toHaveLength(fixture().incidents.length);

    const empty = (await createOrganization(database.db)).id;
    const importer = await createUser(database.db, empty, 'admin');
    await importExchangeDocument(database.db, doc, { organizationId: empty, actingUserId: importer.id });
    const again = (await (await downloaded(database.db, importer.id, empty)).json()) as ExchangeDocument;
    expect(withoutMoment(again)).toEqual(withoutMoment(doc));
  });

  it('is audited with its counts and filters once the answer is returned, before the body is read', async () => {
    const { organizationId, adminId } = await collection(database.db);
    const response = await downloaded(database.db, adminId, organizationId, { status: 'published' });
    const audits = await database.db.select().from(auditLog).where(and(eq(auditLog.action, 'exchange.export'), eq(auditLog.organizationId, organizationId)));
    const doc = (await response.json()) as ExchangeDocument;
    expect(audits.map((audit) => audit.details)).toEqual([
      {
        incidents: doc.incidents.length,
        cases: doc.cases!.length,
        persons: doc.persons!.length,
        organizations: doc.organizations!.length,
        sources: doc.sources!.length,
        vocabularyTerms: Object.values(doc.vocabularies!).reduce((sum, terms) => sum + terms.length, 0),
        via: 'workspace',
        filters: { status: 'published' },
      },
    ]);
    expect(doc.incidents.length).toBeLessThan(fixture().incidents.length);
    expect(doc.incidents.every((incident) => incident.status === 'published')).toBe(true);
    // A filtered file's cases list only the incidents it holds.
    const held = new Set(doc.incidents.map((incident) => incident.ref));
    expect(doc.cases!.flatMap((record) => record.incidents ?? []).every((ref) => held.has(ref))).toBe(true);
    expect(validateExchangeDocument(doc)).toEqual([]);
  });

  it('stops at a record that would not validate, before writing it', async () => {
    const { organizationId, adminId } = await collection(database.db);
    const [planted] = await database.db
      .update(incidents)
      .set({ violationTypes: sql`ARRAY['no_such_violation']::text[]` })
      .where(eq(incidents.id, sql`(SELECT id FROM ${incidents} WHERE ${incidents.organizationId} = ${organizationId} ORDER BY ref COLLATE "C" LIMIT 1 OFFSET 5)`))
      .returning();
    const response = await downloaded(database.db, adminId, organizationId);
    let received = '';
    const failure = await (async () => {
      try {
        for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) received += Buffer.from(chunk).toString('utf8');
      } catch (error) {
        return error as Error;
      }
      return null;
    })();
    expect(failure?.message).toMatch(/does not validate against the exchange format/);
    expect(failure?.message).toContain('/incidents/5/violation_types/0: Unknown violation type “no_such_violation”');
    expect(received).not.toContain(planted!.ref);
  });
});

describe('the workspace’s exchange JSON download on the embedded database', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createEmbeddedTestDatabase();
  }, 120_000);
  afterAll(() => database?.close());

  // The demo's default: no transaction is held open for the download, records are read batch by batch.
  it('finishes, and is the file the whole export builds', { timeout: 180_000 }, async () => {
    const { organizationId, adminId } = await collection(database.db);
    const whole = await exportExchangeDocument(database.db, organizationId);
    const text = await (await downloaded(database.db, adminId, organizationId)).text();
    expect(withoutMoment(JSON.parse(text) as ExchangeDocument)).toEqual(withoutMoment(whole));
  });
});
