import type { IncidentDetail } from '@/server/services/incidents/read';
import { type IncidentFormValues } from '@/common/inputs/incident';
import { isoToPartialDate } from '@/common/partial-date';
import type { Locale, MessageKey } from '@/common/i18n';
import { regionLabel } from '@/common/regions';
import type { IncidentFormDraft } from '@/common/inputs/unfinished-form';

/**
 * The form's working copy of an incident. Text inputs hold text (a half-typed "43," is not a
 * number yet); `toIncidentInput` turns it into exactly the `incidentInput` shape the server takes.
 */

type VictimIn = NonNullable<IncidentFormValues['victims']>[number];
type SourceIn = NonNullable<IncidentFormValues['sources']>[number];
export type VictimKind = VictimIn['kind'];
export type SourceKind = SourceIn['kind'];
export type Gender = NonNullable<Extract<VictimIn, { kind: 'newPerson' }>['person']['gender']>;
export type Reliability = NonNullable<Extract<SourceIn, { kind: 'newSource' }>['source']['reliability']>;

/**
 * The working copy's shape is the schema of an unfinished form kept on the server
 * (common/inputs/unfinished-form.ts), so what the form holds is exactly what can be kept and resumed.
 */
export type IncidentDraft = IncidentFormDraft;
export type VictimDraft = IncidentDraft['victims'][number];
export type PerpetratorDraft = IncidentDraft['perpetrators'][number];
export type LegalProvisionDraft = IncidentDraft['legalProvisions'][number];
export type SourceDraft = IncidentDraft['sources'][number];

let lastKey = 0;
/** React keys for list rows; never sent anywhere. */
export const newKey = () => `row-${++lastKey}`;

export function blankVictim(): VictimDraft {
  return {
    key: newKey(),
    kind: 'newPerson',
    person: null,
    newPerson: { name: '', gender: '', categories: [], roleNote: '', confidential: false },
    organization: null,
    newOrganization: { name: '', acronym: '', kind: '', country: '' },
    group: { name: '', count: '', killed: '', injured: '', categories: [] },
  };
}

export const blankPerpetrator = (): PerpetratorDraft => ({ key: newKey(), typeCode: '', name: '' });
export const blankLegalProvision = (): LegalProvisionDraft => ({ key: newKey(), code: '', article: '', title: '' });
export function blankSource(): SourceDraft {
  return {
    key: newKey(),
    kind: 'newSource',
    source: null,
    newSource: { title: '', publisher: '', publishedOn: '', kind: '', referenceCode: '', url: '', reliability: '' },
  };
}

export function emptyDraft(): IncidentDraft {
  return {
    title: '',
    summary: '',
    date: { precision: 'day', start: '', end: '' },
    // "Country only" claims no more precision than the monitor gives.
    location: { country: 'KZ', region: '', locality: '', lat: '', lon: '', precision: 'country' },
    violationTypes: [],
    victims: [],
    perpetrators: [],
    legalProvisions: [],
    sources: [],
  };
}

const text = (value: string | number | null | undefined) => (value == null ? '' : String(value));

/** The draft for editing a saved incident (as `incident.get` returns it). */
export function draftFromIncident(incident: IncidentDetail, locale: Locale): IncidentDraft {
  const { date, location } = incident;
  return {
    title: incident.title,
    summary: text(incident.summary),
    date: {
      precision: date.precision,
      start: isoToPartialDate(date.start, date.precision),
      end: date.end ? isoToPartialDate(date.end, date.precision) : '',
    },
    location: {
      country: location.country,
      // The region's name in the monitor's language (the server reads it back as its code).
      region: text(regionLabel(location.region, locale)),
      locality: text(location.locality),
      lat: text(location.lat),
      lon: text(location.lon),
      precision: location.precision,
    },
    violationTypes: [...incident.violationTypes],
    victims: incident.victims.map((victim) => {
      const draft = blankVictim();
      if (victim.kind === 'person') return { ...draft, kind: 'person', person: { id: victim.id, label: victim.name } };
      if (victim.kind === 'organization') return { ...draft, kind: 'organization', organization: { id: victim.id, label: victim.name } };
      return {
        ...draft,
        kind: 'group',
        group: {
          name: victim.name,
          count: text(victim.count),
          killed: text(victim.killed),
          injured: text(victim.injured),
          categories: [...victim.categories],
        },
      };
    }),
    perpetrators: incident.perpetrators.map((p) => ({ key: newKey(), typeCode: p.typeCode, name: text(p.name) })),
    legalProvisions: incident.legalProvisions.map((l) => ({ key: newKey(), code: text(l.code), article: l.article, title: text(l.title) })),
    sources: incident.sources.map((s) => ({ ...blankSource(), kind: 'source', source: { id: s.id, label: s.title } })),
  };
}

