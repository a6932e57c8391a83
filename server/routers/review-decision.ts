import 'server-only';
import { assertCanViewIncident } from '../policy/incident';
import { assertMayTransition } from '../policy/review';
import type { TransitionName } from '../policy/transitions';
import type { Viewer } from '../policy/viewer';
import { findIncidentForPolicy } from '../services/incidents/read';
import { decide as decideOn } from '../services/review/decide';
import type { Context } from '../trpc';

/** One review decision on one incident, policy first: the single action and each item of a bulk action go through here. */
export async function decide(ctx: Context & { viewer: Viewer }, name: TransitionName, input: { id: string; version: number; comment?: string }) {
  const incident = await findIncidentForPolicy(ctx.db, input.id);
  assertCanViewIncident(ctx.viewer, incident);
  assertMayTransition(ctx.viewer, name, incident);
  const { reviewStatus, ...decided } = await decideOn(ctx.db, {
    name,
    subject: { kind: 'incident', id: input.id },
    version: input.version,
    actorId: ctx.viewer.id,
    comment: input.comment ?? null,
  });
  // An incident's review state is its `status`.
  return { ...decided, status: reviewStatus };
}
