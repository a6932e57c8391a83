import 'server-only';
import { and, eq, isNull, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { incidents } from '@/db/schema';
import type { ExchangeIncident, ExchangeVictim } from './document';
import { loadLinksByRef, type LinksByRef } from './links-by-ref';
import { byRef } from './order';

function toVictim(victim: LinksByRef['victims'][number]): ExchangeVictim {
  const exported: ExchangeVictim =
    victim.person !== null
      ? { person: victim.person }
      : victim.organization !== null
        ? { organization: victim.organization }
        : { group: victim.groupName ?? '' };
  // Figures and categories only where known, so that a file lists what was documented and nothing more.
  if (victim.count !== null) exported.count = victim.count;
  if (victim.killed !== null) exported.killed = victim.killed;
  if (victim.injured !== null) exported.injured = victim.injured;
  if (victim.categories.length > 0) exported.categories = victim.categories;
  return exported;
}

/** Which incidents an organization's export holds: every review state, deleted ones excepted. */
export const incidentsOf = (organizationId: string): SQL => and(eq(incidents.organizationId, organizationId), isNull(incidents.deletedAt))!;

/** Every incident of the organization in every review state, except deleted ones, by ref. */
export async function exportIncidents(db: DbOrTx, organizationId: string): Promise<ExchangeIncident[]> {
  const rows = await db.select().from(incidents).where(incidentsOf(organizationId));
  return incidentRecords(db, rows.sort(byRef));
}

/** The records of these incidents, with their victims, perpetrators, legal provisions and sources by ref. */
export async function incidentRecords(db: DbOrTx, rows: (typeof incidents.$inferSelect)[]): Promise<ExchangeIncident[]> {
  const links = await loadLinksByRef(db, rows.map((row) => row.id));
  return rows.map((row) => {
    const { victims, perpetrators, legal, sources } = links.get(row.id) as LinksByRef;
    return {
      ref: row.ref,
      title: row.title,
      summary: row.summary,
      date: { start: row.startDate, end: row.endDate, precision: row.datePrecision },
      location: {
        country: row.country,
        region: row.region,
        locality: row.locality,
        lat: row.lat,
        lon: row.lon,
        precision: row.locationPrecision,
      },
      violation_types: row.violationTypes,
      victims: victims.map(toVictim),
      perpetrators: perpetrators.map((p) => ({ type: p.typeCode, name: p.name })),
      legal,
      sources,
      status: row.reviewStatus,
    };
  });
}
