import 'server-only';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { caseIncidents, caseInterventions, cases, incidents, sources } from '@/db/schema';
import { sameContent } from './compare';
import type { ExchangeCase } from './document';

type InterventionRow = typeof caseInterventions.$inferSelect;

/** An intervention as version 1 of the exchange format knows it. */
export type InterventionByRef = Pick<InterventionRow, 'date' | 'kind' | 'by' | 'referenceCode' | 'summary'> & { source: string | null };

/**
 * What version 2 adds to an intervention. From a file, a field left out is undefined and means
 * "keep what the workspace has" (a version 1 file never erases reply dates recorded in the workspace).
 */
export type InterventionExtras = Partial<Pick<InterventionRow, 'ref' | 'datePrecision' | 'replyDueOn' | 'replyReceivedOn'>>;

/** A case's incidents and interventions with records named by ref: for comparing (import) and writing (export). */
export type CaseLinksByRef = {
  /** Sorted: the database keeps a case's incidents as a set. */
  incidents: string[];
  interventions: InterventionByRef[];
  /** One per intervention, in the same order. */
  interventionExtras: InterventionExtras[];
};

/** What is stored, with the row id of each intervention (in the same order), so that an import can update them in place. */
export type StoredCaseLinks = CaseLinksByRef & { interventionIds: number[] };

export function caseLinksFromFile(record: ExchangeCase): CaseLinksByRef {
  const interventions = record.interventions ?? [];
  return {
    incidents: [...(record.incidents ?? [])].sort(),
    interventions: interventions.map((intervention) => ({
      date: intervention.date,
      kind: intervention.kind,
      by: intervention.by ?? null,
      referenceCode: intervention.reference_code ?? null,
      summary: intervention.summary ?? null,
      source: intervention.source ?? null,
    })),
    interventionExtras: interventions.map((intervention) => ({
      ref: intervention.ref,
      datePrecision: intervention.precision,
      replyDueOn: intervention.reply_due_on,
      replyReceivedOn: intervention.reply_received_on,
    })),
  };
}

/** True when every version 2 field the file gives equals the stored one (fields it leaves out are kept). */
export function extrasMatch(stored: InterventionExtras | undefined, wanted: InterventionExtras): boolean {
  return (Object.keys(wanted) as (keyof InterventionExtras)[]).every((key) => wanted[key] === undefined || wanted[key] === stored?.[key]);
}

/** True when what the file says of the case's incidents and interventions is what is stored. */
export function sameCaseLinks(stored: StoredCaseLinks | undefined, wanted: CaseLinksByRef): boolean {
  const current = stored ?? { incidents: [], interventions: [], interventionExtras: [] };
  return (
    sameContent(current.incidents, wanted.incidents) &&
    sameContent(current.interventions, wanted.interventions) &&
    wanted.interventionExtras.every((extras, index) => extrasMatch(current.interventionExtras[index], extras))
  );
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
  options: { includeDeletedIncidents: boolean; caseIds?: readonly string[] },
): Promise<Map<string, StoredCaseLinks>> {
  // Only these cases (a batch of a streamed export), or every case of the organization.
  const ofCases = options.caseIds ? and(eq(cases.organizationId, organizationId), inArray(cases.id, [...options.caseIds])) : eq(cases.organizationId, organizationId);
  const links = new Map<string, StoredCaseLinks>();
  const of = (caseId: string) => {
    let entry = links.get(caseId);
    if (!entry) links.set(caseId, (entry = { incidents: [], interventions: [], interventionExtras: [], interventionIds: [] }));
    return entry;
  };

  const incidentRows = await db
    .select({ caseId: caseIncidents.caseId, ref: incidents.ref, deletedAt: incidents.deletedAt })
    .from(caseIncidents)
    .innerJoin(cases, eq(cases.id, caseIncidents.caseId))
    .innerJoin(incidents, and(eq(incidents.id, caseIncidents.incidentId), eq(incidents.organizationId, organizationId)))
    .where(ofCases);
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
      ref: caseInterventions.ref,
      datePrecision: caseInterventions.datePrecision,
      replyDueOn: caseInterventions.replyDueOn,
      replyReceivedOn: caseInterventions.replyReceivedOn,
    })
    .from(caseInterventions)
    .innerJoin(cases, eq(cases.id, caseInterventions.caseId))
    .leftJoin(sources, eq(sources.id, caseInterventions.sourceId))
    .where(and(ofCases, isNull(caseInterventions.deletedAt)))
    .orderBy(asc(caseInterventions.caseId), asc(caseInterventions.position), asc(caseInterventions.id));
  for (const { caseId, id, ref, datePrecision, replyDueOn, replyReceivedOn, ...intervention } of interventionRows) {
    const entry = of(caseId);
    entry.interventions.push(intervention);
    entry.interventionExtras.push({ ref, datePrecision, replyDueOn, replyReceivedOn });
    entry.interventionIds.push(id);
  }
  return links;
}
