import { doublePrecision, index, integer, pgTable, text, unique } from 'drizzle-orm/pg-core';

/**
 * Where the published incidents happened, kept counted for the dashboard's map (server/public/
 * places.ts): how many incidents with a point (lat, lon, already coarsened in the read model) each
 * point has, per region and per year of their start, plus a row per point and region for all years
 * (`year` null). The map sums at most one row per point instead of reading a million incidents.
 *
 * Whole-year date filters are answered from the year rows: an incident overlaps from `YYYY-01-01`
 * when its year is not earlier, and starts on or before `YYYY-12-31` when its year is not later,
 * whatever its precision. The region is a plain text column, whatever the regions are called.
 *
 * Maintained in the same transaction as the read model (server/services/publishing/public-places.ts),
 * under the counted figures' writers' lock: the old row's contribution is taken away, the new one's
 * added. Rows that fall to zero stay; the queries skip them.
 */
export const publicPlaceCounts = pgTable(
  'public_place_counts',
  {
    /** The year of the start date; null on the row that counts all years. */
    year: integer('year'),
    region: text('region'),
    lat: doublePrecision('lat').notNull(),
    lon: doublePrecision('lon').notNull(),
    incidents: integer('incidents').notNull(),
  },
  (t) => [
    unique('public_place_counts_key').on(t.year, t.region, t.lat, t.lon).nullsNotDistinct(),
    // A region filter without dates: the region's all-years rows.
    index('public_place_counts_region').on(t.region, t.year),
  ],
);

/**
 * The localities the published incidents give for each point, counted: a point's name on the map is
 * the first of them (alphabetically) among all its public incidents, whatever the filters, so the
 * same point keeps one name.
 */
export const publicPlaceNames = pgTable(
  'public_place_names',
  {
    lat: doublePrecision('lat').notNull(),
    lon: doublePrecision('lon').notNull(),
    locality: text('locality').notNull(),
    incidents: integer('incidents').notNull(),
  },
  (t) => [unique('public_place_names_key').on(t.lat, t.lon, t.locality)],
);
