import 'server-only';
import { asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import {
  documentedOrganizations,
  incidentPerpetrators,
  incidentSources,
  incidentVictims,
  persons,
  sources,
} from '@/db/schema';
import type { ResolvedLinks } from '@/server/services/incidents/references';
import { incidentCitations, loadCitedProvisions, type CitedProvision } from '../records/cited-provisions';
import { chunk } from './compare';
import type { ExchangeIncident } from './document';

/**
 * An incident's victims, perpetrators, provisions and sources with records named by ref: the form in
 * which a file and the database can be compared (import) and from which a file is written (export).
 */
export type LinksByRef = {
  victims: (Omit<ResolvedLinks['victims'][number], 'personId' | 'documentedOrganizationId'> & {
    person: string | null;
    organization: string | null;
  })[];
  perpetrators: ResolvedLinks['perpetrators'];
  legal: CitedProvision[];
  sources: string[];
};

export function linksFromFile(incident: ExchangeIncident): LinksByRef {
  return {
    victims: (incident.victims ?? []).map((victim) => ({
      person: victim.person ?? null,
      organization: victim.organization ?? null,
      groupName: victim.group ?? null,
      count: victim.count ?? null,
      killed: victim.killed ?? null,
      injured: victim.injured ?? null,
      categories: victim.categories ?? [],
    })),
    perpetrators: (incident.perpetrators ?? []).map((p) => ({ typeCode: p.type, name: p.name ?? null })),
    legal: (incident.legal ?? []).map((l) => ({ code: l.code || null, article: l.article, title: l.title ?? null })),
    sources: incident.sources ?? [],
  };
}

/**
 * A file made before two person records were merged still names the duplicate: its victims are
 * the remaining record, named once (the merge left one link where an incident named both).
 */
export function followMergedPersons(links: LinksByRef, aliases: ReadonlyMap<string, string> | undefined): LinksByRef {
  if (!aliases?.size || !links.victims.some((victim) => victim.person !== null && aliases.has(victim.person))) return links;
  const seen = new Set<string>();
  const victims = links.victims.flatMap((victim) => {
    if (victim.person === null) return [victim];
    const person = aliases.get(victim.person) ?? victim.person;
    if (seen.has(person)) return [];
    seen.add(person);
    return [{ ...victim, person }];
  });
  return { ...links, victims };
}

/**
 * What an import compares: a provision is identified by code and article; its title is shared by
 * every organization and kept as first known, so a file's different wording is not an incident change.
 */
export function comparableLinks(links: LinksByRef) {
  return { ...links, legal: links.legal.map(({ code, article }) => ({ code, article })) };
}

function emptyLinks(): LinksByRef {
  return { victims: [], perpetrators: [], legal: [], sources: [] };
}

/**
 * The links of many incidents at once, one query per link table per slice of ids, rather than the
 * five queries per incident that a snapshot takes: an import of 100,000 incidents compares them all.
 */
export async function loadLinksByRef(db: DbOrTx, incidentIds: readonly string[]): Promise<Map<string, LinksByRef>> {
  const links = new Map<string, LinksByRef>(incidentIds.map((id) => [id, emptyLinks()]));
  const of = (incidentId: string) => links.get(incidentId) as LinksByRef;

  for (const ids of chunk(incidentIds, 1000)) {
    const victimRows = await db
      .select({
        incidentId: incidentVictims.incidentId,
        person: persons.ref,
        organization: documentedOrganizations.ref,
        groupName: incidentVictims.groupName,
        count: incidentVictims.count,
        killed: incidentVictims.killed,
        injured: incidentVictims.injured,
        categories: incidentVictims.categories,
      })
      .from(incidentVictims)
      .leftJoin(persons, eq(persons.id, incidentVictims.personId))
      .leftJoin(documentedOrganizations, eq(documentedOrganizations.id, incidentVictims.documentedOrganizationId))
      .where(inArray(incidentVictims.incidentId, ids))
      .orderBy(asc(incidentVictims.incidentId), asc(incidentVictims.position));
    for (const { incidentId, ...victim } of victimRows) of(incidentId).victims.push(victim);

    const perpetratorRows = await db
      .select({ incidentId: incidentPerpetrators.incidentId, typeCode: incidentPerpetrators.typeCode, name: incidentPerpetrators.name })
      .from(incidentPerpetrators)
      .where(inArray(incidentPerpetrators.incidentId, ids))
      .orderBy(asc(incidentPerpetrators.incidentId), asc(incidentPerpetrators.position));
    for (const { incidentId, ...perpetrator } of perpetratorRows) of(incidentId).perpetrators.push(perpetrator);

    for (const [incidentId, provisions] of await loadCitedProvisions(db, incidentCitations, ids)) of(incidentId).legal.push(...provisions);

    const sourceRows = await db
      .select({ incidentId: incidentSources.incidentId, ref: sources.ref })
      .from(incidentSources)
      .innerJoin(sources, eq(sources.id, incidentSources.sourceId))
      .where(inArray(incidentSources.incidentId, ids))
      .orderBy(asc(incidentSources.incidentId), asc(incidentSources.position));
    for (const { incidentId, ref } of sourceRows) of(incidentId).sources.push(ref);
  }
  return links;
}
