import 'server-only';
import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { rowsOf } from '@/db/rows';
import { publicIncidents as p } from '@/db/schema/public';
import { publicRead } from './db';
import type { PublicFilters } from './filters';
import { whereFilters } from './where';

export type PublicPlaces = {
  /** Incidents per point (already coarsened in the read model), the busiest `limit` points. */
  places: { lat: number; lon: number; count: number; locality: string | null; region: string | null }[];
  /** How many matching incidents have a point at all (also those beyond the busiest points). */
  located: number;
};

/** Where the matching incidents happened, for the map: counted in the database, however many there are. */
export async function publicPlaces(filters: PublicFilters, db?: Db, limit = 2000): Promise<PublicPlaces> {
  return publicRead(async (tx) => {
    const where = sql`${whereFilters(filters)} AND ${p.lat} IS NOT NULL AND ${p.lon} IS NOT NULL`;
    const [located] = rowsOf<{ n: number }>(await tx.execute(sql`SELECT count(*)::int AS n FROM ${p} WHERE ${where}`));
    // A point's name for its tooltip and link: the locality its incidents give (the first, if they differ).
    const places = rowsOf<{ lat: number; lon: number; count: number; locality: string | null; region: string | null }>(
      await tx.execute(sql`SELECT ${p.lat} AS lat, ${p.lon} AS lon, count(*)::int AS count, min(${p.locality}) AS locality, min(${p.region}) AS region
        FROM ${p} WHERE ${where} GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2 LIMIT ${limit}`),
    );
    return {
      places: places.map((place) => ({ lat: Number(place.lat), lon: Number(place.lon), count: Number(place.count), locality: place.locality, region: place.region })),
      located: Number(located?.n ?? 0),
    };
  }, db);
}
