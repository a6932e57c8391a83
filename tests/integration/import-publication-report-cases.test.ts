import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { memberships, organizations, users } from '@/db/schema';
import type { ExchangeDocument } from '@/server/services/exchange/document';
import { importExchangeDocument } from '@/server/services/exchange/import';
import { createTestDatabase } from '@/tests/support/database';

/**
 * The import's publication report covers cases too: a case's title, summary, the roles of its
 * persons, its legal events and interventions, as its publication would show them, each protected
 * form with its JSON pointer and label, and each protected person of the case flagged. A public
 * person's name is left alone.
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
  return {
    format: 'hrd-monitor-exchange',
    version: 2,
    vocabularies,
    persons: [
      { ref: 'per:kharkova', name: 'Лариса Харькова', confidential: true },
      { ref: 'per:public', name: 'Ержан Ахметов', confidential: false },
    ],
    incidents: [],
    cases: [
      {
        ref: 'case:kharkova',
        title: 'Prosecution of KHARKOVA L.',
        summary: 'Дело Харьковой. Ержан Ахметов защищал её.',
        persons: [
          { person: 'per:public', role: 'lawyer' },
          { person: 'per:kharkova', role: 'defendant' },
        ],
        legal_events: [{ ref: 'le:1', kind: 'verdict', date: { start: '2017-08-01', precision: 'day' }, outcome: 'Харькова осуждена', court: 'Shymkent city court' }],
        interventions: [{ ref: 'int:1', date: '2017-09-01', kind: 'un_communication', by: 'Special Rapporteur', summary: 'Letter about Ms Kharkova' }],
      },
    ],
  };
}

describe('an import reports what the publication of its cases would replace', () => {
  it('lists each protected form of a case with its JSON pointer and label, and flags the protected persons', async () => {
    const { db } = database;
    const [organization] = await db.insert(organizations).values({ slug: 'importer-cases', name: 'Importer' }).returning();
    const [admin] = await db.insert(users).values({ email: 'admin-cases@example.org', name: 'Admin', passwordHash: 'not used here' }).returning();
    await db.insert(memberships).values({ userId: admin!.id, organizationId: organization!.id, role: 'admin' });

    const summary = await importExchangeDocument(db, collection(), { organizationId: organization!.id, actingUserId: admin!.id });
    expect(summary.publication).toEqual([
      { pointer: '/cases/0/persons/1/person', found: 'Лариса Харькова', label: 'Protected person 1' },
      { pointer: '/cases/0/title', found: 'KHARKOVA L.', label: 'Protected person 1' },
      { pointer: '/cases/0/summary', found: 'Харьковой', label: 'Protected person 1' },
      { pointer: '/cases/0/legal_events/0/outcome', found: 'Харькова', label: 'Protected person 1' },
      { pointer: '/cases/0/interventions/0/summary', found: 'Kharkova', label: 'Protected person 1' },
    ]);
    expect(JSON.stringify(summary.publication)).not.toContain('Ахметов');
  });
});
