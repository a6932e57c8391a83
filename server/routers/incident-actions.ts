import 'server-only';
import { assertCanEditIncident } from '../policy/incident';
import { assertCanShare } from '../policy/sharing';
import type { Viewer } from '../policy/viewer';
import { badRequest, notFound } from '../errors';
import { findIncidentForPolicy } from '../services/incidents/read';
import { shareIncident } from '../services/incidents/sharing';
import { loadIncidentSnapshot } from '../services/incidents/snapshot';
import { snapshotToFormValues } from '../services/incidents/snapshot-input';
import { updateIncident } from '../services/incidents/write';
import type { Context } from '../trpc';
import { incidentInput } from '@/common/inputs/incident';

/** Single actions on one incident, policy first, that the incident page and the list's bulk actions share. */
type SignedIn = Context & { viewer: Viewer };

export async function shareOne(ctx: SignedIn, input: { id: string; organizationId: string }): Promise<void> {
  const incident = await findIncidentForPolicy(ctx.db, input.id);
  assertCanShare(ctx.viewer, incident, input.organizationId);
  await shareIncident(ctx.db, { incidentId: input.id, organizationId: input.organizationId, actorId: ctx.viewer.id, ownerId: incident!.organizationId });
}

/** Adds a violation type to an incident: an ordinary edit of the version named (history, audit and review rules as for the form). */
export async function tagOne(ctx: SignedIn, input: { id: string; version: number; violationType: string }): Promise<{ id: string; version: number }> {
  assertCanEditIncident(ctx.viewer, await findIncidentForPolicy(ctx.db, input.id));
  const snapshot = await loadIncidentSnapshot(ctx.db, input.id);
  if (!snapshot) throw notFound('incident');
  if (snapshot.violationTypes.includes(input.violationType)) return { id: input.id, version: input.version };
  // The incident as it is plus one type may not make a valid entry (it has the most types one can
  // have, or a value older rules let in): that incident is refused with the reason, not the batch.
  const values = incidentInput.safeParse({ ...snapshotToFormValues(snapshot), violationTypes: [...snapshot.violationTypes, input.violationType] });
  if (!values.success) throw badRequest('bulk.tagNotSaved');
  return updateIncident(ctx.db, { id: input.id, version: input.version, userId: ctx.viewer.id, input: values.data });
}
