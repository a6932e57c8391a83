import type { cases, documentedOrganizations, incidents, persons, sources, TermLabels, VocabularyKind } from '@/db/schema';

/**
 * The exchange file as TypeScript sees it once it has passed exchange/schema.json. The schema is the
 * contract and has no type generator here, so the wire shape is written out once, in this file; every
 * value list (status, precision, gender, reliability) is taken from the Drizzle enums, and a unit test
 * checks that the schema's lists and the database's agree.
 */

type Incident = typeof incidents.$inferSelect;
type Person = typeof persons.$inferSelect;
type DocumentedOrganization = typeof documentedOrganizations.$inferSelect;
type Source = typeof sources.$inferSelect;
type Case = typeof cases.$inferSelect;

export type ExchangeTerm = { code: string; parent?: string; labels: TermLabels };

/** The file's vocabulary lists and the database's kinds, one for one. */
export const vocabularyLists = {
  violation_types: 'violation_type',
  defender_categories: 'defender_category',
  perpetrator_types: 'perpetrator_type',
} as const satisfies Record<string, VocabularyKind>;
export type VocabularyList = keyof typeof vocabularyLists;

export type ExchangeOrganization = {
  ref: string;
  name: string;
  acronym?: DocumentedOrganization['acronym'];
  kind?: DocumentedOrganization['kind'];
  country?: DocumentedOrganization['country'];
};

export type ExchangePerson = {
  ref: string;
  name: string;
  gender?: Person['gender'];
  categories?: string[];
  affiliations?: string[];
  role_note?: Person['roleNote'];
  confidential?: boolean;
};

export type ExchangeSource = {
  ref: string;
  title: string;
  publisher?: Source['publisher'];
  published_on?: Source['publishedOn'];
  kind?: Source['kind'];
  reference_code?: Source['referenceCode'];
  url?: Source['url'];
  reliability?: Source['reliability'];
};

export type ExchangeVictim = {
  person?: string;
  organization?: string;
  group?: string;
  count?: number | null;
  killed?: number | null;
  injured?: number | null;
  categories?: string[];
};

export type ExchangeIncident = {
  ref: string;
  title: string;
  summary?: Incident['summary'];
  date: { start: string; end?: string | null; precision: Incident['datePrecision'] };
  location: {
    country: string;
    region?: Incident['region'];
    locality?: Incident['locality'];
    lat?: Incident['lat'];
    lon?: Incident['lon'];
    precision: Incident['locationPrecision'];
  };
  violation_types: string[];
  victims?: ExchangeVictim[];
  perpetrators?: { type: string; name?: string | null }[];
  legal?: { code?: string | null; article: string; title?: string | null }[];
  sources?: string[];
  status?: Incident['status'];
};

export type ExchangeIntervention = {
  date: string;
  kind: string;
  by?: string | null;
  reference_code?: string | null;
  summary?: string | null;
  source?: string | null;
};

export type ExchangeCase = {
  ref: string;
  title: string;
  summary?: Case['summary'];
  status?: Case['status'];
  incidents?: string[];
  interventions?: ExchangeIntervention[];
};

export type ExchangeDocument = {
  format: 'hrd-monitor-exchange';
  version: 1;
  title?: string;
  exported_at?: string;
  vocabularies?: Partial<Record<VocabularyList, ExchangeTerm[]>>;
  organizations?: ExchangeOrganization[];
  persons?: ExchangePerson[];
  sources?: ExchangeSource[];
  incidents: ExchangeIncident[];
  cases?: ExchangeCase[];
};
