import 'server-only';
import { and, desc, eq, gte, inArray, isNull, lte, ne, notInArray, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { incidents, incidentShares, organizations, publicIncidents } from '@/db/schema';
import { recordAudit } from '../audit/record';
import { notFound } from '../../errors';
import { projectFields } from '../publishing/project-fields';
import { projectIncident } from '../publishing/project-incident';
import { loadIncidentProjectionInput } from '../publishing/projection-input';
import { incidentFields } from '../publishing/public-fields';
import { nameDetector } from '../publishing/redact-names';
import type { IncidentDetail } from './read';
import type { SnapshotVictim } from './snapshot';
import { foreignIncidentView } from './foreign-view';
import { unshareFilesOfIncident } from '../files/sharing';

export async function shareIncident(db: Db, params: { incidentId: string; organizationId: string; actorId: string; ownerId: string }) {
  await db.transaction(async (tx) => {
    const [target] = await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, params.organizationId));
    if (!target) throw notFound('organization');
    const inserted = await tx
      .insert(incidentShares)
      .values({ incidentId: params.incidentId, organizationId: params.organizationId, sharedBy: params.actorId })
      .onConflictDoNothing()
      .returning({ incidentId: incidentShares.incidentId });
    if (inserted.length) {
      await recordAudit(tx, {
        actorId: params.actorId,
        action: 'incident.share',
        organizationId: params.ownerId,
        subjectType: 'incident',
        subjectId: params.incidentId,
        details: { with: params.organizationId },
      });
    }
  });
}

export async function unshareIncident(db: Db, params: { incidentId: string; organizationId: string; actorId: string; ownerId: string }) {
  await db.transaction(async (tx) => {
    const removed = await tx
      .delete(incidentShares)
      .where(and(eq(incidentShares.incidentId, params.incidentId), eq(incidentShares.organizationId, params.organizationId)))
      .returning({ incidentId: incidentShares.incidentId });
    if (removed.length) {
      await unshareFilesOfIncident(tx, params.incidentId, params.organizationId, params.actorId);
      await recordAudit(tx, {
        actorId: params.actorId,
        action: 'incident.unshare',
        organizationId: params.ownerId,
        subjectType: 'incident',
        subjectId: params.incidentId,
        details: { with: params.organizationId },
      });
    }
  });
}

/** The other organizations on the platform, to share with: all but the owners of the incidents to share. */
export function listShareTargets(db: DbOrTx, exceptOrganizationIds: string[]) {
  return db
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(exceptOrganizationIds.length ? notInArray(organizations.id, exceptOrganizationIds) : undefined)
    .orderBy(organizations.name);
}

export function listSharesOf(db: DbOrTx, incidentId: string) {
  return db
    .select({ organizationId: incidentShares.organizationId, name: organizations.name, sharedAt: incidentShares.sharedAt })
    .from(incidentShares)
    .innerJoin(organizations, eq(organizations.id, incidentShares.organizationId))
    .where(eq(incidentShares.incidentId, incidentId));
}

/** Incidents other organizations shared with the viewer's organizations, each as its projection for other organizations. */
export async function listSharedWith(db: DbOrTx, organizationIds: string[]) {
  if (!organizationIds.length) return [];
  const rows = await db
    .selectDistinct({
      id: incidents.id,
      title: incidents.title,
      startDate: incidents.startDate,
      datePrecision: incidents.datePrecision,
      ownerName: organizations.name,
    })
    .from(incidentShares)
    .innerJoin(incidents, eq(incidents.id, incidentShares.incidentId))
    .innerJoin(organizations, eq(organizations.id, incidents.organizationId))
    .where(and(inArray(incidentShares.organizationId, organizationIds), isNull(incidents.deletedAt)))
    .orderBy(desc(incidents.startDate))
    .limit(200);
  const view = await foreignIncidentView(db, rows.map((row) => row.id));
  return rows.map(({ ownerName, ...row }) => ({ ...view(row.id, row), ownerName }));
}

/**
 * What a member of an organization the incident is shared with may read: the incident as the
 * projection shared with the public side makes it (server/services/publishing/project-incident.ts,
 * from the one declaration of what may leave), in the shape of the workspace page. No confidential
 * person's name in any field (a stable neutral label instead), places generalized, addresses that
 * name someone left out, no refs or ids of the owner's records and no names of its staff.
 */
