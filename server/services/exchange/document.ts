import 'server-only';
import type { caseInterventions, caseLegalEvents, cases, documentedOrganizations, incidents, persons, sources, TermLabels, VocabularyKind } from '@/db/schema';

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
type Intervention = typeof caseInterventions.$inferSelect;
type LegalEvent = typeof caseLegalEvents.$inferSelect;

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
  /** Version 2. Absent: the workspace keeps the aliases it has. */
  aliases?: string[];
};

export type ExchangePerson = {
  ref: string;
  name: string;
  gender?: Person['gender'];
  categories?: string[];
  affiliations?: string[];
  role_note?: Person['roleNote'];
  confidential?: boolean;
  /** Version 2. Absent: the workspace keeps the aliases it has. */
  aliases?: string[];
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
  date: ExchangeDate;
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
  legal?: ExchangeLegalProvision[];
  sources?: string[];
  status?: Incident['reviewStatus'];
  /** Version 2: descriptions of evidence files. Accepted; the platform keeps no files yet (see exchange/README.md). */
  attachments?: ExchangeAttachment[];
};

export type ExchangeAttachment = {
  sha256: string;
  filename: string;
  media_type: string;
  size: number;
  title?: string | null;
  captured_on?: string | null;
  confidential?: boolean;
  source?: string | null;
  /** Public exports only: where the public copy is served. */
  url?: string;
};

export type ExchangeLegalProvision = { code?: string | null; article: string; title?: string | null };
export type ExchangeDate = { start: string; end?: string | null; precision: Incident['datePrecision'] };

export type ExchangeIntervention = {
  date: string;
  kind: string;
  by?: string | null;
  reference_code?: string | null;
  summary?: string | null;
  source?: string | null;
  /** Version 2: stable within the case, so a re-import updates the intervention rather than adding one. */
  ref?: string;
  precision?: Intervention['datePrecision'];
  /** Version 2. Absent: the workspace keeps its dates (a new UN communication gets the 60-day default). */
  reply_due_on?: string | null;
  reply_received_on?: string | null;
};

/** Version 2: one step of the proceedings. */
export type ExchangeLegalEvent = {
  ref?: string;
  person?: string | null;
  kind: LegalEvent['kind'];
  date?: ExchangeDate | null;
  court?: string | null;
  summary?: string | null;
  outcome?: string | null;
  provisions?: ExchangeLegalProvision[];
};

export type ExchangeCase = {
  ref: string;
  title: string;
  summary?: Case['summary'];
  status?: Case['status'];
  incidents?: string[];
  interventions?: ExchangeIntervention[];
  /** Version 2. Absent (a version 1 file): the workspace keeps the case's persons and legal events. */
  persons?: { person: string; role?: string | null }[];
  legal_events?: ExchangeLegalEvent[];
};

export type ExchangeDocument = {
  format: 'hrd-monitor-exchange';
  /** Import reads both; export writes 2. */
  version: 1 | 2;
  title?: string;
  exported_at?: string;
  vocabularies?: Partial<Record<VocabularyList, ExchangeTerm[]>>;
  organizations?: ExchangeOrganization[];
  persons?: ExchangePerson[];
  sources?: ExchangeSource[];
  incidents: ExchangeIncident[];
  cases?: ExchangeCase[];
};
