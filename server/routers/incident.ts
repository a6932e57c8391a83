import 'server-only';
import { assertCanCreateIn, assertCanEditIncident, assertCanViewIncident, incidentPolicy } from '../policy/incident';
import { adminOrganizationIds, listableOrganizationIds, listViewer, memberOrganizationIds } from '../policy/viewer';
import { createTRPCRouter, signedInProcedure } from '../trpc';
import { withMentionsNamed } from '../services/directory/workspace-mentions';
import { listIncidentHistory } from '../services/incidents/history';
import { listIncidentRegions, listIncidents } from '../services/incidents/list';
import { incidentFacets } from '../services/incidents/facets';
import { shareOne } from './incident-actions';
import { findLikelyDuplicates } from '../services/incidents/duplicates';
import { incidentDuplicateCheckInput } from '@/common/inputs/duplicates';
import { findIncidentForPolicy, getIncidentDetail } from '../services/incidents/read';
import { createIncident, updateIncident } from '../services/incidents/write';
import { deleteRecord, listDeleted, restoreRecord } from '../services/records/deletion';
import { finishUnfinishedForm } from '../services/unfinished-forms/store';
import { assertCanDeleteIncident, canDeleteRecord } from '../policy/deletion';
import { availableIncidentTransitions } from '../policy/review';
import { assertCanShare, assertMayShare, canShareIncident, readsAsSharedOnly } from '../policy/sharing';
import { findSimilarElsewhere, listSharedWith, listSharesOf, listShareTargets, redactForSharedReader, unshareIncident } from '../services/incidents/sharing';
import { notFound } from '../errors';
import { optionalOrganizationInput } from '@/common/inputs/ids';
import { createIncidentInput, incidentIdInput, incidentShareInput, incidentListInput, updateIncidentInput } from '@/common/inputs/incident';
import { versionNumber } from '@/common/inputs/numbers';


