import { readFileSync } from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { incidentVersions, incidents, memberships, organizations, users } from '@/db/schema';
import type { ExchangeDocument } from '@/server/services/exchange/document';
import { exportExchangeDocument } from '@/server/services/exchange/export';
import { importExchangeDocument } from '@/server/services/exchange/import';
import { InvalidExchangeDocumentError } from '@/server/services/exchange/problems';
import { validateExchangeDocument } from '@/server/services/exchange/validate';
import { createEmbeddedTestDatabase } from '@/tests/support/database';

// The same import and export on the embedded driver (PGlite), which the CLI uses without DATABASE_URL.

function fixture(): ExchangeDocument {
  return JSON.parse(readFileSync(path.join(__dirname, '../../fixtures/kazakhstan-2017.json'), 'utf8')) as ExchangeDocument;
}

let database: Database;
let organizationId: string;
let adminId: string;

async function count(table: typeof incidents | typeof incidentVersions): Promise<number> {
  const [row] = await database.db.select({ count: sql<number>`count(*)::int` }).from(table);
  return row!.count;
}

beforeAll(async () => {
  database = await createEmbeddedTestDatabase();
  const [organization] = await database.db.insert(organizations).values({ slug: 'ngo', name: 'NGO' }).returning();
  const [admin] = await database.db.insert(users).values({ email: 'admin@example.org', name: 'Admin', passwordHash: 'not used here' }).returning();
  await database.db.insert(memberships).values({ userId: admin!.id, organizationId: organization!.id, role: 'admin' });
  organizationId = organization!.id;
  adminId = admin!.id;
});

afterAll(async () => {
  await database?.close();
});

describe('exchange files on the embedded database', () => {
  it('imports the fixture twice and ends with 26 incidents, the second time changing nothing', async () => {
    const first = await importExchangeDocument(database.db, fixture(), { organizationId, actingUserId: adminId });
    expect(first.incidents).toEqual({ created: 26, updated: 0, unchanged: 0 });
    const versions = await count(incidentVersions);
    expect(versions).toBe(26);

    const second = await importExchangeDocument(database.db, fixture(), { organizationId, actingUserId: adminId });

    expect(second.incidents).toEqual({ created: 0, updated: 0, unchanged: 26 });
    expect(await count(incidents)).toBe(26);
    expect(await count(incidentVersions)).toBe(versions);
  });

  it('refuses an invalid file without writing anything', async () => {
    const doc = fixture();
    doc.incidents[0]!.sources = ['src:nowhere'];
    const before = [await count(incidents), await count(incidentVersions)];

    await expect(importExchangeDocument(database.db, doc, { organizationId, actingUserId: adminId })).rejects.toBeInstanceOf(
      InvalidExchangeDocumentError,
    );
    expect([await count(incidents), await count(incidentVersions)]).toEqual(before);
  });

  it('exports a file that validates', async () => {
    const exported = await exportExchangeDocument(database.db, organizationId);

    expect(validateExchangeDocument(exported)).toEqual([]);
    expect(exported.incidents).toHaveLength(26);
    const [row] = await database.db.select().from(incidents).where(eq(incidents.ref, 'inc:fp-blocked'));
    expect(exported.incidents.find((incident) => incident.ref === 'inc:fp-blocked')!.date).toEqual({
      start: row!.startDate,
      end: null,
      precision: 'month',
    });
  });
});
