import 'server-only';
import type { PublicationReplacement } from './publication-report';

/** What an import did to one kind of record. */
export type ImportCounts = { created: number; updated: number; unchanged: number };

export type ImportSummary = {
  vocabularyTerms: ImportCounts;
  organizations: ImportCounts;
  persons: ImportCounts;
  sources: ImportCounts;
  incidents: ImportCounts;
  cases: ImportCounts;
  /**
   * Incidents the file names that were deleted in the workspace. An import leaves them deleted:
   * bringing a record back is an admin's decision, not a side effect of loading an older file.
   */
  deletedIncidentsLeftAlone: number;
  /** Cases the file names that were deleted in the workspace; left deleted, as incidents are. */
  deletedCasesLeftAlone: number;
  /**
   * What publication replaced in the incidents the file marks published (publication-report.ts), then
   * what the publication of the file's cases would replace (publication-report-cases.ts: an import
   * publishes no case); never written to the audit log.
   */
  publication: PublicationReplacement[];
};

export function emptyCounts(): ImportCounts {
  return { created: 0, updated: 0, unchanged: 0 };
}

export type Outcome = keyof ImportCounts;
