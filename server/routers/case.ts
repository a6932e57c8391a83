import 'server-only';
import { assertCanDeleteCase, assertCanEditCase, assertCanViewCase, assertIncidentLinkable, availableCaseTransitions, casePolicy } from '../policy/case';
import { adminOrganizationIds, listableOrganizationIds, memberOrganizationIds, type Viewer } from '../policy/viewer';
import { assertCanCreateIn, assertCanViewIncident } from '../policy/incident';
import { assertMayTransition } from '../policy/review';
import { readsAsSharedOnly } from '../policy/sharing';
import { listAwaitingReply } from '../services/cases/awaiting';
import { isoDay } from '@/common/i18n/dates';
import { deleteRecord, listDeleted, restoreRecord } from '../services/records/deletion';
import { getCaseDetail } from '../services/cases/detail';
import { listCaseHistory } from '../services/cases/history';
import { addIntervention, caseOfIntervention, recordReplyReceived, removeIntervention, updateIntervention } from '../services/cases/interventions';
import { addLegalEvent, caseOfLegalEvent, removeLegalEvent, updateLegalEvent } from '../services/cases/legal-events';
import { assertCanLinkIncident, canLinkIncident, caseOrganizationsFor } from '../policy/case-link';
import { linkIncident, unlinkIncident } from '../services/cases/links';
import { listCaseChoices, listCases, listCasesOfIncident } from '../services/cases/list';
import { searchLinkableIncidents } from '../services/cases/picker';
import { findCaseForPolicy } from '../services/cases/read';
import { getCaseTimeline } from '../services/cases/timeline';
import { withMentionsNamed } from '../services/directory/workspace-mentions';
import { createCase, updateCase } from '../services/cases/write';
import { notFound } from '../errors';
import { findIncidentForPolicy } from '../services/incidents/read';
import { decide as decideOn } from '../services/review/decide';
import type { TransitionName } from '../policy/transitions';
import { type Context, createTRPCRouter, signedInProcedure } from '../trpc';
import { commentedDecisionInput, decisionInput } from '@/common/inputs/review';
import { incidentRefInput } from '@/common/inputs/ids';
import { addInterventionInput, caseChoicesInput, addLegalEventInput, caseIdInput, caseListInput, createCaseInput, incidentPickerInput, linkIncidentInput, removeRecordInput, replyReceivedInput, updateCaseInput, updateInterventionInput, updateLegalEventInput } from '@/common/inputs/case';
import { versionNumber } from '@/common/inputs/numbers';

type Ctx = Context & { viewer: Viewer };

/** Shown texts read mentions as names for the viewer's organizations (server/services/directory/workspace-mentions.ts). */
const named = <T,>(ctx: Ctx, value: T) => withMentionsNamed(ctx.db, memberOrganizationIds(ctx.viewer), value);

async function viewableCase(ctx: Ctx, id: string) {
  const record = await findCaseForPolicy(ctx.db, id);
  assertCanViewCase(ctx.viewer, record);
  return record;
}

async function editableCase(ctx: Ctx, id: string) {
  const record = await findCaseForPolicy(ctx.db, id);
  assertCanEditCase(ctx.viewer, record);
  return record;
}

/** The case of a legal event or intervention, which must be editable by the viewer; a part one may not see is NOT_FOUND. */
async function editableCaseOf(ctx: Ctx, caseId: string | null, what: string) {
  const record = caseId ? await findCaseForPolicy(ctx.db, caseId) : null;
  if (!record || !casePolicy.canView(ctx.viewer, record)) throw notFound(what);
  assertCanEditCase(ctx.viewer, record);
  return record;
}

async function decide(ctx: Ctx, name: TransitionName, input: { id: string; version: number; comment?: string }) {
  const record = await viewableCase(ctx, input.id);
  assertMayTransition(ctx.viewer, name, { ...record, status: record.reviewStatus });
  return decideOn(ctx.db, { name, subject: { kind: 'case', id: input.id }, version: input.version, actorId: ctx.viewer.id, comment: input.comment ?? null });
}

