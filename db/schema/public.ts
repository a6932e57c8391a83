import { sql, type SQL } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { caseStatusEnum } from './enums';
import { incidentFacts } from './incident-facts';
import { searchVector, titleVector, tsvector } from './search';

/** An incident with a protected person among its victims (the partial index below, and the export's query, say it alike). */
export const withProtectedPerson = sql`"public_incidents"."victims" @> '[{"kind": "person", "protected": true}]'::jsonb`;

/**
 * The public read model: one row per published incident, holding only what may be shown to anyone.
 * Confidential persons appear as neutral labels, coordinates no finer than the location precision,
 * no staff, no drafts. It is rewritten in the same transaction as every publish, retraction,
 * deletion and import, and the public side reads nothing else.
 */
export const publicIncidents = pgTable(
  'public_incidents',
  {
    /** Also the id in public addresses: random, so it tells nothing (a ref might carry a name). */
    incidentId: uuid('incident_id').primaryKey(),
    publisher: text('publisher').notNull(),
    ...incidentFacts(),
    defenderCategories: text('defender_categories').array().notNull(),
    perpetratorTypes: text('perpetrator_types').array().notNull(),
    victims: jsonb('victims').$type<PublicVictim[]>().notNull(),
    perpetrators: jsonb('perpetrators').$type<{ type: string; name: string | null }[]>().notNull(),
    legal: jsonb('legal').$type<{ code: string | null; article: string; title: string | null }[]>().notNull(),
    sources: jsonb('sources').$type<PublicSource[]>().notNull(),
    publishedVersion: integer('published_version').notNull(),
    /** When the record was first published; kept when it is published again (services/publishing/publication-dates.ts). */
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
    /** When the version the public reads now was published. */
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * The search's view of this row, made from this row's own public text and nothing else (so a
     * protected name, already replaced by its label here, never matches): see db/schema/search.ts.
     */
    titleKeys: text('title_keys').notNull().default(''),
    searchText: text('search_text').notNull().default(''),
    searchKeys: text('search_keys').notNull().default(''),
    searchVector: tsvector('search_vector')
      .notNull()
      .generatedAlwaysAs((): SQL => searchVector(publicIncidents.title, publicIncidents.titleKeys, publicIncidents.searchText, publicIncidents.searchKeys)),
    titleVector: tsvector('title_vector')
      .notNull()
      .generatedAlwaysAs((): SQL => titleVector(publicIncidents.title, publicIncidents.titleKeys)),
  },
  (t) => [
    index('public_incidents_start').on(t.startDate, t.incidentId),
    index('public_incidents_search').using('gin', t.searchVector),
    index('public_incidents_title_search').using('gin', t.titleVector),
    // Two value filters together (type and category): one GIN index over both arrays answers their intersection.
    index('public_incidents_categories').using('gin', t.defenderCategories),
    index('public_incidents_region').on(t.region),
    index('public_incidents_types').using('gin', t.violationTypes),
    // The incidents with a protected person, in the exports' order: the JSON export lists those persons
    // after the incidents, and found them by walking every incident again (seven seconds on a million).
    index('public_incidents_protected').on(t.startDate, t.incidentId).where(withProtectedPerson),
  ],
);

export type PublicVictim =
  | { kind: 'person'; name: string; protected: boolean; categories: string[] }
  | { kind: 'organization'; name: string }
  | { kind: 'group'; name: string; count: number | null; killed: number | null; injured: number | null; categories: string[] };

export type PublicSource = {
  title: string;
  publisher: string | null;
  publishedOn: string | null;
  referenceCode: string | null;
  url: string | null;
};

/**
 * Each public incident's lines of the public exports, written with its row by the same publication
 * (server/public/export-texts.ts): the exports stream these texts instead of making them again from
 * the row's jsonb for every download (issue 15: a million incidents). In no language: the CSV's
 * labels stand as slots that the export fills in its own language. A trigger of migration 0046
 * removes the texts when anything else rewrites what they were made from; an export makes a missing
 * one again from the row itself, so a stale text is never served.
 */
export const publicIncidentExports = pgTable('public_incident_exports', {
  incidentId: uuid('incident_id')
    .primaryKey()
    .references(() => publicIncidents.incidentId, { onDelete: 'cascade' }),
  /** The CSV line, labels as slots. */
  csv: text('csv').notNull(),
  /** The incident's object of the exchange format up to its attachments, which the export adds (they change without a publication). */
  json: text('json').notNull(),
  /** The records the object references (named persons, organizations, sources), a line each, for the lists after the incidents. */
  refs: text('refs').notNull(),
});

/**
 * The public figures, kept counted: how many published incidents have each value, and each pair of
 * values, per month of their start. The stats endpoint sums these rows instead of aggregating a
 * million incidents per request (server/public/stats.ts says which questions it can answer so).
 *
 * An incident's facets are its region (one value, possibly none) and its violation types, defender
 * categories and perpetrator types, each taken with all their broader terms and without repeats
 * (an incident with two narrower types of one parent has the parent once). It adds one to:
 *  - the total row:            filter ('', null), group ('', null)
 *  - a row per facet:          filter ('', null), group (dimension, value)
 *  - a row per ordered pair of facets, itself included: filter (dimension, value), group (dimension, value);
 *    the filter side never holds "no region", which nobody can filter by.
 * So every row counts distinct incidents, and "incidents with A and B, by month" is one row per month:
 * the total, a grouping or the year/month series under at most one filter, and the total and the
 * year/month series under two, are sums of rows. `month` is the first day of the start date's
 * month; `year_only` marks incidents known only to the year, which count in a year but in no month.
 *
 * Maintained in the same transaction as the read model (server/services/publishing/public-counts.ts):
 * the old row's contribution is taken away, the new one's added. Rows that fall to zero stay (the
 * queries skip them) until the next rebuild. Which broader terms a value has depends on the
 * vocabulary's hierarchy: public_incident_counts_state records the hierarchy the rows were counted
 * with, and a different one makes the next write rebuild the rollup and the stats read the read model meanwhile.
 */
