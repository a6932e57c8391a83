import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { rowsOf } from '@/db/rows';
import { publicIncidents as p } from '@/db/schema/public';
import { publicPlaceCounts as c, publicPlaceNames as n } from '@/db/schema/public-places';
import { answerCache } from './answer-cache';
import { publicRead, type PublicTx } from './db';
import { periodBounds, type PublicFilters } from './filters';
import { whereFilters } from './where';

export type Place = { lat: number; lon: number; count: number; locality: string | null; region: string | null };
export type PublicPlaces = {
  /** Incidents per point (already coarsened in the read model), the busiest `limit` points. */
  places: Place[];
  /** How many matching incidents have a point at all (also those beyond the busiest points). */
  located: number;
  /** How many points there are in all, the busiest `limit` of them in `places`. */
  points: number;
};

/**
 * The counted places (db/schema/public-places.ts) answer when the only filters are a region and
 * whole years (`from` on a 1 January, `to` on a 31 December): the years to sum, null for all years.
 * Anything else is counted from the read model.
 */
export type PlacesPlan = { region: string | undefined; years: { from: number | null; to: number | null } | null };

export function placesPlan(filters: PublicFilters): PlacesPlan | null {
  if (filters.q || filters.type || filters.category || filters.perpetrator) return null;
  const from = filters.from ? periodBounds(filters.from)!.first : null;
  const to = filters.to ? periodBounds(filters.to)!.last : null;
  if ((from && !from.endsWith('-01-01')) || (to && !to.endsWith('-12-31'))) return null;
  const year = (date: string | null) => (date ? Number(date.slice(0, 4)) : null);
  return { region: filters.region, years: from || to ? { from: year(from), to: year(to) } : null };
}

/**
 * The busiest points and the located total, in one statement, from `counted` (lat, lon, count,
 * region per point). A point's name is the first locality of all its public incidents.
 */
async function busiest(tx: PublicTx, counted: SQL, limit: number): Promise<PublicPlaces> {
  const [row] = rowsOf<{ located: number; points: number; places: [number, number, number, string | null, string | null][] | string | null }>(
    await tx.execute(sql`WITH counted AS (${counted}), top AS (SELECT * FROM counted ORDER BY count DESC, lat, lon LIMIT ${limit})
      SELECT (SELECT coalesce(sum(count), 0)::int FROM counted) AS located, (SELECT count(*)::int FROM counted) AS points,
        (SELECT json_agg(json_build_array(lat, lon, count,
            (SELECT min(${n.locality}) FROM ${n} WHERE ${n.lat} = top.lat AND ${n.lon} = top.lon AND ${n.incidents} > 0), region)
          ORDER BY count DESC, lat, lon) FROM top) AS places`),
  );
  // PGlite hands json back as text, postgres.js as a value.
  const places = (typeof row?.places === 'string' ? JSON.parse(row.places) : row?.places) ?? [];
  return {
    places: places.map(([lat, lon, count, locality, region]: [number, number, number, string | null, string | null]) => ({ lat, lon, count, locality, region })),
    located: Number(row?.located ?? 0),
    points: Number(row?.points ?? 0),
  };
}

/** From the counted places: a few rows per point, whatever the number of incidents. */
export function placesFromRollup(tx: PublicTx, plan: PlacesPlan, limit = 2000): Promise<PublicPlaces> {
  const conditions = [sql`${c.incidents} > 0`];
  if (plan.region !== undefined) conditions.push(sql`${c.region} = ${plan.region}`);
  if (!plan.years) conditions.push(sql`${c.year} IS NULL`);
  else {
    conditions.push(sql`${c.year} IS NOT NULL`);
    if (plan.years.from !== null) conditions.push(sql`${c.year} >= ${plan.years.from}`);
    if (plan.years.to !== null) conditions.push(sql`${c.year} <= ${plan.years.to}`);
  }
  return busiest(
    tx,
    sql`SELECT ${c.lat} AS lat, ${c.lon} AS lon, sum(${c.incidents})::int AS count, min(${c.region}) AS region
      FROM ${c} WHERE ${sql.join(conditions, sql` AND `)} GROUP BY 1, 2`,
    limit,
  );
}

/** From the read model: any filter, at the cost of reading every matching incident. */
export function placesFromReadModel(tx: PublicTx, filters: PublicFilters, limit = 2000): Promise<PublicPlaces> {
  return busiest(
    tx,
    sql`SELECT ${p.lat} AS lat, ${p.lon} AS lon, count(*)::int AS count, min(${p.region}) AS region
      FROM ${p} WHERE ${whereFilters(filters)} AND ${p.lat} IS NOT NULL AND ${p.lon} IS NOT NULL GROUP BY 1, 2`,
    limit,
  );
}

/** Where the matching incidents happened, for the map: counted in the database, however many there are. */
export function publicPlaces(filters: PublicFilters, db?: Db, limit = 2000): Promise<PublicPlaces> {
  const plan = placesPlan(filters);
  const read = () => publicRead((tx) => (plan ? placesFromRollup(tx, plan, limit) : placesFromReadModel(tx, filters, limit)), db);
  // Kept while nothing is published (./answer-cache.ts), except a text search's.
  return filters.q ? read() : keptPlaces.get(JSON.stringify([filters, limit]), read, db);
}

const keptPlaces = answerCache<PublicPlaces>(50);

/** Tests start with nothing kept. */
export const forgetKeptPlaces = () => keptPlaces.clear();
