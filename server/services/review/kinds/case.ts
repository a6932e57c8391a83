import 'server-only';
import { caseReviews, caseVersions, cases } from '@/db/schema';
import { diffCaseSnapshots } from '../../cases/diff';
import { withForeignIncidentsProjected } from '../../cases/foreign-incidents';
import { recordCaseVersion } from '../../cases/history';
import type { CaseSnapshot } from '../../cases/snapshot';
import { refreshPublicCase } from '../../publishing/public-case';
import { reviewableKind } from './reviewable';

/** Cases in the review workflow (`status` on a case says whether it is still followed; review is `reviewStatus`). */
export const caseReview = reviewableKind(
  { records: cases, reviews: caseReviews, reviewKey: caseReviews.caseId, versions: caseVersions, versionKey: caseVersions.caseId },
  {
    kind: 'case',
    stateKey: 'reviewStatus',
    recordVersion: (tx, id, version, actorId) => recordCaseVersion(tx, { caseId: id, version, savedBy: actorId, savedVia: 'review' }),
    recordDecision: (tx, { id, ...row }) => tx.insert(caseReviews).values({ caseId: id, ...row }),
    refreshPublic: (tx, id) => refreshPublicCase(tx, id),
    async diff(db, id, before, after) {
      // Incidents of other organizations are shown as their members may see them, in both versions alike.
      const [now, then] = await withForeignIncidentsProjected(db, id, [after as CaseSnapshot, ...(before ? [before as CaseSnapshot] : [])]);
      return diffCaseSnapshots(then ?? null, now!).filter((change) => change.field !== 'reviewStatus');
    },
  },
);
