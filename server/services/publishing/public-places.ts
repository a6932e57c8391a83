import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { publicIncidents as p } from '@/db/schema/public';
import { publicPlaceCounts as c, publicPlaceNames as n } from '@/db/schema/public-places';

/**
 * Keeps public_place_counts and public_place_names (db/schema/public-places.ts) equal to what the
 * read model holds, as public-counts.ts does for the counted figures and under the same writers' lock.
 * The migration that made the tables ran the same statements over every public incident.
 */

/** Adds (or with -1 takes away) the points of the public incidents that `where` selects. */
export async function countPublicPlaces(tx: Tx, where: SQL, sign: 1 | -1): Promise<void> {
  const located = sql`${where} AND ${p.lat} IS NOT NULL AND ${p.lon} IS NOT NULL`;
  await tx.execute(sql`INSERT INTO ${c} (year, region, lat, lon, incidents)
    SELECT y.year, ${p.region}, ${p.lat}, ${p.lon}, ${sign} * count(*)::int
    FROM ${p} CROSS JOIN LATERAL (VALUES (NULL::int), (extract(year FROM ${p.startDate})::int)) AS y(year)
    WHERE ${located} GROUP BY 1, 2, 3, 4
    ON CONFLICT ON CONSTRAINT public_place_counts_key DO UPDATE SET incidents = ${c}.incidents + excluded.incidents`);
  await tx.execute(sql`INSERT INTO ${n} (lat, lon, locality, incidents)
    SELECT ${p.lat}, ${p.lon}, ${p.locality}, ${sign} * count(*)::int FROM ${p}
    WHERE ${located} AND ${p.locality} IS NOT NULL GROUP BY 1, 2, 3
    ON CONFLICT ON CONSTRAINT public_place_names_key DO UPDATE SET incidents = ${n}.incidents + excluded.incidents`);
}

/** Counts every public incident's point afresh (tests compare the maintained rows with it). */
export async function rebuildPublicPlaces(tx: Tx): Promise<void> {
  await tx.execute(sql`DELETE FROM ${c}`);
  await tx.execute(sql`DELETE FROM ${n}`);
  await countPublicPlaces(tx, sql`TRUE`, 1);
}
