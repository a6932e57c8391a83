import 'server-only';
import { and, eq, exists, inArray, isNotNull, or } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { caseIncidents, caseReviews, caseVersions, cases, incidents, organizations, publicCases, publicIncidents } from '@/db/schema';
import type { PublicCaseIncident } from '@/db/schema';
import type { CaseSnapshot } from '../cases/snapshot';
import { refreshPublicCopies } from '../files/public-copies';
import { caseProtection, projectCase } from './project-case';
import { loadCaseProjectionInput } from './projection-input';
import { publicationDates } from './publication-dates';

/**
 * Rewrites a case's row in the public read model from its published version, or removes it when
 * nothing of it is public (never published, retracted, deleted). Call it inside the transaction
 * that changed what is public: a case's publication, retraction, deletion or restoration, an import,
 * and (through refreshPublicIncident) a change to whether one of its incidents is public.
 *
 * Everything comes from the snapshot of the published version, parts included (case_versions
 * holds the persons, incidents, legal events and interventions with the case), so an edit made
 * since, which is a draft until it is approved and published, shows nowhere.
 */
export async function refreshPublicCase(tx: Tx, caseId: string): Promise<void> {
  const [found] = await tx
    .select({ organizationId: cases.organizationId, publishedVersion: cases.publishedVersion, deletedAt: cases.deletedAt, publisher: organizations.name })
    .from(cases)
    .innerJoin(organizations, eq(organizations.id, cases.organizationId))
    .where(eq(cases.id, caseId));
  const [version] =
    found && !found.deletedAt && found.publishedVersion !== null
      ? await tx
          .select({ snapshot: caseVersions.snapshot, savedAt: caseVersions.savedAt, savedBy: caseVersions.savedBy })
          .from(caseVersions)
          .where(and(eq(caseVersions.caseId, caseId), eq(caseVersions.version, found.publishedVersion)))
      : [];
  if (!found || !version || found.publishedVersion === null) {
    await tx.delete(publicCases).where(eq(publicCases.caseId, caseId));
    return;
  }
  const snapshot = version.snapshot as CaseSnapshot;
  const input = await loadCaseProjectionInput(tx, found.organizationId, snapshot);
  const projected = projectCase(input);

  // Only the incidents that are public now, as the public sees them; the others are left out entirely.
  const incidentIds = snapshot.incidents.map((incident) => incident.id);
  const incidentsRow: PublicCaseIncident[] = incidentIds.length
    ? await tx
        .select({ id: publicIncidents.incidentId, title: publicIncidents.title, startDate: publicIncidents.startDate, datePrecision: publicIncidents.datePrecision })
        .from(publicIncidents)
        .where(inArray(publicIncidents.incidentId, incidentIds))
        .orderBy(publicIncidents.startDate, publicIncidents.incidentId)
    : [];

  const row = {
    ...projected,
    caseId,
    publisher: found.publisher,
    incidents: incidentsRow,
    publishedVersion: found.publishedVersion,
    ...(await publicationDates(tx, caseReviews, caseId, version.savedAt)),
  };
  const [before] = await tx.select({ version: publicCases.publishedVersion }).from(publicCases).where(eq(publicCases.caseId, caseId));
  await tx.insert(publicCases).values(row).onConflictDoUpdate({ target: publicCases.caseId, set: row });
  await refreshPublicCopies(tx, 'case', caseId, {
    detectorOf: () => caseProtection(input).detector,
    publication: before?.version !== found.publishedVersion ? { version: found.publishedVersion, at: row.updatedAt, by: version.savedBy } : null,
  });
}

/** Cases that are public, or were until now (their row must go). */
const publicOrWasPublic = or(isNotNull(cases.publishedVersion), isNotNull(publicCases.caseId));

/** Refreshes every public case that links the incident (its public title or presence may have changed). */
export async function refreshPublicCasesWithIncident(tx: Tx, incidentId: string): Promise<void> {
  const rows = await tx
    .select({ id: caseIncidents.caseId })
    .from(caseIncidents)
    .innerJoin(cases, eq(cases.id, caseIncidents.caseId))
    .leftJoin(publicCases, eq(publicCases.caseId, cases.id))
    .where(and(eq(caseIncidents.incidentId, incidentId), publicOrWasPublic));
  for (const row of rows) await refreshPublicCase(tx, row.id);
}

/**
 * Refreshes every case that is, or was, public and belongs to the organization or links one of its
 * incidents (a case of another organization may hold incidents shared with it), once each: after
 * an import or a change of protection altered many records at once.
 */
export async function refreshPublicCasesOf(tx: Tx, organizationId: string): Promise<number> {
  const linksOneOfItsIncidents = exists(
    tx
      .select({ one: caseIncidents.incidentId })
      .from(caseIncidents)
      .innerJoin(incidents, eq(incidents.id, caseIncidents.incidentId))
      .where(and(eq(caseIncidents.caseId, cases.id), eq(incidents.organizationId, organizationId))),
  );
  const rows = await tx
    .select({ id: cases.id })
    .from(cases)
    .leftJoin(publicCases, eq(publicCases.caseId, cases.id))
    .where(and(publicOrWasPublic, or(eq(cases.organizationId, organizationId), linksOneOfItsIncidents)));
  for (const row of rows) await refreshPublicCase(tx, row.id);
  return rows.length;
}
