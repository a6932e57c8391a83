import { and, isNotNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { publicIncidents as p } from '@/db/schema/public';
import { publicRead } from './db';
import type { PublicFilters } from './filters';
import { whereFilters } from './where';

/** Where the matching incidents happened, for the map: already coarsened in the read model. */
export async function publicPlaces(filters: PublicFilters, db?: Db): Promise<{ lat: number; lon: number; count: number }[]> {
  const rows = await publicRead(
    (tx) =>
      tx
        .select({ lat: p.lat, lon: p.lon })
        .from(p)
        .where(and(whereFilters(filters), isNotNull(p.lat), isNotNull(p.lon)))
        .limit(20_000),
    db,
  );
  const byPoint = new Map<string, { lat: number; lon: number; count: number }>();
  for (const row of rows) {
    const key = `${row.lat},${row.lon}`;
    const point = byPoint.get(key) ?? { lat: row.lat!, lon: row.lon!, count: 0 };
    point.count += 1;
    byPoint.set(key, point);
  }
  return [...byPoint.values()];
}
