import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { rowsOf } from '@/db/rows';
import type { DirectoryKind } from '@/db/schema';

/**
 * Which incidents and cases use a person, documented organization or source: for the policy (a
 * monitor may correct a record only while nothing using it has gone to review) and for re-projecting
 * the public records that cite it after an edit.
 *
 * "Uses" means the record's current links, and also the published version of an incident or case
 * whose edit is pending (its links may have changed since, but the public still reads that version).
 */

const mentionedIn = (title: SQL, summary: SQL, id: string) => sql`strpos(${title} || ' ' || coalesce(${summary}, ''), ${id}) > 0`;
/** A case's legal events and interventions may mention the persons it concerns too. */
const mentionedInParts = (id: string) => sql`EXISTS (SELECT 1 FROM case_legal_events l WHERE l.case_id = c.id AND l.deleted_at IS NULL
    AND strpos(coalesce(l.court, '') || ' ' || coalesce(l.summary, '') || ' ' || coalesce(l.outcome, ''), ${id}) > 0)
  OR EXISTS (SELECT 1 FROM case_interventions l WHERE l.case_id = c.id AND l.deleted_at IS NULL
    AND strpos(l.kind || ' ' || coalesce(l.by, '') || ' ' || coalesce(l.summary, ''), ${id}) > 0)`;

/** The links of each kind, as SQL conditions on an incident `i` and a case `c`. */
function linkConditions(kind: DirectoryKind, id: string): { incident: SQL; case: SQL } {
  switch (kind) {
    case 'person':
      return {
        // A mention (common/mentions.ts) holds the id in the text.
        incident: sql`(EXISTS (SELECT 1 FROM incident_victims l WHERE l.incident_id = i.id AND l.person_id = ${id}) OR ${mentionedIn(sql`i.title`, sql`i.summary`, id)})`,
        case: sql`(EXISTS (SELECT 1 FROM case_persons l WHERE l.case_id = c.id AND l.person_id = ${id}) OR ${mentionedIn(sql`c.title`, sql`c.summary`, id)}
                   OR EXISTS (SELECT 1 FROM case_legal_events l WHERE l.case_id = c.id AND l.person_id = ${id} AND l.deleted_at IS NULL)
                   OR ${mentionedInParts(id)})`,
      };
    case 'documented_organization':
      return {
        incident: sql`(EXISTS (SELECT 1 FROM incident_victims l WHERE l.incident_id = i.id AND l.documented_organization_id = ${id}) OR ${mentionedIn(sql`i.title`, sql`i.summary`, id)})`,
        // Cases name documented organizations through their incidents, or mention them.
        case: mentionedIn(sql`c.title`, sql`c.summary`, id),
      };
    case 'source':
      return {
        incident: sql`EXISTS (SELECT 1 FROM incident_sources l WHERE l.incident_id = i.id AND l.source_id = ${id})`,
        case: sql`EXISTS (SELECT 1 FROM case_interventions l WHERE l.case_id = c.id AND l.source_id = ${id} AND l.deleted_at IS NULL)`,
      };
  }
}

/** The published version of `i` (or `c`) mentions the id: only read for records whose edit is pending, which are few. */
const incidentPublishedMentions = (id: string) => sql`(i.review_status <> 'published' AND i.published_version IS NOT NULL AND EXISTS (
  SELECT 1 FROM incident_versions v WHERE v.incident_id = i.id AND v.version = i.published_version AND strpos(v.snapshot::text, ${id}) > 0))`;
const casePublishedMentions = (id: string) => sql`(c.review_status <> 'published' AND c.published_version IS NOT NULL AND EXISTS (
  SELECT 1 FROM case_versions v WHERE v.case_id = c.id AND v.version = c.published_version AND strpos(v.snapshot::text, ${id}) > 0))`;

/** Beyond a draft: submitted, approved, published, retracted, or with a public version. A draft returned for changes is still the author's. */
const incidentReviewed = sql`(i.review_status NOT IN ('draft', 'changes_requested') OR i.published_version IS NOT NULL)`;
const caseReviewed = sql`(c.review_status NOT IN ('draft', 'changes_requested') OR c.published_version IS NOT NULL)`;

/** Whether an incident or case using the record is under review or has been published (see server/policy/directory.ts). */
export async function usedByReviewedRecord(db: DbOrTx, kind: DirectoryKind, id: string, organizationId: string): Promise<boolean> {
  const links = linkConditions(kind, id);
  const rows = rowsOf<{ used: boolean }>(
    await db.execute(sql`SELECT (
      EXISTS (SELECT 1 FROM incidents i WHERE i.organization_id = ${organizationId} AND i.deleted_at IS NULL
              AND ((${links.incident} AND ${incidentReviewed}) OR ${incidentPublishedMentions(id)}))
      OR EXISTS (SELECT 1 FROM cases c WHERE c.organization_id = ${organizationId} AND c.deleted_at IS NULL
              AND ((${links.case} AND ${caseReviewed}) OR ${casePublishedMentions(id)}))
    ) AS used`),
  );
  return rows[0]?.used === true;
}

/** The incidents and cases of the organization whose public version cites the record (to re-project after an edit). */
export async function publicRecordsCiting(db: DbOrTx, kind: DirectoryKind, id: string, organizationId: string) {
  const links = linkConditions(kind, id);
  const incidents = rowsOf<{ id: string }>(
    await db.execute(sql`SELECT i.id FROM incidents i WHERE i.organization_id = ${organizationId} AND i.published_version IS NOT NULL
      AND ((i.review_status = 'published' AND ${links.incident}) OR ${incidentPublishedMentions(id)})`),
  );
  // Cases are few: the published version of each public case is read, which also finds mentions in its legal events and interventions.
  const cases = rowsOf<{ id: string }>(
    await db.execute(sql`SELECT c.id FROM cases c WHERE c.organization_id = ${organizationId} AND c.published_version IS NOT NULL
      AND (${links.case} OR EXISTS (SELECT 1 FROM case_versions v WHERE v.case_id = c.id AND v.version = c.published_version AND strpos(v.snapshot::text, ${id}) > 0))`),
  );
  return { incidentIds: incidents.map((row) => row.id), caseIds: cases.map((row) => row.id) };
}
