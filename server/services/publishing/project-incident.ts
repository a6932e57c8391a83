import 'server-only';
import type { PublicSource, PublicVictim, publicIncidents } from '@/db/schema';
import type { IncidentSnapshot } from '../incidents/snapshot';
import { projectFields, type ProjectedText } from './project-fields';
import { noMentions, publicMentionRenderer, type MentionedRecords } from './public-mentions';
import { protectionFor, type ConfidentialPerson, type Protection } from './protection';
import { documentedOrganizationFields, incidentFields, legalProvisionFields, perpetratorFields, personFields, victimFields } from './public-fields';
import { publicSource, type SourceFields } from './public-source';

/** What the projection of an incident needs besides its snapshot, read as it is now (projection-input.ts loads it). */
export type IncidentProjectionInput = {
  snapshot: IncidentSnapshot;
  /** The victims' person records now: confidentiality is read as it is now, so a person marked confidential after publication is protected at once. */
  personsNow: Map<string, { confidential: boolean; categories: string[]; aliases: string[] }>;
  /** Every confidential person of the owning organization, named anywhere in the text or not. */
  confidentialPersons: ConfidentialPerson[];
  /** Sources are cited as they are now described (a corrected title or address shows at once). */
  sourcesNow: Map<string, SourceFields>;
  /** The records its texts mention, as they are now (none when not loaded). */
  mentioned?: MentionedRecords;
};

/** An incident as it may leave the workspace: the public row's fields, without who published it and when. */
export type ProjectedIncident = Omit<typeof publicIncidents.$inferInsert, 'incidentId' | 'publisher' | 'publishedVersion' | 'publishedAt'>;

/** Who is protected in the incident: its person victims in order, and the organization's confidential persons. */
export function incidentProtection(input: IncidentProjectionInput): Protection {
  const people = input.snapshot.victims.flatMap((victim) => {
    if (victim.kind !== 'person') return [];
    const now = input.personsNow.get(victim.id);
    // An unknown person (deleted since) is protected: nothing says they may be named.
    return [{ id: victim.id, name: victim.name, aliases: now?.aliases ?? [], protected: victim.confidential || (now?.confidential ?? true) }];
  });
  return protectionFor(people, input.confidentialPersons);
}

/**
 * Projects an incident into what may leave the workspace, from loaded data only (no database):
 * the public read model writes it as a row, other organizations read it, and the reviewer's preview
 * shows it before publication (`record` receives every text the treatments saw).
 */
export function projectIncident(input: IncidentProjectionInput, record?: (entry: ProjectedText) => void): ProjectedIncident {
  const { snapshot } = input;
  const { labels, detector } = incidentProtection(input);
  const render = publicMentionRenderer(input.mentioned ?? noMentions, (id) => labels.get(id));
  const context = { detector, record, render };

  const victims: PublicVictim[] = snapshot.victims.map((victim) => {
    if (victim.kind === 'person') {
      const label = labels.get(victim.id) ?? null;
      const shown = projectFields('persons', personFields, { name: victim.name, categories: input.personsNow.get(victim.id)?.categories ?? [] }, { ...context, label });
      return { kind: 'person', name: shown.name, protected: label !== null, categories: shown.categories };
    }
    if (victim.kind === 'organization') {
      return { kind: 'organization', name: projectFields('documented_organizations', documentedOrganizationFields, { name: victim.name }, context).name ?? '' };
    }
    const group = projectFields(
      'incident_victims',
      victimFields,
      { groupName: victim.name, count: victim.count, killed: victim.killed, injured: victim.injured, categories: victim.categories },
      context,
    );
    return { kind: 'group', name: group.groupName ?? '', count: group.count, killed: group.killed, injured: group.injured, categories: group.categories };
  });

  const { location, date } = snapshot;
  const incident = projectFields(
    'incidents',
    incidentFields,
    {
      title: snapshot.title,
      summary: snapshot.summary,
      startDate: date.start,
      endDate: date.end,
      datePrecision: date.precision,
      country: location.country,
      region: location.region,
      locality: location.locality,
      lat: location.lat,
      lon: location.lon,
      locationPrecision: location.precision,
      violationTypes: snapshot.violationTypes,
    },
    context,
  );

  const sources: PublicSource[] = snapshot.sources.map((s) =>
    publicSource(context, input.sourcesNow.get(s.id) ?? { title: s.title, publisher: null, publishedOn: null, referenceCode: null, url: null }),
  );

  return {
    ...incident,
    title: incident.title ?? '',
    defenderCategories: [...new Set(victims.flatMap((v) => ('categories' in v ? v.categories : [])))].sort(),
    perpetratorTypes: [...new Set(snapshot.perpetrators.map((p) => p.typeCode))].sort(),
    victims,
    perpetrators: snapshot.perpetrators.map((p) => {
      const shown = projectFields('incident_perpetrators', perpetratorFields, { typeCode: p.typeCode, name: p.name }, context);
      return { type: shown.typeCode, name: shown.name };
    }),
    legal: snapshot.legalProvisions.map((provision) => projectFields('legal_provisions', legalProvisionFields, { ...provision }, context)),
    sources,
  };
}
