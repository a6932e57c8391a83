import { and, desc, eq, gte, inArray, isNull, lte, ne, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { incidentShares, incidents, organizations, persons } from '@/db/schema';
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
    .select({ id: persons.id, name: persons.name, aliases: persons.aliases })
    .from(persons)
    .where(and(eq(persons.organizationId, detail.organizationId), eq(persons.confidential, true)));
  const redact = nameRedactor([
    ...detail.victims.flatMap((v) => (v.kind === 'person' && labels.has(v.id) ? [{ name: v.name, label: labels.get(v.id)! }] : [])),
    ...confidentialRows.map((row) => ({ name: row.name, aliases: row.aliases, label: labels.get(row.id) ?? 'Protected person' })),
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
 * types, starting within a month of it). Only the organization, the period, the region and the types
 * are told: enough to get in touch, nothing confidential.
 */
export async function findSimilarElsewhere(db: DbOrTx, incidentId: string) {
  const [incident] = await db
    .select({ organizationId: incidents.organizationId, country: incidents.country, startDate: incidents.startDate, violationTypes: incidents.violationTypes })
    .from(incidents)
    .where(eq(incidents.id, incidentId));
  if (!incident) return [];
  return db
    .select({
      organizationName: organizations.name,
      startDate: incidents.startDate,
      datePrecision: incidents.datePrecision,
      region: incidents.region,
      violationTypes: incidents.violationTypes,
    })
    .from(incidents)
    .innerJoin(organizations, eq(organizations.id, incidents.organizationId))
    .where(
      and(
        ne(incidents.organizationId, incident.organizationId),
        isNull(incidents.deletedAt),
        eq(incidents.country, incident.country),
        gte(incidents.startDate, sql`${incident.startDate}::date - 31`),
        lte(incidents.startDate, sql`${incident.startDate}::date + 31`),
        sql`${incidents.violationTypes} && ${sql`ARRAY[${sql.join(incident.violationTypes.map((c) => sql`${c}`), sql`, `)}]::text[]`}`,
      ),
    )
    .limit(20);
}
