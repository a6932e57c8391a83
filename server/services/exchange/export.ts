import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { organizations } from '@/db/schema';
import { notFound } from '../errors';
import type { ExchangeDocument } from './document';
import { exportCases } from './export-cases';
import { exportIncidents } from './export-incidents';
import { exportOrganizations, exportPersons, exportSources, exportVocabularies } from './export-records';
import { formatProblems } from './problems';
import { validateExchangeDocument } from './validate';

/**
 * The organization's whole collection as an exchange file: every incident in every review state
 * (deleted ones excepted), its persons (confidential ones included, flagged), organizations,
 * sources and cases, and the platform's vocabularies. This is the workspace export, not the public
 * one: it holds confidential names and unpublished records.
 *
 * The file is checked against the schema and the semantic rules before it is returned, so that what
 * the platform exports, it (or a partner) can import.
 */
export async function exportExchangeDocument(db: Db, organizationId: string): Promise<ExchangeDocument> {
  // One snapshot of the database: an incident saved half-way through must not point at a person
  // that the person query, run earlier, did not see.
  const doc = await db.transaction(
    async (tx): Promise<ExchangeDocument> => {
      const [organization] = await tx.select().from(organizations).where(eq(organizations.id, organizationId));
      if (!organization) throw notFound('organization');
      return {
        format: 'hrd-monitor-exchange',
        version: 1,
        title: `${organization.name}: all records`,
        exported_at: new Date().toISOString(),
        vocabularies: await exportVocabularies(tx),
        organizations: await exportOrganizations(tx, organizationId),
        persons: await exportPersons(tx, organizationId),
        sources: await exportSources(tx, organizationId),
        incidents: await exportIncidents(tx, organizationId),
        cases: await exportCases(tx, organizationId),
      };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );

  const problems = validateExchangeDocument(doc);
  if (problems.length > 0) {
    throw new Error(
      `The export of this organization does not validate against the exchange format, so it was not written:\n${formatProblems(problems).join('\n')}`,
    );
  }
  return doc;
}
