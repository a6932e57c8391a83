import { and, desc, eq, inArray, isNotNull, or } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { incidentReviews, incidentVersions, incidents, organizations, persons, publicIncidents, sources } from '@/db/schema';
import type { PublicVictim } from '@/db/schema';
import type { IncidentSnapshot } from '../incidents/snapshot';
import { refreshPublicCasesOf, refreshPublicCasesWithIncident } from './public-case';
import { withPublicCounts } from './public-counts';
import { publicSource } from './public-source';
import { publicMentionRenderer } from './public-mentions';
import { nameRedactor } from './redact-names';

/** Coordinates no finer than what is known: a locality's point to about a kilometre, none for a region or country. */
function coarsen(lat: number | null, lon: number | null, precision: string): { lat: number | null; lon: number | null } {
  if (lat === null || lon === null) return { lat: null, lon: null };
  const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
  if (precision === 'exact') return { lat: round(lat, 4), lon: round(lon, 4) };
  if (precision === 'locality') return { lat: round(lat, 2), lon: round(lon, 2) };
  return { lat: null, lon: null };
}

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
    .select({ snapshot: incidentVersions.snapshot, savedAt: incidentVersions.savedAt })
    .from(incidentVersions)
    .where(and(eq(incidentVersions.incidentId, incidentId), eq(incidentVersions.version, incident.publishedVersion)));
  if (!version) {
    await tx.delete(publicIncidents).where(eq(publicIncidents.incidentId, incidentId));
    return;
  }
  const snapshot = version.snapshot as IncidentSnapshot;

  // Confidentiality is read as it is now: a person marked confidential after publication is protected at once.
  const personIds = snapshot.victims.flatMap((v) => (v.kind === 'person' ? [v.id] : []));
  const personRows = personIds.length
    ? await tx
        .select({ id: persons.id, confidential: persons.confidential, categories: persons.categories })
        .from(persons)
        .where(inArray(persons.id, personIds))
    : [];
  const personById = new Map(personRows.map((row) => [row.id, row]));
  let protectedCount = 0;
  const victims: PublicVictim[] = snapshot.victims.map((victim) => {
    if (victim.kind === 'person') {
      const current = personById.get(victim.id);
      const isProtected = victim.confidential || (current?.confidential ?? true);
      return isProtected
        ? { kind: 'person', name: `Protected person ${++protectedCount}`, protected: true, categories: current?.categories ?? [] }
        : { kind: 'person', name: victim.name, protected: false, categories: current?.categories ?? [] };
    }
    if (victim.kind === 'organization') return { kind: 'organization', name: victim.name };
    return { kind: 'group', name: victim.name, count: victim.count, killed: victim.killed, injured: victim.injured, categories: victim.categories };
  });

  // Every confidential person of the organization, named anywhere in the public text, is replaced too.
  const linkedLabels = new Map<string, string>();
  snapshot.victims.forEach((victim, index) => {
    const shown = victims[index];
    if (victim.kind === 'person' && shown?.kind === 'person' && shown.protected) linkedLabels.set(victim.id, shown.name);
  });
  const confidentialRows = await tx
    .select({ id: persons.id, name: persons.name, aliases: persons.aliases })
    .from(persons)
    .where(and(eq(persons.organizationId, incident.organizationId), eq(persons.confidential, true)));
  const redactNames = nameRedactor([
    ...snapshot.victims.flatMap((v) => (v.kind === 'person' && linkedLabels.has(v.id) ? [{ name: v.name, label: linkedLabels.get(v.id)! }] : [])),
    ...confidentialRows.map((row) => ({ name: row.name, aliases: row.aliases, label: linkedLabels.get(row.id) ?? 'Protected person' })),
  ]);
  // Mentions (common/mentions.ts) are rendered first, as the public reads them; the detector then sees that text.
  const renderMentioned = await publicMentionRenderer(tx, incident.organizationId, [JSON.stringify(snapshot)], (id) => linkedLabels.get(id));
  const redact = (text: string | null) => redactNames(renderMentioned(text));

  const sourceIds = snapshot.sources.map((s) => s.id);
  const sourceRows = sourceIds.length
    ? await tx
        .select({ id: sources.id, title: sources.title, publisher: sources.publisher, publishedOn: sources.publishedOn, referenceCode: sources.referenceCode, url: sources.url })
        .from(sources)
        .where(inArray(sources.id, sourceIds))
    : [];
  const sourceById = new Map(sourceRows.map((row) => [row.id, row]));

  const [publishedReview] = await tx
    .select({ at: incidentReviews.decidedAt })
    .from(incidentReviews)
    .where(and(eq(incidentReviews.incidentId, incidentId), eq(incidentReviews.decision, 'published')))
    .orderBy(desc(incidentReviews.id))
    .limit(1);

  const row = {
    incidentId,
    publisher: incident.publisher,
    title: redact(snapshot.title) ?? '',
    summary: redact(snapshot.summary),
    startDate: snapshot.date.start,
    endDate: snapshot.date.end,
    datePrecision: snapshot.date.precision,
    country: snapshot.location.country,
    region: snapshot.location.region,
    locality: snapshot.location.precision === 'region' || snapshot.location.precision === 'country' ? null : snapshot.location.locality,
    ...coarsen(snapshot.location.lat, snapshot.location.lon, snapshot.location.precision),
    locationPrecision: snapshot.location.precision,
    violationTypes: snapshot.violationTypes,
    defenderCategories: [...new Set(victims.flatMap((v) => ('categories' in v ? v.categories : [])))].sort(),
    perpetratorTypes: [...new Set(snapshot.perpetrators.map((p) => p.typeCode))].sort(),
    victims: victims.map((v) => (v.kind === 'group' ? { ...v, name: redact(v.name) ?? '' } : v)),
    perpetrators: snapshot.perpetrators.map((p) => ({ type: p.typeCode, name: redact(p.name) })),
    legal: snapshot.legalProvisions.map((provision) => ({ ...provision, title: redact(provision.title) })),
    sources: snapshot.sources.map((s) => publicSource(redact, sourceById.get(s.id) ?? { title: s.title, publisher: null, publishedOn: null, referenceCode: null, url: null })),
    publishedVersion: incident.publishedVersion,
    publishedAt: publishedReview?.at ?? version.savedAt,
  };
  await tx.insert(publicIncidents).values(row).onConflictDoUpdate({ target: publicIncidents.incidentId, set: row });
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

