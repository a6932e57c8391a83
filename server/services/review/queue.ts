import 'server-only';
import { and, asc, desc, eq, inArray, isNull, lt, max, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { incidentReviews, incidentVersions, incidents, users } from '@/db/schema';
import { diffSnapshots } from '../incidents/diff';
import type { IncidentSnapshot } from '../incidents/snapshot';

/**
 * What waits for a reviewer: submitted entries of the organizations they review for, oldest
 * submission first, each with what changed since the version the public (or the last approval) saw.
 */
export async function listReviewQueue(db: DbOrTx, organizationIds: string[]) {
  if (!organizationIds.length) return [];
  const submittedAt = db
    .select({ incidentId: incidentReviews.incidentId, at: max(incidentReviews.decidedAt).as('at') })
    .from(incidentReviews)
    .where(eq(incidentReviews.decision, 'submitted'))
    .groupBy(incidentReviews.incidentId)
    .as('submitted_at');
  const rows = await db
    .select({
      id: incidents.id,
      title: incidents.title,
      version: incidents.version,
      organizationId: incidents.organizationId,
      createdBy: incidents.createdBy,
      updatedBy: incidents.updatedBy,
      authorName: users.name,
      submittedAt: submittedAt.at,
    })
    .from(incidents)
    .leftJoin(submittedAt, eq(submittedAt.incidentId, incidents.id))
    .leftJoin(users, eq(users.id, incidents.createdBy))
    .where(and(inArray(incidents.organizationId, organizationIds), eq(incidents.status, 'submitted'), isNull(incidents.deletedAt)))
    .orderBy(asc(submittedAt.at), asc(incidents.id))
    .limit(200);

  return Promise.all(
    rows.map(async (row) => ({ ...row, ...(await diffAgainstLastApproved(db, row.id, row.version)) })),
  );
}

/** The diff between a version and the last published or approved version before it (or nothing). */
export async function diffAgainstLastApproved(db: DbOrTx, incidentId: string, version: number) {
  const [current] = await db
    .select({ snapshot: incidentVersions.snapshot })
    .from(incidentVersions)
    .where(and(eq(incidentVersions.incidentId, incidentId), eq(incidentVersions.version, version)));
  // The last version that was approved or published, whether by a review in the workspace or an import.
  const [baselineRow] = await db
    .select({ version: incidentVersions.version, snapshot: incidentVersions.snapshot })
    .from(incidentVersions)
    .where(
      and(
        eq(incidentVersions.incidentId, incidentId),
        lt(incidentVersions.version, version),
        sql`${incidentVersions.snapshot}->>'status' IN ('approved', 'published')`,
      ),
    )
    .orderBy(desc(incidentVersions.version))
    .limit(1);
  const baseline = baselineRow ? { version: baselineRow.version } : null;
  const before = (baselineRow?.snapshot as IncidentSnapshot | undefined) ?? null;
  if (!current) return { comparedWith: baseline?.version ?? null, changes: [] };
  // The status always differs between a submitted and an approved version; it is not what the reviewer checks.
  const changes = diffSnapshots(before, current.snapshot as IncidentSnapshot).filter((c) => c.field !== 'status');
  return { comparedWith: baseline?.version ?? null, changes };
}
