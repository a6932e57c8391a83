import { date, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { datePrecisionEnum, locationPrecisionEnum } from './enums';

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
    title: text('title').notNull(),
    summary: text('summary'),
    startDate: date('start_date').notNull(),
    endDate: date('end_date'),
    datePrecision: datePrecisionEnum('date_precision').notNull(),
    country: text('country').notNull(),
    region: text('region'),
    locality: text('locality'),
    lat: doublePrecision('lat'),
    lon: doublePrecision('lon'),
    locationPrecision: locationPrecisionEnum('location_precision').notNull(),
    violationTypes: text('violation_types').array().notNull(),
    defenderCategories: text('defender_categories').array().notNull(),
    perpetratorTypes: text('perpetrator_types').array().notNull(),
    victims: jsonb('victims').$type<PublicVictim[]>().notNull(),
    perpetrators: jsonb('perpetrators').$type<{ type: string; name: string | null }[]>().notNull(),
    legal: jsonb('legal').$type<{ code: string | null; article: string; title: string | null }[]>().notNull(),
    sources: jsonb('sources').$type<PublicSource[]>().notNull(),
    publishedVersion: integer('published_version').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('public_incidents_start').on(t.startDate, t.incidentId),
    index('public_incidents_region').on(t.region),
    index('public_incidents_types').using('gin', t.violationTypes),
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
