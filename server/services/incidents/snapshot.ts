import 'server-only';
import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import {
  documentedOrganizations,
  incidentPerpetrators,
  incidentSources,
  incidentVictims,
  incidents,
  persons,
  sources,
} from '@/db/schema';
import type { DatePrecision, LocationPrecision, ReviewStatus } from '@/db/schema';
import { incidentCitations, loadCitedProvisions, type CitedProvision } from '../records/cited-provisions';

/**
 * A saved version of an incident as people read it: names resolved, lists in order. History keeps
 * one per version, and the diff between two of them is what reviewers and monitors see.
 */
export type IncidentSnapshot = {
  ref: string;
  title: string;
  summary: string | null;
  status: ReviewStatus;
  date: { start: string; end: string | null; precision: DatePrecision };
  location: {
    country: string;
    region: string | null;
    locality: string | null;
    lat: number | null;
    lon: number | null;
    precision: LocationPrecision;
  };
  violationTypes: string[];
  victims: SnapshotVictim[];
  perpetrators: { typeCode: string; name: string | null }[];
  legalProvisions: CitedProvision[];
  sources: { id: string; ref: string; title: string }[];
};

export type SnapshotVictim =
  | { kind: 'person'; id: string; ref: string; name: string; confidential: boolean }
  | { kind: 'organization'; id: string; ref: string; name: string }
  | { kind: 'group'; name: string; count: number | null; killed: number | null; injured: number | null; categories: string[] };

/** Reads the incident and its links as they are now; null when there is no such incident. */
export async function loadIncidentSnapshot(db: DbOrTx, incidentId: string): Promise<IncidentSnapshot | null> {
  const [incident] = await db.select().from(incidents).where(eq(incidents.id, incidentId));
  if (!incident) return null;

  const [victimRows, perpetratorRows, cited, sourceRows] = await Promise.all([
    db
      .select({
        victim: incidentVictims,
        person: { id: persons.id, ref: persons.ref, name: persons.name, confidential: persons.confidential },
        organization: { id: documentedOrganizations.id, ref: documentedOrganizations.ref, name: documentedOrganizations.name },
      })
      .from(incidentVictims)
      .leftJoin(persons, eq(persons.id, incidentVictims.personId))
      .leftJoin(documentedOrganizations, eq(documentedOrganizations.id, incidentVictims.documentedOrganizationId))
      .where(eq(incidentVictims.incidentId, incidentId))
      .orderBy(asc(incidentVictims.position)),
    db
      .select({ typeCode: incidentPerpetrators.typeCode, name: incidentPerpetrators.name })
      .from(incidentPerpetrators)
      .where(eq(incidentPerpetrators.incidentId, incidentId))
      .orderBy(asc(incidentPerpetrators.position)),
    loadCitedProvisions(db, incidentCitations, [incidentId]),
    db
      .select({ id: sources.id, ref: sources.ref, title: sources.title })
      .from(incidentSources)
      .innerJoin(sources, eq(sources.id, incidentSources.sourceId))
      .where(eq(incidentSources.incidentId, incidentId))
      .orderBy(asc(incidentSources.position)),
  ]);

  const victims: SnapshotVictim[] = victimRows.map(({ victim, person, organization }) => {
    if (person) return { kind: 'person', ...person };
    if (organization) return { kind: 'organization', ...organization };
    return {
      kind: 'group',
      name: victim.groupName ?? '',
      count: victim.count,
      killed: victim.killed,
      injured: victim.injured,
      categories: victim.categories,
    };
  });

  return {
    ref: incident.ref,
    title: incident.title,
    summary: incident.summary,
    status: incident.reviewStatus,
    date: { start: incident.startDate, end: incident.endDate, precision: incident.datePrecision },
    location: {
      country: incident.country,
      region: incident.region,
      locality: incident.locality,
      lat: incident.lat,
      lon: incident.lon,
      precision: incident.locationPrecision,
    },
    violationTypes: incident.violationTypes,
    victims,
    perpetrators: perpetratorRows,
    legalProvisions: cited.get(incidentId) ?? [],
    sources: sourceRows,
  };
}
