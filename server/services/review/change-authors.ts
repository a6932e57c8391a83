import 'server-only';
import { getTableName, sql, type SQL } from 'drizzle-orm';
import { caseReviews, caseVersions, cases, incidentReviews, incidentVersions, incidents } from '@/db/schema';

/**
 * Who saved any part of a reviewable record since its last approved or published version, for the
 * four-eyes rule (server/policy/review.ts): not only its creator and last editor. A version a
 * review decision wrote (saved via 'review') changes the status, not the text, so it counts for nobody.
 * One rule for incidents and cases, with a small adapter per kind (table names and the key column).
 */
type Kind = { records: string; versions: string; reviews: string; key: string };

const incidentKind: Kind = { records: getTableName(incidents), versions: getTableName(incidentVersions), reviews: getTableName(incidentReviews), key: 'incident_id' };
const caseKind: Kind = { records: getTableName(cases), versions: getTableName(caseVersions), reviews: getTableName(caseReviews), key: 'case_id' };

/** The ids (text) of those who saved a version after the last review decision of one of `since`. */
function savedSince(kind: Kind, since: SQL): SQL<string[]> {
  // Written with explicit aliases: drizzle leaves columns unqualified in a one-table select.
  const record = sql`${sql.identifier(kind.records)}.id`;
  const key = sql.identifier(kind.key);
  return sql<string[]>`coalesce((
    SELECT array_agg(DISTINCT v.saved_by::text) FROM ${sql.identifier(kind.versions)} v
    WHERE v.${key} = ${record} AND v.saved_by IS NOT NULL AND v.saved_via <> 'review'
      AND v.version > coalesce((SELECT max(r.version) FROM ${sql.identifier(kind.reviews)} r WHERE r.${key} = ${record} AND r.decision IN ${since}), 0)
  ), '{}')`;
}

/**
 * The two columns a policy read adds: `savedSinceApproval` decides approve and request-changes
 * (the change since the last approved or published version); `savedSincePublication` decides
 * publish, so that text a reviewer wrote is not published by them on the strength of someone
 * else's approval of it.
 */
function changeAuthorsOf(kind: Kind) {
  return {
    savedSinceApproval: savedSince(kind, sql`('approved', 'published')`),
    savedSincePublication: savedSince(kind, sql`('published')`),
  };
}

export const incidentChangeAuthors = () => changeAuthorsOf(incidentKind);
export const caseChangeAuthors = () => changeAuthorsOf(caseKind);
