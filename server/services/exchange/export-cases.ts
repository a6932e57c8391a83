import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { cases } from '@/db/schema';
import { loadCaseLinksByRef } from './case-links';
import type { ExchangeCase } from './document';
import { byRef } from './order';

/**
 * Every case of the organization (deleted ones left out) with its own incidents (deleted ones left
 * out, as the incidents themselves are) and its interventions in order. The format has no place for
 * a case's persons, legal events or review state: they stay in the workspace.
 */
export async function exportCases(db: DbOrTx, organizationId: string): Promise<ExchangeCase[]> {
  const rows = await db.select().from(cases).where(and(eq(cases.organizationId, organizationId), isNull(cases.deletedAt)));
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
