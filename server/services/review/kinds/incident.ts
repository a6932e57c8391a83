import { and, asc, eq, getTableName, inArray, isNull, max, sql } from 'drizzle-orm';
import { incidentReviews, incidentVersions, incidents, users } from '@/db/schema';
import { diffSnapshots, type FieldChange } from '../../incidents/diff';
import { recordIncidentVersion } from '../../incidents/history';
import type { IncidentSnapshot } from '../../incidents/snapshot';
import { refreshPublicIncident } from '../../publishing/public-record';
import type { ReviewAdapter } from './adapter';
import { baselineVersion } from './baseline';

const trail = { versions: getTableName(incidentVersions), reviews: getTableName(incidentReviews), key: 'incident_id', stateKey: 'status' };

/** Incidents in the review workflow (their snapshots keep the review state under `status`, as they always did). */
export const incidentReview: ReviewAdapter<FieldChange> = {
  kind: 'incident',

  async lock(tx, id) {
    const [row] = await tx
      .select({
        reviewStatus: incidents.reviewStatus,
        version: incidents.version,
        publishedVersion: incidents.publishedVersion,
        organizationId: incidents.organizationId,
        createdBy: incidents.createdBy,
        updatedBy: incidents.updatedBy,
      })
      .from(incidents)
      .where(and(eq(incidents.id, id), isNull(incidents.deletedAt)))
      .for('update');
    return row;
  },

  async advance(tx, id, version, set) {
    const [row] = await tx
      .update(incidents)
      .set({
        reviewStatus: set.reviewStatus,
        version: sql`${incidents.version} + 1`,
        updatedAt: sql`now()`,
        ...(set.publishedVersion !== undefined ? { publishedVersion: set.publishedVersion } : {}),
      })
      .where(and(eq(incidents.id, id), eq(incidents.version, version)))
      .returning({ version: incidents.version });
    return row?.version;
  },

  async recordVersion(tx, id, version, actorId) {
    await recordIncidentVersion(tx, { incidentId: id, version, savedBy: actorId, savedVia: 'review' });
  },

  async recordDecision(tx, row) {
    const { id, ...rest } = row;
    await tx.insert(incidentReviews).values({ incidentId: id, ...rest });
  },

  refreshPublic: (tx, id) => refreshPublicIncident(tx, id),

  async submitted(db, organizationIds) {
    const submittedAt = db
      .select({ incidentId: incidentReviews.incidentId, at: max(incidentReviews.decidedAt).as('at') })
      .from(incidentReviews)
      .where(eq(incidentReviews.decision, 'submitted'))
      .groupBy(incidentReviews.incidentId)
      .as('submitted_at');
    return db
      .select({
        id: incidents.id,
        title: incidents.title,
        version: incidents.version,
        publishedVersion: incidents.publishedVersion,
        organizationId: incidents.organizationId,
        createdBy: incidents.createdBy,
        updatedBy: incidents.updatedBy,
        authorName: users.name,
        submittedAt: submittedAt.at,
      })
      .from(incidents)
      .leftJoin(submittedAt, eq(submittedAt.incidentId, incidents.id))
      .leftJoin(users, eq(users.id, incidents.createdBy))
      .where(and(inArray(incidents.organizationId, organizationIds), eq(incidents.reviewStatus, 'submitted'), isNull(incidents.deletedAt)))
      .orderBy(asc(submittedAt.at), asc(incidents.id))
      .limit(200);
  },

  snapshots: (db, id, versions) =>
    db
      .select({ version: incidentVersions.version, snapshot: incidentVersions.snapshot })
      .from(incidentVersions)
      .where(and(eq(incidentVersions.incidentId, id), inArray(incidentVersions.version, versions))),

  baseline: (db, id, version) => baselineVersion(db, trail, id, version),

  async diff(_db, _id, before, after) {
    return diffSnapshots(before as IncidentSnapshot | null, after as IncidentSnapshot).filter((change) => change.field !== 'status');
  },
};