export const publicIncidentCounts = pgTable(
  'public_incident_counts',
  {
    filterDim: text('filter_dim').notNull(),
    filterKey: text('filter_key'),
    groupDim: text('group_dim').notNull(),
    groupKey: text('group_key'),
    month: date('month').notNull(),
    yearOnly: boolean('year_only').notNull(),
    incidents: integer('incidents').notNull(),
  },
  (t) => [
    // Equality on the first three columns and a range of months: the shape of every stats query.
    unique('public_incident_counts_key').on(t.filterDim, t.filterKey, t.groupDim, t.month, t.yearOnly, t.groupKey).nullsNotDistinct(),
  ],
);

/** One row: the vocabulary hierarchy public_incident_counts was counted with; also the lock its writers take. */
export const publicIncidentCountsState = pgTable(
  'public_incident_counts_state',
  {
    id: boolean('id').primaryKey().default(true),
    vocabulary: text('vocabulary').notNull(),
    rebuiltAt: timestamp('rebuilt_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * A token that changes whenever an answer of the counted public side could (a trigger of
     * migration 0044 sets a new random one on every write to the public incidents, their counts and
     * places, and the vocabulary): processes keep such answers under it (server/public/answer-cache.ts).
     * Random, not a counter, so that two databases never share one.
     */
    generation: text('generation').notNull().default(sql`gen_random_uuid()::text`),
  },
  (t) => [check('public_incident_counts_state_one_row', sql`${t.id}`)],
);

/** The dimensions an incident is counted by in public_incident_counts (besides its month). */
export const countedDimensions = ['region', 'violation_type', 'defender_category', 'perpetrator_type'] as const;
export type CountedDimension = (typeof countedDimensions)[number];

/**
 * The vocabulary hierarchy as one string: which broader term each narrower term has. The counts
 * depend on it (an incident counts under the broader terms of its values) and on nothing else of
 * the vocabulary; public_incident_counts_state keeps the one they were made with.
 */
export const vocabularyHierarchy = sql`(SELECT md5(coalesce(string_agg(kind::text || ':' || code || '<' || parent_code, ',' ORDER BY kind, code), ''))
  FROM vocabulary_terms WHERE parent_code IS NOT NULL)`;

/**
 * The public read model of cases: one row per published case, from its published version, redacted
 * like incidents (protected persons by label, every confidential name replaced in the text). Its
 * incidents are only those public at the time of writing, with their public title and date: the row
 * is rewritten when the case is published, retracted, deleted or restored, and when one of its
 * incidents is (server/services/publishing/public-case.ts).
 *
 * What is public, conservatively: what a published report on the case would say. Left out: the
 * workspace's refs (an exchange ref may carry a name), row ids and versions of the parts, who
 * entered what, the review trail, and the reply follow-up of interventions (due and received dates
 * are the NGO's own monitoring of governments, not part of the public record it publishes).
 */
export const publicCases = pgTable(
  'public_cases',
  {
    caseId: uuid('case_id').primaryKey(),
    publisher: text('publisher').notNull(),
    title: text('title').notNull(),
    summary: text('summary'),
    status: caseStatusEnum('status').notNull(),
    persons: jsonb('persons').$type<PublicCasePerson[]>().notNull(),
    incidents: jsonb('incidents').$type<PublicCaseIncident[]>().notNull(),
    legalEvents: jsonb('legal_events').$type<PublicLegalEvent[]>().notNull(),
    interventions: jsonb('interventions').$type<PublicIntervention[]>().notNull(),
    publishedVersion: integer('published_version').notNull(),
    /** When the record was first published; kept when it is published again (services/publishing/publication-dates.ts). */
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
    /** When the version the public reads now was published. */
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('public_cases_published').on(t.publishedAt, t.caseId),
    // "The published cases containing this incident", asked by every public incident page: incidents @> '[{"id": …}]'.
    index('public_cases_incidents').using('gin', t.incidents.op('jsonb_path_ops')),
  ],
);

export type PublicCasePerson = { name: string; protected: boolean; role: string | null };
export type PublicCaseIncident = { id: string; title: string; startDate: string; datePrecision: 'day' | 'month' | 'year' };
export type PublicLegalEvent = {
  kind: string;
  date: string | null;
  datePrecision: 'day' | 'month' | 'year';
  person: string | null;
  court: string | null;
  summary: string | null;
  outcome: string | null;
  provisions: { code: string | null; article: string; title: string | null }[];
};
export type PublicIntervention = {
  kind: string;
  date: string;
  datePrecision: 'day' | 'month' | 'year';
  by: string | null;
  referenceCode: string | null;
  summary: string | null;
  /** Cited as incidents cite theirs. */
  source: PublicSource | null;
};
