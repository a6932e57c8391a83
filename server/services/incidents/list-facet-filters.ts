import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { rowsOf } from '@/db/rows';
import type { VocabularyKind } from '@/db/schema';
import { caseIncidents, incidentPerpetrators, incidents, incidentVictims, persons, vocabularyTerms } from '@/db/schema';
import type { IncidentFacetFilters } from '@/common/inputs/incident-facets';

/**
 * The incident list's facet filters as SQL, beside the list's own conditions (list.ts). "Mine" and
 * "waiting for my review" depend on who asks: the viewer's id and the organizations where they review.
 */
export type ListViewer = { id: string; reviewOrganizationIds: string[] };

/** A term and all the narrower terms under it, so a filter on a parent finds its children. */
export async function narrowerTerms(db: DbOrTx, kind: VocabularyKind, code: string): Promise<string[]> {
  const rows = await db.execute(sql`
    WITH RECURSIVE tree(code) AS (
      SELECT ${code}::text
      UNION
      SELECT t.code FROM ${vocabularyTerms} t JOIN tree ON t.parent_code = tree.code
      WHERE t.kind = ${kind}
    )
    SELECT code FROM tree`);
  return rowsOf<{ code: string }>(rows).map((row) => row.code);
}

/** A victim's defender categories: a person's are on the person record, a group's on the link (as the public projection reads them). */
export const victimCategories = sql`(v.categories || coalesce(pe.categories, '{}'::text[]))`;

export const textArray = (codes: string[]) => sql`ARRAY[${sql.join(codes.map((c) => sql`${c}`), sql`, `)}]::text[]`;

export async function facetFilterConditions(db: DbOrTx, input: IncidentFacetFilters, viewer?: ListViewer): Promise<SQL[]> {
  const conditions: SQL[] = [];
  if (input.category) {
    const codes = await narrowerTerms(db, 'defender_category', input.category);
    conditions.push(sql`EXISTS (SELECT 1 FROM ${incidentVictims} v LEFT JOIN ${persons} pe ON pe.id = v.person_id
      WHERE v.incident_id = ${incidents.id} AND ${victimCategories} && ${textArray(codes)})`);
  }
  if (input.perpetrator) {
    const codes = await narrowerTerms(db, 'perpetrator_type', input.perpetrator);
    conditions.push(sql`EXISTS (SELECT 1 FROM ${incidentPerpetrators} p WHERE p.incident_id = ${incidents.id} AND p.type_code = ANY(${textArray(codes)}))`);
  }
  if (input.year) {
    conditions.push(sql`${incidents.startDate} BETWEEN ${`${input.year}-01-01`}::date AND ${`${input.year}-12-31`}::date`);
  }
  if (input.person) {
    conditions.push(sql`EXISTS (SELECT 1 FROM ${incidentVictims} v WHERE v.incident_id = ${incidents.id} AND v.person_id = ${input.person}::uuid)`);
  }
  if (input.case) {
    conditions.push(sql`EXISTS (SELECT 1 FROM ${caseIncidents} c WHERE c.incident_id = ${incidents.id} AND c.case_id = ${input.case}::uuid)`);
  }
  if (input.ids) conditions.push(sql`${incidents.id} = ANY(${sql`ARRAY[${sql.join(input.ids.split(',').map((id) => sql`${id.toLowerCase()}`), sql`, `)}]::uuid[]`})`);
  if (input.author) conditions.push(sql`${incidents.createdBy} = ${input.author}::uuid`);
  if (input.scope === 'mine') conditions.push(viewer ? sql`${incidents.createdBy} = ${viewer.id}::uuid` : sql`FALSE`);
  if (input.scope === 'awaiting_my_review') {
    // Four eyes: one's own submissions never wait for one's own review.
    conditions.push(
      viewer && viewer.reviewOrganizationIds.length > 0
        ? sql`${incidents.reviewStatus} = 'submitted' AND ${incidents.createdBy} IS DISTINCT FROM ${viewer.id}::uuid
              AND ${incidents.organizationId} = ANY(${sql`ARRAY[${sql.join(viewer.reviewOrganizationIds.map((id) => sql`${id}`), sql`, `)}]::uuid[]`})`
        : sql`FALSE`,
    );
  }
  return conditions;
}
