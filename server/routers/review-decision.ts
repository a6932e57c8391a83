import { assertCanViewIncident } from '../auth/policy';
import { assertMayTransition } from '../auth/review-policy';
import type { Viewer } from '../auth/viewer';
import { findIncidentForPolicy } from '../services/incidents/read';
import { decideOnIncident } from '../services/review/decide';
import type { TransitionName } from '../services/review/transitions';
import type { Context } from '../trpc';

/** One review decision on one incident, policy first: the single action and each item of a bulk action go through here. */
export async function decide(ctx: Context & { viewer: Viewer }, name: TransitionName, input: { id: string; version: number; comment?: string }) {
  const incident = await findIncidentForPolicy(ctx.db, input.id);
  assertCanViewIncident(ctx.viewer, incident);
  assertMayTransition(ctx.viewer, name, incident);
  return decideOnIncident(ctx.db, { name, incidentId: input.id, version: input.version, actorId: ctx.viewer.id, comment: input.comment ?? null });
}
