import 'server-only';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { cases } from '@/db/schema';
import { assertMayTransition } from '@/server/policy/review';
import { loadViewer } from '@/server/auth/viewer';
import type { Viewer } from '@/server/policy/viewer';
import { decide as decideOn } from '../review/decide';
import { findCaseForPolicy } from '../cases/read';
import type { TransitionName } from '../../policy/transitions';

/**
 * The fixture's cases as the public sees them: four go through review and are published, so the
 * public site has cases to show (Kharkova's with her proceedings, her protected son as "Protected
 * person 1"); the Abzhan case is submitted and waits for a reviewer, so the demo also holds a case
 * the public must not see. Every step goes through the four-eyes rules people meet: the admin, who
 * imported the cases and completed Kharkova's, submits them; the reviewer, who wrote none of them,
 * approves and publishes. Only cases still in their imported draft state are touched, so this runs once.
 */
export const demoPublishedCases = ['case:kharkova', 'case:knprk-strike', 'case:ngo-tax', 'case:jw'] as const;
export const demoSubmittedCases = ['case:abzhan'] as const;

export async function publishDemoCases(db: Db, params: { organizationId: string; authorId: string; reviewerId: string }): Promise<void> {
  const [author, reviewer] = await Promise.all([loadViewer(db, params.authorId), loadViewer(db, params.reviewerId)]);
  if (!author || !reviewer) throw new Error('The demo accounts must exist before the demo cases are reviewed');

  const rows = await db
    .select()
    .from(cases)
    .where(
      and(
        eq(cases.organizationId, params.organizationId),
        inArray(cases.ref, [...demoPublishedCases, ...demoSubmittedCases]),
        eq(cases.reviewStatus, 'draft'),
        isNull(cases.publishedVersion),
        isNull(cases.deletedAt),
      ),
    );
  for (const row of rows) {
    let record = row;
    const decide = async (viewer: Viewer, name: TransitionName) => {
      // The same check the case router makes before every decision: nobody approves their own work.
      const facts = await findCaseForPolicy(db, record.id);
      if (!facts) throw new Error(`The demo case ${record.ref} is gone`);
      assertMayTransition(viewer, name, { ...facts, status: facts.reviewStatus });
      const decided = await decideOn(db, { name, subject: { kind: 'case', id: record.id }, version: record.version, actorId: viewer.id, comment: null });
      record = { ...record, version: decided.version, reviewStatus: decided.reviewStatus as typeof record.reviewStatus };
    };
    await decide(author, 'submit');
    if (!(demoPublishedCases as readonly string[]).includes(record.ref)) continue;
    await decide(reviewer, 'approve');
    await decide(reviewer, 'publish');
  }
}
