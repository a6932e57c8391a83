import 'server-only';
import { and, eq, isNotNull, or } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { incidentReviews, incidentVersions, incidents, organizations, publicIncidents } from '@/db/schema';
import type { IncidentSnapshot } from '../incidents/snapshot';
import { refreshPublicCopies } from '../files/public-copies';
import { incidentProtection, projectIncident } from './project-incident';
import { publicationDates } from './publication-dates';
import { loadIncidentProjectionInput } from './projection-input';
import { refreshPublicCasesOf, refreshPublicCasesWithIncident } from './public-case';
import { withPublicCounts } from './public-counts';
import { publicSearchColumns } from '../search/public-document';
import { writeExportTexts } from '@/server/public/export-texts';

/**
 * Rewrites an incident's row in the public read model from its published version, or removes the
 * row when nothing of it is public (never published, retracted, deleted), and the public counts
 * with it. Call it inside the transaction that changed what is public, so every public surface
 * changes at the same moment.
 */
export async function refreshPublicIncident(tx: Tx, incidentId: string, options: { cases?: boolean } = {}): Promise<void> {
  await withPublicCounts(tx, incidentId, () => rewritePublicIncident(tx, incidentId));
  // A public case shows its incidents that are public, with their public title. A caller refreshing
  // many incidents at once (refreshPublicIncidentsOf) refreshes their cases once, at the end.
  if (options.cases !== false) await refreshPublicCasesWithIncident(tx, incidentId);
}

async function rewritePublicIncident(tx: Tx, incidentId: string): Promise<void> {
  const [incident] = await tx
    .select({
      organizationId: incidents.organizationId,
      publishedVersion: incidents.publishedVersion,
      deletedAt: incidents.deletedAt,
      publisher: organizations.name,
    })
    .from(incidents)
    .innerJoin(organizations, eq(organizations.id, incidents.organizationId))
    .where(eq(incidents.id, incidentId));
  if (!incident || incident.deletedAt || incident.publishedVersion === null) {
    await tx.delete(publicIncidents).where(eq(publicIncidents.incidentId, incidentId));
    return;
  }
  const [version] = await tx
    .select({ snapshot: incidentVersions.snapshot, savedAt: incidentVersions.savedAt, savedBy: incidentVersions.savedBy })
    .from(incidentVersions)
    .where(and(eq(incidentVersions.incidentId, incidentId), eq(incidentVersions.version, incident.publishedVersion)));
  if (!version) {
    await tx.delete(publicIncidents).where(eq(publicIncidents.incidentId, incidentId));
    return;
  }
  const snapshot = version.snapshot as IncidentSnapshot;
  const input = await loadIncidentProjectionInput(tx, incident.organizationId, snapshot);
  const projected = projectIncident(input);

  const row = {
    ...projected,
    ...publicSearchColumns(projected),
    incidentId,
    publisher: incident.publisher,
    publishedVersion: incident.publishedVersion,
    ...(await publicationDates(tx, incidentReviews, incidentId, version.savedAt)),
  };
  const [before] = await tx.select({ version: publicIncidents.publishedVersion }).from(publicIncidents).where(eq(publicIncidents.incidentId, incidentId));
  await tx.insert(publicIncidents).values(row).onConflictDoUpdate({ target: publicIncidents.incidentId, set: row });
  // Its lines of the public exports, made from the row just written, in the same transaction.
  await writeExportTexts(tx, eq(publicIncidents.incidentId, incidentId));
  const isNew = before?.version !== incident.publishedVersion;
  await refreshPublicCopies(tx, 'incident', incidentId, {
    detectorOf: () => incidentProtection(input).detector,
    publication: isNew ? { version: incident.publishedVersion, at: row.updatedAt, by: version.savedBy } : null,
  });
}

/**
 * Refreshes every incident of an organization that is, or was, public, and then every case that is,
 * or was, public and belongs to the organization or links one of these incidents (after an import
 * or a change of protection altered many at once).
 */
export async function refreshPublicIncidentsOf(tx: Tx, organizationId: string): Promise<number> {
  const rows = await tx
    .select({ id: incidents.id })
    .from(incidents)
    .leftJoin(publicIncidents, eq(publicIncidents.incidentId, incidents.id))
    .where(and(eq(incidents.organizationId, organizationId), or(isNotNull(incidents.publishedVersion), isNotNull(publicIncidents.incidentId))));
  for (const row of rows) await refreshPublicIncident(tx, row.id, { cases: false });
  await refreshPublicCasesOf(tx, organizationId);
  return rows.length;
}

