import { and, desc, eq, gte, inArray, isNull, lte, ne, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { incidentShares, incidents, organizations, persons, publicIncidents } from '@/db/schema';
import { recordAudit } from '../audit/record';
import { notFound } from '../errors';
import { nameRedactor } from '../publishing/redact-names';
import type { IncidentDetail } from './read';

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

/** The other organizations on the platform, to share with. */
export function listShareTargets(db: DbOrTx, exceptOrganizationId: string) {
  return db
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(ne(organizations.id, exceptOrganizationId))
    .orderBy(organizations.name);
}

export function listSharesOf(db: DbOrTx, incidentId: string) {
  return db
    .select({ organizationId: incidentShares.organizationId, name: organizations.name, sharedAt: incidentShares.sharedAt })
    .from(incidentShares)
    .innerJoin(organizations, eq(organizations.id, incidentShares.organizationId))
    .where(eq(incidentShares.incidentId, incidentId));
}

/** Incidents other organizations shared with the viewer's organizations. */
export async function listSharedWith(db: DbOrTx, organizationIds: string[]) {
  if (!organizationIds.length) return [];
  return db
    .selectDistinct({
      id: incidents.id,
      title: incidents.title,
      startDate: incidents.startDate,
      datePrecision: incidents.datePrecision,
      status: incidents.status,
      ownerName: organizations.name,
    })
    .from(incidentShares)
    .innerJoin(incidents, eq(incidents.id, incidentShares.incidentId))
    .innerJoin(organizations, eq(organizations.id, incidents.organizationId))
    .where(and(inArray(incidentShares.organizationId, organizationIds), isNull(incidents.deletedAt)))
    .orderBy(desc(incidents.startDate))
    .limit(200);
}

/**
 * What a member of an organization the incident is shared with may read: no confidential person's
 * name (a stable neutral label instead) and no names of the owning organization's staff. As on the
 * public side (server/services/publishing/public-record.ts), the name of every confidential person
 * of the owning organization is replaced wherever the text names them too: in the title, the
 * summary, the sources' titles, the names of perpetrators and groups.
 */
export async function redactForSharedReader(db: DbOrTx, detail: IncidentDetail): Promise<IncidentDetail> {
  let protectedCount = 0;
  const labels = new Map<string, string>();
  const victims = detail.victims.map((victim) => {
    if (victim.kind !== 'person' || !victim.confidential) return victim;
    const label = `Protected person ${++protectedCount}`;
    labels.set(victim.id, label);
    return { ...victim, id: '', ref: '', name: label };
  });
  const confidentialRows = await db
    .select({ id: persons.id, name: persons.name })
    .from(persons)
    .where(and(eq(persons.organizationId, detail.organizationId), eq(persons.confidential, true)));
  const redact = nameRedactor([
    ...detail.victims.flatMap((v) => (v.kind === 'person' && labels.has(v.id) ? [{ name: v.name, label: labels.get(v.id)! }] : [])),
    ...confidentialRows.map((row) => ({ name: row.name, label: labels.get(row.id) ?? 'Protected person' })),
  ]);
  return {
    ...detail,
    title: redact(detail.title) ?? '',
    summary: redact(detail.summary),
    createdBy: null,
    updatedBy: null,
    victims: victims.map((victim) => (victim.kind === 'person' ? victim : { ...victim, name: redact(victim.name) ?? '' })),
    perpetrators: detail.perpetrators.map((perpetrator) => ({ ...perpetrator, name: redact(perpetrator.name) })),
    legalProvisions: detail.legalProvisions.map((provision) => ({ ...provision, title: redact(provision.title) })),
    sources: detail.sources.map((source) => ({ ...source, title: redact(source.title) ?? '' })),
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
  const seen = new Set<string>();
  return [...shared, ...published]
    .filter((row) => !seen.has(row.id) && seen.add(row.id))
    .slice(0, 20)
    .map(({ id: _id, ...row }) => row);
}
