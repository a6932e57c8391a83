import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { cases } from '@/db/schema';
import { loadCaseLinksByRef } from './case-links';
import type { ExchangeCase } from './document';
import { byRef } from './order';

/** Every case of the organization with its incidents (deleted ones left out) and interventions in order. */
export async function exportCases(db: DbOrTx, organizationId: string): Promise<ExchangeCase[]> {
  const rows = await db.select().from(cases).where(eq(cases.organizationId, organizationId));
  const links = await loadCaseLinksByRef(db, organizationId, { includeDeletedIncidents: false });
  return rows.sort(byRef).map((row) => {
    const { incidents, interventions } = links.get(row.id) ?? { incidents: [], interventions: [] };
    return {
      ref: row.ref,
      title: row.title,
      summary: row.summary,
      status: row.status,
      incidents,
      interventions: interventions.map((intervention) => ({
        date: intervention.date,
        kind: intervention.kind,
        by: intervention.by,
        reference_code: intervention.referenceCode,
        summary: intervention.summary,
        source: intervention.source,
      })),
    };
  });
}