export async function redactForSharedReader(db: DbOrTx, detail: IncidentDetail): Promise<IncidentDetail> {
  const shown = projectIncident(await loadIncidentProjectionInput(db, detail.organizationId, detail));
  const { reviewStatus, ...incident } = projectFields(
    'incidents',
    incidentFields,
    { id: detail.id, organizationId: detail.organizationId, reviewStatus: detail.status, version: detail.version, createdAt: detail.createdAt, updatedAt: detail.updatedAt },
    { detector: nameDetector([]) },
  );
  return {
    ...incident,
    status: reviewStatus,
    ref: '',
    createdBy: null,
    updatedBy: null,
    title: shown.title,
    summary: shown.summary ?? null,
    date: { start: shown.startDate, end: shown.endDate ?? null, precision: shown.datePrecision },
    location: {
      country: shown.country,
      region: shown.region ?? null,
      locality: shown.locality ?? null,
      lat: shown.lat ?? null,
      lon: shown.lon ?? null,
      precision: shown.locationPrecision,
    },
    violationTypes: shown.violationTypes,
    victims: shown.victims.map((victim): SnapshotVictim => {
      if (victim.kind === 'person') return { kind: 'person', id: '', ref: '', name: victim.name, confidential: victim.protected };
      if (victim.kind === 'organization') return { kind: 'organization', id: '', ref: '', name: victim.name };
      return victim;
    }),
    perpetrators: shown.perpetrators.map((p) => ({ typeCode: p.type, name: p.name })),
    legalProvisions: shown.legal,
    sources: shown.sources.map((source, index) => ({ id: `source-${index + 1}`, ref: '', title: source.title })),
    // Another organization reads the titles it was shown, nothing more of the sharer's sources.
    sourceDetails: [],
  };
}

/**
 * Incidents of other organizations that look like this one (same country, overlapping violation
 * types, starting within a month of it), among those the viewer could know of anyway: published
 * ones (as the public read model shows them, never a newer draft) and ones shared with one of the
 * viewer's organizations. Drafts, submissions and retracted incidents of others stay unmentioned:
 * even their date, region and types would tell that an organization is working on something.
 * Only the organization, the period, the region and the types are told.
 */
export async function findSimilarElsewhere(db: DbOrTx, incidentId: string, viewerOrganizationIds: string[]) {
  const [incident] = await db
    .select({ organizationId: incidents.organizationId, country: incidents.country, startDate: incidents.startDate, violationTypes: incidents.violationTypes })
    .from(incidents)
    .where(eq(incidents.id, incidentId));
  if (!incident || incident.violationTypes.length === 0) return [];
  const types = sql`ARRAY[${sql.join(incident.violationTypes.map((c) => sql`${c}`), sql`, `)}]::text[]`;
  const near = (t: typeof incidents | typeof publicIncidents) =>
    and(
      eq(t.country, incident.country),
      gte(t.startDate, sql`${incident.startDate}::date - 31`),
      lte(t.startDate, sql`${incident.startDate}::date + 31`),
      sql`${t.violationTypes} && ${types}`,
    );
  const elsewhere = and(ne(incidents.organizationId, incident.organizationId), isNull(incidents.deletedAt));
  const sharedWithViewer =
    viewerOrganizationIds.length === 0
      ? sql`false`
      : sql`EXISTS (SELECT 1 FROM ${incidentShares} WHERE ${incidentShares.incidentId} = ${incidents.id} AND ${inArray(incidentShares.organizationId, viewerOrganizationIds)})`;
  const [shared, published] = await Promise.all([
    db
      .select({ id: incidents.id, organizationName: organizations.name, startDate: incidents.startDate, datePrecision: incidents.datePrecision, region: incidents.region, violationTypes: incidents.violationTypes })
      .from(incidents)
      .innerJoin(organizations, eq(organizations.id, incidents.organizationId))
      .where(and(elsewhere, near(incidents), sharedWithViewer))
      .limit(20),
    db
      .select({ id: incidents.id, organizationName: organizations.name, startDate: publicIncidents.startDate, datePrecision: publicIncidents.datePrecision, region: publicIncidents.region, violationTypes: publicIncidents.violationTypes })
      .from(publicIncidents)
      .innerJoin(incidents, eq(incidents.id, publicIncidents.incidentId))
      .innerJoin(organizations, eq(organizations.id, incidents.organizationId))
      .where(and(elsewhere, near(publicIncidents)))
      .limit(20),
  ]);
  // A shared incident's region is free text of another organization: it may name someone it protects.
  // Published ones come from the public read model, projected already.
  const view = await foreignIncidentView(db, shared.map((row) => row.id));
  const projected = shared.map(({ id, organizationName, ...row }) => ({ id, organizationName, ...view(id, row) }));
  const seen = new Set<string>();
  return [...projected, ...published]
    .filter((row) => !seen.has(row.id) && seen.add(row.id))
    .slice(0, 20)
    .map(({ id: _id, ...row }) => row);
}
