import { and, asc, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { caseIncidents, caseInterventions, cases, incidents, sources } from '@/db/schema';
import type { ExchangeCase } from './document';

type InterventionRow = typeof caseInterventions.$inferSelect;

/** An intervention as the exchange format knows it: the reply dates and the date precision are the workspace's own. */
export type InterventionByRef = Pick<InterventionRow, 'date' | 'kind' | 'by' | 'referenceCode' | 'summary'> & { source: string | null };

/** A case's incidents and interventions with records named by ref: for comparing (import) and writing (export). */
export type CaseLinksByRef = {
  /** Sorted: the database keeps a case's incidents as a set. */
  incidents: string[];
  interventions: InterventionByRef[];
};

/** What is stored, with the row id of each intervention (in the same order), so that an import can update them in place. */
export type StoredCaseLinks = CaseLinksByRef & { interventionIds: number[] };

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

/** The part of stored links that a file can say: without the row ids. */
export function comparableCaseLinks(links: StoredCaseLinks | undefined): CaseLinksByRef {
  return { incidents: links?.incidents ?? [], interventions: links?.interventions ?? [] };
}

/**
 * The links of every case of the organization, by case id: its own incidents (a link to another
 * organization's shared incident has no ref in this organization's files, so it is neither exported
 * nor replaced by an import) and its interventions in order, deleted ones left out.
 * `includeDeletedIncidents` is for the import, which compares against what is stored; an export
 * leaves deleted incidents out, as it leaves out the incidents themselves.
 */
export async function loadCaseLinksByRef(
  db: DbOrTx,
  organizationId: string,
  options: { includeDeletedIncidents: boolean },
): Promise<Map<string, StoredCaseLinks>> {
  const links = new Map<string, StoredCaseLinks>();
  const of = (caseId: string) => {
    let entry = links.get(caseId);
    if (!entry) links.set(caseId, (entry = { incidents: [], interventions: [], interventionIds: [] }));
    return entry;
  };

  const incidentRows = await db
    .select({ caseId: caseIncidents.caseId, ref: incidents.ref, deletedAt: incidents.deletedAt })
    .from(caseIncidents)
    .innerJoin(cases, eq(cases.id, caseIncidents.caseId))
    .innerJoin(incidents, and(eq(incidents.id, caseIncidents.incidentId), eq(incidents.organizationId, organizationId)))
    .where(eq(cases.organizationId, organizationId));
  for (const row of incidentRows) {
    if (row.deletedAt === null || options.includeDeletedIncidents) of(row.caseId).incidents.push(row.ref);
  }
  for (const entry of links.values()) entry.incidents.sort();

  const interventionRows = await db
    .select({
      id: caseInterventions.id,
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
    .where(and(eq(cases.organizationId, organizationId), isNull(caseInterventions.deletedAt)))
    .orderBy(asc(caseInterventions.caseId), asc(caseInterventions.position), asc(caseInterventions.id));
  for (const { caseId, id, ...intervention } of interventionRows) {
    const entry = of(caseId);
    entry.interventions.push(intervention);
    entry.interventionIds.push(id);
  }
  return links;
}
