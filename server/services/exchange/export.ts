import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { organizations } from '@/db/schema';
import { recordAudit } from '../audit/record';
import { notFound } from '../../errors';
import type { ExchangeDocument } from './document';
import { exportCases } from './export-cases';
import { exportIncidents } from './export-incidents';
import { exportOrganizations, exportPersons, exportSources, exportVocabularies } from './export-records';
import { formatProblems } from './problems';
import type { ExchangeHead } from './stream-check';
import { validateExchangeDocument } from './validate';

export type ExportOptions = {
  /** Who asked for the export, for the audit log; null from the command line. */
  actorId?: string | null;
  /** How the export was started, for the audit log ("cli", "workspace"). */
  via?: string;
  /** The filters of a filtered export, for the audit log. */
  filters?: Record<string, unknown>;
};

/**
 * The organization's whole collection as an exchange file: every incident in every review state
 * (deleted ones excepted), its persons (confidential ones included, flagged), organizations,
 * sources and cases, and the platform's vocabularies. This is the workspace export, not the public
 * one: it holds confidential names and unpublished records.
 *
 * The file is checked against the schema and the semantic rules before it is returned, so that what
 * the platform exports, it (or a partner) can import. This one is built whole, for the command line
 * and bundles; the workspace's download writes the same file a record at a time (./export-stream.ts).
 */
export async function exportExchangeDocument(db: Db, organizationId: string, options: ExportOptions = {}): Promise<ExchangeDocument> {
  // One snapshot of the database: an incident saved half-way through must not point at a person
  // that the person query, run earlier, did not see.
  const doc = await db.transaction(
    async (tx): Promise<ExchangeDocument> => ({
      ...(await exchangeHead(tx, organizationId)),
      organizations: await exportOrganizations(tx, organizationId),
      persons: await exportPersons(tx, organizationId),
      sources: await exportSources(tx, organizationId),
      incidents: await exportIncidents(tx, organizationId),
      cases: await exportCases(tx, organizationId),
    }),
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );

  const problems = validateExchangeDocument(doc);
  if (problems.length > 0) {
    throw new Error(
      `The export of this organization does not validate against the exchange format, so it was not written:\n${formatProblems(problems).join('\n')}`,
    );
  }
  await recordExport(db, organizationId, exportCounts(doc), options);
  return doc;
}

/** The file's head: format, version, the organization's name as its title, when, the platform's vocabularies. */
export async function exchangeHead(db: DbOrTx, organizationId: string, now = new Date()): Promise<ExchangeHead> {
  const [organization] = await db.select().from(organizations).where(eq(organizations.id, organizationId));
  if (!organization) throw notFound('organization');
  return {
    format: 'hrd-monitor-exchange',
    version: 2,
    title: `${organization.name}: all records`,
    exported_at: now.toISOString(),
    vocabularies: await exportVocabularies(db),
  };
}

/** How many records of each kind an exported file holds: what the audit row keeps of an export. */
export type ExportCounts = Record<'incidents' | 'cases' | 'persons' | 'organizations' | 'sources' | 'vocabularyTerms', number>;

/**
 * The audit row of an export: who, which organization, how many records of each kind, how and with
 * which filters. Its own transaction: an export's snapshot is read-only, and an audit row appended
 * from a repeatable-read snapshot could miss rows committed since and fork the hash chain.
 */
export async function recordExport(db: Db, organizationId: string, counts: ExportCounts, options: ExportOptions): Promise<void> {
  await db.transaction((tx) =>
    recordAudit(tx, {
      actorId: options.actorId ?? null,
      action: 'exchange.export',
      organizationId,
      subjectType: 'organization',
      subjectId: organizationId,
      details: { ...counts, ...(options.via ? { via: options.via } : {}), ...(options.filters ? { filters: options.filters } : {}) },
    }),
  );
}

function exportCounts(doc: ExchangeDocument): ExportCounts {
  return {
    incidents: doc.incidents.length,
    cases: doc.cases?.length ?? 0,
    persons: doc.persons?.length ?? 0,
    organizations: doc.organizations?.length ?? 0,
    sources: doc.sources?.length ?? 0,
    vocabularyTerms: Object.values(doc.vocabularies ?? {}).reduce((sum, list) => sum + list.length, 0),
  };
}