export const incidentRouter = createTRPCRouter({
  list: signedInProcedure
    .input(incidentListInput.extend(optionalOrganizationInput.shape))
    .query(async ({ ctx, input }) =>
      withMentionsNamed(ctx.db, memberOrganizationIds(ctx.viewer), await listIncidents(ctx.db, listableOrganizationIds(ctx.viewer, input.organizationId), input, listViewer(ctx.viewer))),
    ),

  /** Counts per value of each facet over what the list shows with these filters. */
  facets: signedInProcedure
    .input(incidentListInput.omit({ cursor: true, sort: true, limit: true }).extend(optionalOrganizationInput.shape))
    .query(({ ctx, input }) => incidentFacets(ctx.db, listableOrganizationIds(ctx.viewer, input.organizationId), input, listViewer(ctx.viewer))),

  regions: signedInProcedure
    .input(optionalOrganizationInput.default({}))
    .query(({ ctx, input }) => listIncidentRegions(ctx.db, listableOrganizationIds(ctx.viewer, input.organizationId))),

  get: signedInProcedure.input(incidentIdInput).query(async ({ ctx, input }) => {
    const incident = await findIncidentForPolicy(ctx.db, input.id);
    if (incident && readsAsSharedOnly(ctx.viewer, incident)) {
      const detail = await getIncidentDetail(ctx.db, input.id);
      if (!detail) throw notFound('incident');
      return { ...(await redactForSharedReader(ctx.db, detail)), publishedVersion: incident.publishedVersion, sharedReadOnly: true, canEdit: false, canDelete: false, canShare: false, transitions: [] };
    }
    assertCanViewIncident(ctx.viewer, incident);
    const detail = await getIncidentDetail(ctx.db, input.id);
    if (!detail) throw notFound('incident');
    // The title and summary keep their tokens (the page renders them, the edit form writes them back);
    // cited sources are only shown here (the form cites them by id), so they read as current names.
    const cited = await withMentionsNamed(ctx.db, [detail.organizationId], { sources: detail.sources, sourceDetails: detail.sourceDetails });
    return {
      ...detail,
      ...cited,
      publishedVersion: incident.publishedVersion,
      sharedReadOnly: false,
      canEdit: incidentPolicy.canEdit(ctx.viewer, incident),
      canDelete: canDeleteRecord(ctx.viewer, incident),
      canShare: canShareIncident(ctx.viewer, incident),
      transitions: availableIncidentTransitions(ctx.viewer, incident),
    };
  }),

  history: signedInProcedure.input(incidentIdInput).query(async ({ ctx, input }) => {
    const incident = await findIncidentForPolicy(ctx.db, input.id);
    assertCanViewIncident(ctx.viewer, incident);
    return withMentionsNamed(ctx.db, [incident.organizationId], await listIncidentHistory(ctx.db, input.id));
  }),

  create: signedInProcedure.input(createIncidentInput).mutation(({ ctx, input }) => {
    assertCanCreateIn(ctx.viewer, input.organizationId);
    const { unfinishedFormId } = input;
    return createIncident(ctx.db, {
      organizationId: input.organizationId,
      userId: ctx.viewer.id,
      input: input.incident,
      // Only the viewer's own unfinished form is erased (finishUnfinishedForm checks the author); anyone else's is left alone, unmentioned.
      alsoInTransaction: unfinishedFormId
        ? (tx, created) => finishUnfinishedForm(tx, { id: unfinishedFormId, authorId: ctx.viewer.id, incidentId: created.id, organizationId: input.organizationId })
        : undefined,
    });
  }),

  /** Before a save: incidents of the organization that look like this one (a victim in common near the date, or a near-identical title). */
  duplicates: signedInProcedure.input(incidentDuplicateCheckInput).query(({ ctx, input }) => {
    assertCanCreateIn(ctx.viewer, input.organizationId);
    return findLikelyDuplicates(ctx.db, input);
  }),

  update: signedInProcedure.input(updateIncidentInput).mutation(async ({ ctx, input }) => {
    assertCanEditIncident(ctx.viewer, await findIncidentForPolicy(ctx.db, input.id));
    return updateIncident(ctx.db, { id: input.id, version: input.version, userId: ctx.viewer.id, input: input.incident });
  }),

  delete: signedInProcedure.input(incidentIdInput.extend({ version: versionNumber })).mutation(async ({ ctx, input }) => {
    const incident = await findIncidentForPolicy(ctx.db, input.id);
    assertCanViewIncident(ctx.viewer, incident);
    assertCanDeleteIncident(ctx.viewer, incident);
    await deleteRecord(ctx.db, 'incident', { id: input.id, version: input.version, actorId: ctx.viewer.id });
  }),

  /** Admins see deleted incidents of their organizations and restore them. */
  deleted: signedInProcedure.query(({ ctx }) => listDeleted(ctx.db, 'incident', adminOrganizationIds(ctx.viewer))),

  restore: signedInProcedure.input(incidentIdInput).mutation(({ ctx, input }) =>
    restoreRecord(ctx.db, 'incident', { id: input.id, actorId: ctx.viewer.id, organizationIds: adminOrganizationIds(ctx.viewer) }),
  ),

  /** Organizations this incident is shared with (read-only), for its owners. */
  shares: signedInProcedure.input(incidentIdInput).query(async ({ ctx, input }) => {
    assertCanViewIncident(ctx.viewer, await findIncidentForPolicy(ctx.db, input.id));
    return listSharesOf(ctx.db, input.id);
  }),

  /** The organizations one could share the incident with: the platform's list, only for those who may share it. */
  shareTargets: signedInProcedure.input(incidentIdInput).query(async ({ ctx, input }) => {
    const incident = await findIncidentForPolicy(ctx.db, input.id);
    assertMayShare(ctx.viewer, incident);
    return listShareTargets(ctx.db, [incident.organizationId]);
  }),

  share: signedInProcedure.input(incidentShareInput).mutation(({ ctx, input }) => shareOne(ctx, input)),

  unshare: signedInProcedure.input(incidentShareInput).mutation(async ({ ctx, input }) => {
    const incident = await findIncidentForPolicy(ctx.db, input.id);
    assertCanShare(ctx.viewer, incident, input.organizationId);
    await unshareIncident(ctx.db, { incidentId: input.id, organizationId: input.organizationId, actorId: ctx.viewer.id, ownerId: incident!.organizationId });
  }),

  /** Incidents other organizations have shared with the viewer's organizations. */
  sharedWithMe: signedInProcedure.query(({ ctx }) => listSharedWith(ctx.db, memberOrganizationIds(ctx.viewer))),

  /** Whether similar incidents exist in other organizations, without anything confidential. */
  similar: signedInProcedure.input(incidentIdInput).query(async ({ ctx, input }) => {
    assertCanViewIncident(ctx.viewer, await findIncidentForPolicy(ctx.db, input.id));
    return findSimilarElsewhere(ctx.db, input.id, memberOrganizationIds(ctx.viewer));
  }),
});
