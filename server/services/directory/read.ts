import 'server-only';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { caseInterventions, cases, type DirectoryKind, documentedOrganizations, incidents, incidentSources, incidentVictims, sources } from '@/db/schema';
import { type DirectoryRecordFacts, whyCannotEditRecord } from '@/server/policy/directory';
import type { Viewer } from '@/server/policy/viewer';
import { usedByReviewedRecord } from './usage';

/** The pages of a documented organization and a source: the record, and the incidents and cases that cite it. */

const incidentColumns = { id: incidents.id, ref: incidents.ref, title: incidents.title, startDate: incidents.startDate, status: incidents.reviewStatus };

/**
 * The facts the edit policy needs, for pages that offer the edit form (the edit itself asks again on
 * the locked row). Whether the record is used by reviewed work matters only to the monitor who entered
 * it, so the search through the organization's records is skipped for everyone else.
 */
export async function editFacts(db: DbOrTx, viewer: Viewer, kind: DirectoryKind, record: Omit<DirectoryRecordFacts, 'usedByReviewedRecord'> & { id: string }): Promise<DirectoryRecordFacts> {
  const unused = { ...record, usedByReviewedRecord: false };
  const used = { ...record, usedByReviewedRecord: true };
  if (whyCannotEditRecord(viewer, unused) === whyCannotEditRecord(viewer, used)) return unused;
  return { ...record, usedByReviewedRecord: await usedByReviewedRecord(db, kind, record.id, record.organizationId) };
}

export async function getDocumentedOrganization(db: DbOrTx, id: string) {
  const [organization] = await db.select().from(documentedOrganizations).where(eq(documentedOrganizations.id, id));
  if (!organization) return null;
  const cited = await db
    .selectDistinct(incidentColumns)
    .from(incidentVictims)
    .innerJoin(incidents, eq(incidents.id, incidentVictims.incidentId))
    .where(and(eq(incidentVictims.documentedOrganizationId, id), isNull(incidents.deletedAt)))
    .orderBy(asc(incidents.startDate), asc(incidents.ref));
  return { organization, incidents: cited };
}

export async function getSource(db: DbOrTx, id: string) {
  const [source] = await db.select().from(sources).where(eq(sources.id, id));
  if (!source) return null;
  const [citing, citingCases] = await Promise.all([
    db
      .selectDistinct(incidentColumns)
      .from(incidentSources)
      .innerJoin(incidents, eq(incidents.id, incidentSources.incidentId))
      .where(and(eq(incidentSources.sourceId, id), isNull(incidents.deletedAt)))
      .orderBy(asc(incidents.startDate), asc(incidents.ref)),
    db
      .selectDistinct({ id: cases.id, ref: cases.ref, title: cases.title, reviewStatus: cases.reviewStatus })
      .from(caseInterventions)
      .innerJoin(cases, eq(cases.id, caseInterventions.caseId))
      .where(and(eq(caseInterventions.sourceId, id), isNull(caseInterventions.deletedAt), isNull(cases.deletedAt)))
      .orderBy(asc(cases.title)),
  ]);
  return { source, incidents: citing, cases: citingCases };
}
