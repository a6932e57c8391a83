import 'server-only';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { rowsOf } from '@/db/rows';
import type { ReviewStatus } from '@/db/schema';
import { partialDateToIso } from '@/common/partial-date';
import type { IncidentDuplicateCheckInput } from '@/common/inputs/duplicates';

/**
 * Entity resolution for incidents: before a save, the incidents of the same organization that look
 * like this one. Two signs, either enough: a victim in common and start dates within a week of each
 * other, or a near-identical title (pg_trgm similarity, served by the title's trigram index).
 * Duplicates distort exactly the yearly counts NGOs report, so the form asks before saving another.
 */

/** How alike two titles must be to count as near-identical (pg_trgm similarity, 0 to 1). */
export const titleSimilarity = 0.6;
/** How far apart, in days, the dates of two incidents with a victim in common may be. */
export const daysApart = 7;

export type LikelyDuplicate = {
  id: string;
  ref: string;
  title: string;
  startDate: string;
  status: ReviewStatus;
  sharedVictim: boolean;
  similarTitle: boolean;
};

export async function findLikelyDuplicates(db: DbOrTx, input: IncidentDuplicateCheckInput): Promise<LikelyDuplicate[]> {
  // The input schema has already written the start as a full date; the form's partial one reads too.
  const start = partialDateToIso(input.date.start, 'day') ?? partialDateToIso(input.date.start, input.date.precision);
  if (!start) return [];
  const ids = sql`ARRAY[${sql.join([...input.personIds.map((id) => sql`${id}`), sql`NULL`], sql`, `)}]::uuid[]`;
  const names = sql`ARRAY[${sql.join([...input.personNames.map((name) => sql`${name.toLowerCase()}`), sql`NULL`], sql`, `)}]::text[]`;
  const rows = await db.execute(sql`
    WITH candidates AS (
      SELECT i.id, i.ref, i.title, to_char(i.start_date, 'YYYY-MM-DD') AS start_date, i.review_status AS status,
             EXISTS (
               SELECT 1 FROM incident_victims v LEFT JOIN persons pe ON pe.id = v.person_id
               WHERE v.incident_id = i.id AND (v.person_id = ANY(${ids}) OR lower(pe.name) = ANY(${names}))
             ) AS shared_victim,
             similarity(lower(i.title), lower(${input.title})) >= ${titleSimilarity} AS similar_title,
             similarity(lower(i.title), lower(${input.title})) AS alike
      FROM incidents i
      WHERE i.organization_id = ${input.organizationId}::uuid AND i.deleted_at IS NULL
        AND i.id IS DISTINCT FROM ${input.incidentId ?? null}::uuid
        AND (lower(i.title) % lower(${input.title})
             OR i.start_date BETWEEN ${start}::date - ${daysApart}::int AND ${start}::date + ${daysApart}::int)
    )
    SELECT id, ref, title, start_date, status, shared_victim, similar_title FROM candidates
    WHERE similar_title OR (shared_victim AND start_date::date BETWEEN ${start}::date - ${daysApart}::int AND ${start}::date + ${daysApart}::int)
    ORDER BY shared_victim DESC, alike DESC, id
    LIMIT 5`);
  return rowsOf<{ id: string; ref: string; title: string; start_date: string; status: ReviewStatus; shared_victim: boolean; similar_title: boolean }>(rows).map(
    (row) => ({ id: row.id, ref: row.ref, title: row.title, startDate: row.start_date, status: row.status, sharedVictim: row.shared_victim, similarTitle: row.similar_title }),
  );
}
