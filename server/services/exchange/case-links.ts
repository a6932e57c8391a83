import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { caseIncidents, caseInterventions, cases, incidents, sources } from '@/db/schema';
import type { ExchangeCase } from './document';

type InterventionRow = typeof caseInterventions.$inferSelect;

/** A case's incidents and interventions with records named by ref: for comparing (import) and writing (export). */
export type CaseLinksByRef = {
  /** Sorted: the database keeps a case's incidents as a set. */
  incidents: string[];
  interventions: (Pick<InterventionRow, 'date' | 'kind' | 'by' | 'referenceCode' | 'summary'> & { source: string | null })[];
};

export function caseLinksFromFile(record: ExchangeCase): CaseLinksByRef {
  return {
    incidents: [...(record.incidents ?? [])].sort(),
    interventions: (record.interventions ?? []).map((intervention) => ({
      date: intervention.date,
      kind: intervention.kind,
      by: intervention.by ?? null,
      referenceCode: intervention.reference_code ?? null,
      summary: intervention.summary ?? null,
      source: intervention.source ?? null,
    })),
  };
}

/**
 * The links of every case of the organization, by case id. `includeDeletedIncidents` is for the
 * import, which compares against what is stored; an export leaves deleted incidents out, as it
 * leaves out the incidents themselves.
 */
export async function loadCaseLinksByRef(
  db: DbOrTx,
  organizationId: string,
  options: { includeDeletedIncidents: boolean },
): Promise<Map<string, CaseLinksByRef>> {
  const links = new Map<string, CaseLinksByRef>();
  const of = (caseId: string) => {
    let entry = links.get(caseId);
    if (!entry) links.set(caseId, (entry = { incidents: [], interventions: [] }));
    return entry;
  };

  const incidentRows = await db
    .select({ caseId: caseIncidents.caseId, ref: incidents.ref, deletedAt: incidents.deletedAt })
    .from(caseIncidents)
    .innerJoin(cases, eq(cases.id, caseIncidents.caseId))
    .innerJoin(incidents, eq(incidents.id, caseIncidents.incidentId))
    .where(eq(cases.organizationId, organizationId));
  for (const row of incidentRows) {
    if (row.deletedAt === null || options.includeDeletedIncidents) of(row.caseId).incidents.push(row.ref);
  }
  for (const entry of links.values()) entry.incidents.sort();

  const interventionRows = await db
    .select({
      caseId: caseInterventions.caseId,
      date: caseInterventions.date,
      kind: caseInterventions.kind,
      by: caseInterventions.by,
      referenceCode: caseInterventions.referenceCode,
      summary: caseInterventions.summary,
      source: sources.ref,
    })
    .from(caseInterventions)
    .innerJoin(cases, eq(cases.id, caseInterventions.caseId))
    .leftJoin(sources, eq(sources.id, caseInterventions.sourceId))
    .where(eq(cases.organizationId, organizationId))
    .orderBy(asc(caseInterventions.caseId), asc(caseInterventions.position));
  for (const { caseId, ...intervention } of interventionRows) of(caseId).interventions.push(intervention);
  return links;
}