export const caseRouter = createTRPCRouter({
  list: signedInProcedure
    .input(caseListInput.default({ limit: 50 }))
    .query(async ({ ctx, input }) => named(ctx, await listCases(ctx.db, listableOrganizationIds(ctx.viewer, input.organizationId), input))),

  get: signedInProcedure.input(caseIdInput).query(async ({ ctx, input }) => {
    const record = await viewableCase(ctx, input.id);
    const detail = await getCaseDetail(ctx.db, input.id);
    if (!detail) throw notFound('case');
    return {
      ...detail,
      canEdit: casePolicy.canEdit(ctx.viewer, record),
      canLinkIncidents: canLinkIncident(ctx.viewer, record),
      canDelete: casePolicy.canDelete(ctx.viewer, record),
      transitions: availableCaseTransitions(ctx.viewer, record),
    };
  }),

  /** Incidents, legal events and interventions in date order, undated last. */
  timeline: signedInProcedure.input(caseIdInput).query(async ({ ctx, input }) => {
    const record = await viewableCase(ctx, input.id);
    // Incidents are only shown here; legal events and interventions are edited from the timeline, so they keep their tokens (the page renders them).
    // The source an intervention cites is only shown (the form picks it by id): its title reads as current names.
    const items = await getCaseTimeline(ctx.db, input.id, record.organizationId);
    return Promise.all(
      items.map(async (item) => {
        if (item.type === 'incident') return named(ctx, item);
        if (item.type === 'intervention') return { ...item, sourceTitle: await named(ctx, item.sourceTitle) };
        return item;
      }),
    );
  }),

  history: signedInProcedure.input(caseIdInput).query(async ({ ctx, input }) => {
    await viewableCase(ctx, input.id);
    return named(ctx, await listCaseHistory(ctx.db, input.id));
  }),

  create: signedInProcedure.input(createCaseInput).mutation(({ ctx, input }) => {
    const { organizationId, ...fields } = input;
    assertCanCreateIn(ctx.viewer, organizationId);
    return createCase(ctx.db, { organizationId, userId: ctx.viewer.id, input: fields });
  }),

  update: signedInProcedure.input(updateCaseInput).mutation(async ({ ctx, input }) => {
    const { id, version, ...fields } = input;
    await editableCase(ctx, id);
    return updateCase(ctx.db, { id, version, userId: ctx.viewer.id, input: fields });
  }),

  delete: signedInProcedure.input(caseIdInput.extend({ version: versionNumber })).mutation(async ({ ctx, input }) => {
    assertCanDeleteCase(ctx.viewer, await findCaseForPolicy(ctx.db, input.id));
    await deleteRecord(ctx.db, 'case', { id: input.id, version: input.version, actorId: ctx.viewer.id });
  }),

  /** Admins see deleted cases of their organizations and restore them; to anyone else a deleted case does not exist. */
  deleted: signedInProcedure.query(({ ctx }) => listDeleted(ctx.db, 'case', adminOrganizationIds(ctx.viewer))),

  restore: signedInProcedure.input(caseIdInput).mutation(({ ctx, input }) =>
    restoreRecord(ctx.db, 'case', { id: input.id, actorId: ctx.viewer.id, organizationIds: adminOrganizationIds(ctx.viewer) }),
  ),

  /** Links an incident of the case's organization, or one shared with it; linking twice is harmless. */
  linkIncident: signedInProcedure.input(linkIncidentInput).mutation(async ({ ctx, input }) => {
    const record = await findCaseForPolicy(ctx.db, input.caseId);
    assertCanLinkIncident(ctx.viewer, record);
    assertIncidentLinkable(record, await findIncidentForPolicy(ctx.db, input.incidentId));
    return linkIncident(ctx.db, { caseId: input.caseId, incidentId: input.incidentId, actorId: ctx.viewer.id });
  }),

  unlinkIncident: signedInProcedure.input(linkIncidentInput).mutation(async ({ ctx, input }) => {
    await editableCase(ctx, input.caseId);
    return unlinkIncident(ctx.db, { caseId: input.caseId, incidentId: input.incidentId, actorId: ctx.viewer.id });
  }),

  /** Search-as-you-type: incidents the case could take. */
  incidentPicker: signedInProcedure.input(incidentPickerInput).query(async ({ ctx, input }) => {
    const record = await viewableCase(ctx, input.caseId);
    return named(ctx, await searchLinkableIncidents(ctx.db, { caseId: input.caseId, organizationId: record.organizationId, text: input.text, limit: input.limit }));
  }),

  /** The viewer's cases that hold an incident they can see (their own or shared with them), for the incident page. */
  ofIncident: signedInProcedure.input(incidentRefInput).query(async ({ ctx, input }) => {
    const incident = await findIncidentForPolicy(ctx.db, input.incidentId);
    if (!incident || !readsAsSharedOnly(ctx.viewer, incident)) assertCanViewIncident(ctx.viewer, incident);
    const rows = await named(ctx, await listCasesOfIncident(ctx.db, input.incidentId, listableOrganizationIds(ctx.viewer)));
    return rows.map((row) => ({
      id: row.id,
      title: row.title,
      status: row.status,
      reviewStatus: row.reviewStatus,
      version: row.version,
      canEdit: casePolicy.canEdit(ctx.viewer, row),
    }));
  }),

  /** Cases the viewer may add this incident to, by title: only of organizations whose cases can take it. */
  editableChoices: signedInProcedure.input(caseChoicesInput).query(async ({ ctx, input }) => {
    const organizationIds = caseOrganizationsFor(ctx.viewer, await findIncidentForPolicy(ctx.db, input.incidentId));
    // Every case the viewer sees there, so that a case under review is found and said to be busy rather than missing.
    const rows = await named(ctx, await listCaseChoices(ctx.db, organizationIds, input.text));
    return rows.map((row) => ({ id: row.id, title: row.title, reviewStatus: row.reviewStatus, linkable: canLinkIncident(ctx.viewer, row) }));
  }),

  addLegalEvent: signedInProcedure.input(addLegalEventInput).mutation(async ({ ctx, input }) => {
    const { caseId, ...fields } = input;
    await editableCase(ctx, caseId);
    return addLegalEvent(ctx.db, { caseId, actorId: ctx.viewer.id, input: fields });
  }),

  updateLegalEvent: signedInProcedure.input(updateLegalEventInput).mutation(async ({ ctx, input }) => {
    const { id, version, ...fields } = input;
    await editableCaseOf(ctx, await caseOfLegalEvent(ctx.db, id), 'legal event');
    return updateLegalEvent(ctx.db, { id, version, actorId: ctx.viewer.id, input: fields });
  }),

  removeLegalEvent: signedInProcedure.input(removeRecordInput).mutation(async ({ ctx, input }) => {
    await editableCaseOf(ctx, await caseOfLegalEvent(ctx.db, input.id), 'legal event');
    return removeLegalEvent(ctx.db, { ...input, actorId: ctx.viewer.id });
  }),

  addIntervention: signedInProcedure.input(addInterventionInput).mutation(async ({ ctx, input }) => {
    const { caseId, ...fields } = input;
    await editableCase(ctx, caseId);
    return addIntervention(ctx.db, { caseId, actorId: ctx.viewer.id, input: fields });
  }),

  updateIntervention: signedInProcedure.input(updateInterventionInput).mutation(async ({ ctx, input }) => {
    const { id, version, ...fields } = input;
    await editableCaseOf(ctx, await caseOfIntervention(ctx.db, id), 'intervention');
    return updateIntervention(ctx.db, { id, version, actorId: ctx.viewer.id, input: fields });
  }),

  removeIntervention: signedInProcedure.input(removeRecordInput).mutation(async ({ ctx, input }) => {
    await editableCaseOf(ctx, await caseOfIntervention(ctx.db, input.id), 'intervention');
    return removeIntervention(ctx.db, { ...input, actorId: ctx.viewer.id });
  }),

  replyReceived: signedInProcedure.input(replyReceivedInput).mutation(async ({ ctx, input }) => {
    await editableCaseOf(ctx, await caseOfIntervention(ctx.db, input.id), 'intervention');
    return recordReplyReceived(ctx.db, { ...input, actorId: ctx.viewer.id });
  }),

  /** Interventions awaiting a reply across the viewer's organizations, overdue first. */
  awaitingReply: signedInProcedure.query(async ({ ctx }) => named(ctx, await listAwaitingReply(ctx.db, listableOrganizationIds(ctx.viewer), isoDay()))),

  submit: signedInProcedure.input(decisionInput).mutation(({ ctx, input }) => decide(ctx, 'submit', input)),
  approve: signedInProcedure.input(decisionInput).mutation(({ ctx, input }) => decide(ctx, 'approve', input)),
  requestChanges: signedInProcedure.input(commentedDecisionInput).mutation(({ ctx, input }) => decide(ctx, 'requestChanges', input)),
  publish: signedInProcedure.input(decisionInput).mutation(({ ctx, input }) => decide(ctx, 'publish', input)),
  retract: signedInProcedure.input(commentedDecisionInput).mutation(({ ctx, input }) => decide(ctx, 'retract', input)),
});
