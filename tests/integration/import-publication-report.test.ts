import { readFileSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { auditLog, incidents, memberships, organizations, publicIncidents, users } from '@/db/schema';
import type { ExchangeDocument } from '@/server/services/exchange/document';
import { importExchangeDocument } from '@/server/services/exchange/import';
import { addressLeftOut } from '@/server/services/exchange/publication-report';
import { createTestDatabase } from '@/tests/support/database';

/**
 * A collection from elsewhere, its incidents marked published, naming a confidential person as its
 * authors wrote her: declined, in capitals, in Kazakh, in an address. The import publishes what is
 * marked published and reports, field by field (JSON pointers into the file), every form that
 * publication replaced and by which label; the public row reads the labels, and a public person's
 * name is left alone.
 */

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

function collection(): ExchangeDocument {
  const { vocabularies } = JSON.parse(readFileSync(path.join(__dirname, '../../fixtures/kazakhstan-2017.json'), 'utf8')) as ExchangeDocument;
  const incident = (ref: string, status: 'published' | 'draft', title: string, summary: string): ExchangeDocument['incidents'][number] => ({
    ref,
    title,
    summary,
    date: { start: '2017-01-05', precision: 'day' },
    location: { country: 'KZ', precision: 'country' },
    violation_types: ['judicial_harassment'],
    victims: [{ person: 'per:kharkova' }, { person: 'per:public' }],
    perpetrators: [{ type: 'court', name: 'Court that sentenced Харькову' }],
    sources: ['src:slug', 'src:plain'],
    status,
  });
  return {
    format: 'hrd-monitor-exchange',
    version: 1,
    vocabularies,
    persons: [
      { ref: 'per:kharkova', name: 'Лариса Харькова', confidential: true },
      { ref: 'per:public', name: 'Ержан Ахметов', confidential: false },
    ],
    sources: [
      { ref: 'src:slug', title: 'Приговор Харьковой', url: 'https://example.org/news/larisa-kharkova-sentenced' },
      { ref: 'src:plain', title: 'Statement of the union', url: 'https://example.org/statement' },
    ],
    incidents: [
      incident('inc:sentenced', 'published', 'KHARKOVA Larisa sentenced', 'Суд приговорил Ларису Харькову. Ержан Ахметов выступил в защиту Харьковой. Харькованың ісі.'),
      incident('inc:draft', 'draft', 'Draft about Харьковой', 'Not published: Харькову.'),
    ],
  };
}

describe('an import of records marked published reports what publication replaced', () => {
  it('lists each replaced form with the JSON pointer of its field and the label, and the public reads the labels', async () => {
    const { db } = database;
    const [organization] = await db.insert(organizations).values({ slug: 'importer', name: 'Importer' }).returning();
    const [admin] = await db.insert(users).values({ email: 'admin@example.org', name: 'Admin', passwordHash: 'not used here' }).returning();
    await db.insert(memberships).values({ userId: admin!.id, organizationId: organization!.id, role: 'admin' });

    const summary = await importExchangeDocument(db, collection(), { organizationId: organization!.id, actingUserId: admin!.id });

    expect(summary.publication).toEqual([
      { pointer: '/incidents/0/title', found: 'KHARKOVA Larisa', label: 'Protected person 1' },
      { pointer: '/incidents/0/summary', found: 'Ларису Харькову', label: 'Protected person 1' },
      { pointer: '/incidents/0/summary', found: 'Харьковой', label: 'Protected person 1' },
      { pointer: '/incidents/0/summary', found: 'Харькованың', label: 'Protected person 1' },
      { pointer: '/incidents/0/perpetrators/0/name', found: 'Харькову', label: 'Protected person 1' },
      { pointer: '/sources/0/title', found: 'Харьковой', label: 'Protected person 1' },
      { pointer: '/sources/0/url', found: 'https://example.org/news/larisa-kharkova-sentenced', label: addressLeftOut },
    ]);

    const [shown] = await db
      .select({ title: publicIncidents.title, summary: publicIncidents.summary, sources: publicIncidents.sources })
      .from(publicIncidents)
      .innerJoin(incidents, eq(incidents.id, publicIncidents.incidentId))
      .where(eq(incidents.ref, 'inc:sentenced'));
    expect(shown!.title).toBe('Protected person 1 sentenced');
    expect(shown!.summary).toBe('Суд приговорил Protected person 1. Ержан Ахметов выступил в защиту Protected person 1. Protected person 1 ісі.');
    expect(shown!.sources.map((source) => source.url)).toEqual([null, 'https://example.org/statement']);

    // The audit log records the counts, not the names the report quotes.
    const [audit] = await db.select({ details: auditLog.details }).from(auditLog).where(eq(auditLog.action, 'exchange.import'));
    expect(JSON.stringify(audit!.details)).not.toContain('Харьков');
    expect(audit!.details).toMatchObject({ incidents: { created: 2 } });
  });
});
