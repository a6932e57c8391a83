import 'server-only';
import { incidentReviews, incidentVersions, incidents } from '@/db/schema';
import { diffSnapshots } from '../../incidents/diff';
import { recordIncidentVersion } from '../../incidents/history';
import type { IncidentSnapshot } from '../../incidents/snapshot';
import { refreshPublicIncident } from '../../publishing/public-record';
import { reviewableKind } from './reviewable';

/** Incidents in the review workflow (their snapshots keep the review state under `status`, as they always did). */
export const incidentReview = reviewableKind(
  { records: incidents, reviews: incidentReviews, reviewKey: incidentReviews.incidentId, versions: incidentVersions, versionKey: incidentVersions.incidentId },
  {
    kind: 'incident',
    stateKey: 'status',
    recordVersion: (tx, id, version, actorId) => recordIncidentVersion(tx, { incidentId: id, version, savedBy: actorId, savedVia: 'review' }),
    recordDecision: (tx, { id, ...row }) => tx.insert(incidentReviews).values({ incidentId: id, ...row }),
    refreshPublic: (tx, id) => refreshPublicIncident(tx, id),
    diff: async (_db, _id, before, after) =>
      diffSnapshots(before as IncidentSnapshot | null, after as IncidentSnapshot).filter((change) => change.field !== 'status'),
  },
);
