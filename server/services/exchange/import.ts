import 'server-only';
import type { Db } from '@/db/client';
import { recordAudit } from '../audit/record';
import { refreshPublicIncidentsOf } from '../publishing/public-record';
import { importCases } from './import-cases';
import { importIncidents } from './import-incidents';
import { importOrganizations } from './import-organizations';
import { checkImportPermission } from './import-permission';
import { importPersons } from './import-persons';
import { importSources } from './import-sources';
import { importVocabulary } from './import-vocabulary';
import { loadKnownVocabulary } from './known-vocabulary';
import { publicationReplacements } from './publication-report';
import { casePublicationReplacements } from './publication-report-cases';
import type { ImportSummary } from './summary';
import { assertValidExchangeDocument } from './validate';

export type ImportOptions = {
  organizationId: string;
  /** Recorded as the author of every version the import writes; must be a reviewer or admin to import published records. */
  actingUserId: string | null;
  /** Called after every step of about 250 incidents, and at the end. */
  onProgress?: (done: number, total: number) => void;
  /** Called as each stage begins, so a long import can say what it is doing. */
  onStage?: (stage: ImportStage) => void;
  /** How the import was started, for the audit log ("cli", "demo"). */
  via?: string;
};

/**
 * Imports an exchange file into one organization, all or nothing. The whole file is validated first;
 * with any problem, InvalidExchangeDocumentError lists them all and nothing is written. Records are
 * matched by ref, so importing the same file twice changes nothing the second time.
 *
 * Runs in one transaction; given a transaction as `db`, it runs in a savepoint of it (the CLI creates
 * a missing organization and imports into it that way, so a refused file leaves no organization behind).
 */
export const importStages = ['checking', 'vocabulary and records', 'incidents', 'cases', 'public pages'] as const;
export type ImportStage = (typeof importStages)[number];

export async function importExchangeDocument(db: Db, doc: unknown, options: ImportOptions): Promise<ImportSummary> {
  const { organizationId, actingUserId } = options;
  const stage = options.onStage ?? (() => {});
  return db.transaction(async (tx) => {
    stage('checking');
    assertValidExchangeDocument(doc, await loadKnownVocabulary(tx));
    await checkImportPermission(tx, { organizationId, actingUserId, doc });

    // Order matters: each step needs the row ids of the records the previous ones wrote.
    stage('vocabulary and records');
    const vocabularyTerms = await importVocabulary(tx, doc);
    const organizations = await importOrganizations(tx, organizationId, doc.organizations ?? []);
    const persons = await importPersons(tx, organizationId, doc.persons ?? [], organizations.ids);
    const sources = await importSources(tx, organizationId, doc.sources ?? []);
    stage('incidents');
    const incidents = await importIncidents(tx, {
      organizationId,
      actingUserId,
      records: doc.incidents,
      ids: { persons: persons.ids, organizations: organizations.ids, sources: sources.ids, personAliases: persons.aliases },
      onProgress: options.onProgress,
    });
    stage('cases');
    const cases = await importCases(tx, {
      organizationId,
      actingUserId,
      records: doc.cases ?? [],
      ids: { incidents: incidents.ids, sources: sources.ids, persons: persons.ids },
    });
    // Published records, and persons now marked confidential, change what the public sees: the
    // organization's public incidents, then its public cases and those linking its incidents.
    stage('public pages');
    await refreshPublicIncidentsOf(tx, organizationId);

    const summary: ImportSummary = {
      vocabularyTerms,
      organizations: organizations.counts,
      persons: persons.counts,
      sources: sources.counts,
      incidents: incidents.counts,
      cases: cases.counts,
      deletedIncidentsLeftAlone: incidents.deletedLeftAlone,
      deletedCasesLeftAlone: cases.deletedLeftAlone,
      publication: [...(await publicationReplacements(tx, organizationId, doc, incidents.ids)), ...(await casePublicationReplacements(tx, organizationId, doc))],
    };
    // The replacements quote confidential names: they are told to whoever imports, not kept in the audit log.
    const { publication: _quotesNames, ...counts } = summary;
    // In the import's transaction: a refused or failed import leaves no audit row, a done one always does.
    await recordAudit(tx, {
      actorId: actingUserId,
      action: 'exchange.import',
      organizationId,
      subjectType: 'organization',
      subjectId: organizationId,
      details: { ...counts, ...(options.via ? { via: options.via } : {}) },
    });
    return summary;
  });
}