/** Problems found while reading numbers, by dotted path, before the schema sees them. */
export type DraftProblems = Record<string, MessageKey>;

function readNumber(value: string, path: string, problems: DraftProblems, message: MessageKey): number | null {
  const written = value.trim().replace(',', '.');
  if (!written) return null;
  const number = Number(written);
  if (Number.isFinite(number)) return number;
  problems[path] = message;
  return null;
}

/** Exactly the `incidentInput` shape; the schema (on both sides) trims, checks and normalises it. */
export function toIncidentInput(draft: IncidentDraft): { values: IncidentFormValues; problems: DraftProblems } {
  const problems: DraftProblems = {};
  const decimal = (value: string, path: string) => readNumber(value, path, problems, 'form.errorNumber');
  const whole = (value: string, path: string) => readNumber(value, path, problems, 'form.errorWholeNumber');

  const victims = draft.victims.map((victim, index): VictimIn => {
    const at = `victims.${index}`;
    switch (victim.kind) {
      case 'person':
        return { kind: 'person', personId: victim.person?.id ?? '' };
      case 'organization':
        return { kind: 'organization', documentedOrganizationId: victim.organization?.id ?? '' };
      case 'newPerson': {
        const { name, gender, categories, roleNote, confidential } = victim.newPerson;
        return { kind: 'newPerson', person: { name, gender: gender || null, categories, roleNote, confidential } };
      }
      case 'newOrganization': {
        const { name, acronym, kind, country } = victim.newOrganization;
        return { kind: 'newOrganization', organization: { name, acronym, kind, country: country.trim() || null } };
      }
      case 'group': {
        const { name, count, killed, injured, categories } = victim.group;
        return {
          kind: 'group',
          groupName: name,
          count: whole(count, `${at}.count`),
          killed: whole(killed, `${at}.killed`),
          injured: whole(injured, `${at}.injured`),
          categories,
        };
      }
    }
  });

  const values: IncidentFormValues = {
    title: draft.title,
    summary: draft.summary,
    date: { precision: draft.date.precision, start: draft.date.start.trim(), end: draft.date.end.trim() || null },
    location: {
      country: draft.location.country,
      region: draft.location.region,
      locality: draft.location.locality,
      lat: decimal(draft.location.lat, 'location.lat'),
      lon: decimal(draft.location.lon, 'location.lon'),
      precision: draft.location.precision,
    },
    violationTypes: draft.violationTypes,
    victims,
    perpetrators: draft.perpetrators.map(({ typeCode, name }) => ({ typeCode, name })),
    legalProvisions: draft.legalProvisions.map(({ code, article, title }) => ({ code, article, title })),
    sources: draft.sources.map((source): SourceIn => {
      if (source.kind === 'source') return { kind: 'source', sourceId: source.source?.id ?? '' };
      const { title, publisher, publishedOn, kind, referenceCode, url, reliability } = source.newSource;
      return { kind: 'newSource', source: { title, publisher, publishedOn, kind, referenceCode, url, reliability: reliability || null } };
    }),
  };
  return { values, problems };
}

/** A draft kept from an earlier page: its rows get fresh React keys, so new rows cannot collide with them. */
export function rekeyDraft(draft: IncidentDraft): IncidentDraft {
  const fresh = <T extends { key: string }>(rows: T[]) => rows.map((row) => ({ ...row, key: newKey() }));
  return {
    ...draft,
    victims: fresh(draft.victims),
    perpetrators: fresh(draft.perpetrators),
    legalProvisions: fresh(draft.legalProvisions),
    sources: fresh(draft.sources),
  };
}

/** "Duplicate this incident": the next event of a series, with everything but its date. */
export function duplicateDraft(incident: IncidentDetail, locale: Locale): IncidentDraft {
  const draft = draftFromIncident(incident, locale);
  return { ...draft, date: { precision: draft.date.precision, start: '', end: '' } };
}
