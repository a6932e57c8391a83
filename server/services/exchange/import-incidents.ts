import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { storedRegion } from '@/common/regions';
import { incidents } from '@/db/schema';
import { recordIncidentVersion } from '@/server/services/incidents/history';
import { replaceIncidentLinks } from '@/server/services/incidents/links';
import { findOrCreateLegalProvision, type ResolvedLinks } from '@/server/services/incidents/references';
import { chunk, differs, sameContent } from './compare';
import type { ExchangeIncident } from './document';
import { comparableLinks, followMergedPersons, linksFromFile, loadLinksByRef, type LinksByRef } from './links-by-ref';
import { emptyCounts, type ImportCounts } from './summary';

/** How many incidents are compared and written per step; progress is reported after each step. */
export const incidentsPerStep = 250;

/** Row ids of the records an incident can point at, by ref (see the other importers). */
export type RecordIds = {
  persons: ReadonlyMap<string, string>;
  organizations: ReadonlyMap<string, string>;
  sources: ReadonlyMap<string, string>;
  /** Refs of persons merged into another record, with the ref of the record that remains (see importPersons). */
  personAliases?: ReadonlyMap<string, string>;
};

function columns(incident: ExchangeIncident) {
  return {
    title: incident.title,
    summary: incident.summary ?? null,
    // Stored exactly as written: a month-precision date need not be the 1st, and the file's day is kept.
    startDate: incident.date.start,
    endDate: incident.date.end ?? null,
    datePrecision: incident.date.precision,
    country: incident.location.country,
    // Files name regions in English text (or any spelling, or a code): a known one is stored as its code, other text as written.
    region: storedRegion(incident.location.region, incident.location.country),
    locality: incident.location.locality ?? null,
    lat: incident.location.lat ?? null,
    lon: incident.location.lon ?? null,
    locationPrecision: incident.location.precision,
    violationTypes: incident.violation_types,
    reviewStatus: incident.status ?? 'draft',
  } satisfies Partial<typeof incidents.$inferInsert>;
}

type Params = {
  organizationId: string;
  actingUserId: string | null;
  records: readonly ExchangeIncident[];
  ids: RecordIds;
  onProgress?: (done: number, total: number) => void;
};

/**
 * Upserts incidents by (organization, ref). An incident whose content is unchanged is not touched:
 * no new version, no history entry. A new one starts at version 1, a changed one goes up by one;
 * either way its history records the import and who ran it.
 */
export async function importIncidents(
  tx: Tx,
  params: Params,
): Promise<{ counts: ImportCounts; deletedLeftAlone: number; ids: Map<string, string> }> {
  const { organizationId, actingUserId, records } = params;
  const counts = emptyCounts();
  const incidentIds = new Map<string, string>();
  let deletedLeftAlone = 0;
  // Provisions are shared and few; each is looked up once per import.
  const provisionIds = new Map<string, string>();

  const resolve = async (links: LinksByRef): Promise<ResolvedLinks> => {
    const legalProvisionIds: string[] = [];
    for (const provision of links.legal) {
      const key = `${provision.code ?? ''}\u0000${provision.article}`;
      let id = provisionIds.get(key);
      if (!id) {
        id = await findOrCreateLegalProvision(tx, provision);
        provisionIds.set(key, id);
      }
      legalProvisionIds.push(id);
    }
    return {
      victims: links.victims.map(({ person, organization, ...victim }) => ({
        ...victim,
        personId: person === null ? null : (params.ids.persons.get(person) as string),
        documentedOrganizationId: organization === null ? null : (params.ids.organizations.get(organization) as string),
      })),
      perpetrators: links.perpetrators,
      legalProvisionIds,
      sourceIds: links.sources.map((ref) => params.ids.sources.get(ref) as string),
    };
  };

  let done = 0;
  for (const step of chunk(records, incidentsPerStep)) {
    const currentRows = await tx
      .select()
      .from(incidents)
      .where(and(eq(incidents.organizationId, organizationId), inArray(incidents.ref, step.map((record) => record.ref))));
    const current = new Map(currentRows.map((row) => [row.ref, row]));
    const currentLinks = await loadLinksByRef(tx, currentRows.map((row) => row.id));
    const created: { record: ExchangeIncident; links: LinksByRef }[] = [];

    for (const record of step) {
      const wanted = columns(record);
      const links = followMergedPersons(linksFromFile(record), params.ids.personAliases);
      const row = current.get(record.ref);
      if (!row) {
        created.push({ record, links });
        continue;
      }
      incidentIds.set(record.ref, row.id);
      if (row.deletedAt) {
        deletedLeftAlone++;
      } else if (!differs(row, wanted) && sameContent(comparableLinks(currentLinks.get(row.id) as LinksByRef), comparableLinks(links))) {
        counts.unchanged++;
      } else {
        const [updated] = await tx
          .update(incidents)
          .set({
            ...wanted,
            version: sql`${incidents.version} + 1`,
            // What the public sees follows the file: a published record shows this version, a retracted one nothing.
            ...(wanted.reviewStatus === 'published' ? { publishedVersion: sql`${incidents.version} + 1` } : {}),
            ...(wanted.reviewStatus === 'archived' ? { publishedVersion: null } : {}),
            updatedBy: actingUserId,
            updatedAt: sql`now()`,
          })
          .where(eq(incidents.id, row.id))
          .returning({ version: incidents.version });
        await replaceIncidentLinks(tx, row.id, await resolve(links));
        await recordIncidentVersion(tx, { incidentId: row.id, version: updated!.version, savedBy: actingUserId, savedVia: 'import' });
        counts.updated++;
      }
    }

    if (created.length > 0) {
      const inserted = await tx
        .insert(incidents)
        .values(
          created.map(({ record }) => ({
            ...columns(record),
            organizationId,
            ref: record.ref,
            version: 1,
            publishedVersion: record.status === 'published' ? 1 : null,
            createdBy: actingUserId,
            updatedBy: actingUserId,
          })),
        )
        .returning({ id: incidents.id, ref: incidents.ref });
      const insertedIds = new Map(inserted.map((row) => [row.ref, row.id]));
      for (const { record, links } of created) {
        const id = insertedIds.get(record.ref) as string;
        incidentIds.set(record.ref, id);
        await replaceIncidentLinks(tx, id, await resolve(links));
        await recordIncidentVersion(tx, { incidentId: id, version: 1, savedBy: actingUserId, savedVia: 'import' });
        counts.created++;
      }
    }

    done += step.length;
    params.onProgress?.(done, records.length);
  }
  if (records.length === 0) params.onProgress?.(0, 0);
  return { counts, deletedLeftAlone, ids: incidentIds };
}
