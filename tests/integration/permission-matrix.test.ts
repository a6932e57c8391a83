/**
 * Who may call which procedure on which record. Every procedure of the app router must have an
 * entry here (read from the router itself), so a new procedure without a stated policy fails.
 * Each entry is called by every kind of person against a record in every review state.
 */
import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { rowsOf } from '@/db/rows';
import { reviewStatusEnum, type ReviewStatus } from '@/db/schema';
import { appRouter } from '@/server/routers';
import { createTestDatabase } from '../support/database';
import { anIncident, callerFor, createOrganization, createUser, seedVocabulary } from '../support/factories';

type Caller = Awaited<ReturnType<typeof callerFor>>;
type Outcome = 'ok' | 'UNAUTHORIZED' | 'NOT_FOUND' | 'FORBIDDEN' | 'BAD_REQUEST';
const actors = ['anonymous', 'author', 'colleague', 'outsider', 'reviewer', 'authorReviewer', 'admin'] as const;
type Actor = (typeof actors)[number];
const states = reviewStatusEnum.enumValues;
/** Each review state, and the states of an edit pending on a published incident (the public still sees the published version). */
const incidentStates = [
  ...states.map((state) => ({ state, publishedBefore: state === 'published' })),
  ...(['draft', 'submitted', 'changes_requested', 'approved'] as const).map((state) => ({ state, publishedBefore: true })),
];
type Subject = { id: string; version: number; organizationId: string; state: ReviewStatus; deleted: boolean };
/** A case in a review state, with an incident of its organization, a legal event and an intervention (each at version 1). */
type CaseSubject = Subject & { incidentId: string; legalEventId: number; interventionId: number };

type Entry =
  /** `publishedBefore`: a version of the incident is public (a published incident, or one whose edit is pending). */
  | { on: 'incident'; deleted?: boolean; call: (c: Caller, s: Subject) => Promise<unknown>; expect: (a: Actor, s: ReviewStatus, publishedBefore: boolean) => Outcome }
  | { on: 'case'; deleted?: boolean; call: (c: Caller, s: CaseSubject) => Promise<unknown>; expect: (a: Actor, s: ReviewStatus) => Outcome }
  | { on: 'organization'; call: (c: Caller, s: Subject) => Promise<unknown>; expect: (a: Actor) => Outcome }
  | { on: 'self'; call: (c: Caller) => Promise<unknown>; expect: (a: Actor) => Outcome };

const isReviewerOfOrg = (a: Actor) => a === 'reviewer' || a === 'authorReviewer' || a === 'admin';
const isAuthor = (a: Actor) => a === 'author' || a === 'authorReviewer';

/** Anonymous callers are asked to sign in; people outside the organization are told the record does not exist. */
function gate(a: Actor, inside: () => Outcome): Outcome {
  if (a === 'anonymous') return 'UNAUTHORIZED';
  if (a === 'outsider') return 'NOT_FOUND';
  return inside();
}
const signedIn = (a: Actor): Outcome => (a === 'anonymous' ? 'UNAUTHORIZED' : 'ok');
/** Admin procedures: a member who is not an admin is refused; an outsider is told the organization does not exist. */
const adminOnly = (a: Actor): Outcome => gate(a, () => (a === 'admin' ? 'ok' : 'FORBIDDEN'));
// A retracted (archived) record is editable too: the edit becomes a new draft that goes through review again.
const editable = (s: ReviewStatus) => s === 'draft' || s === 'changes_requested' || s === 'published' || s === 'archived';

function reviewerDecision(from: ReviewStatus[]) {
  return (a: Actor, s: ReviewStatus): Outcome =>
    gate(a, () => {
      if (!isReviewerOfOrg(a) || a === 'authorReviewer') return 'FORBIDDEN';
      return from.includes(s) ? 'ok' : 'BAD_REQUEST';
    });
}

/** A bulk action's report on its one incident, as the single action would have answered. */
function oneOutcome(outcomes: { done: boolean; code: string | null; message: string | null }[]): void {
  const [outcome] = outcomes;
  if (!outcome?.done) throw new TRPCError({ code: (outcome?.code ?? 'INTERNAL_SERVER_ERROR') as TRPCError['code'], message: outcome?.message ?? '' });
}

export const policies: Record<string, Entry> = {
  'viewer.me': { on: 'self', call: (c) => c.viewer.me(), expect: () => 'ok' },
  'viewer.firstAdminNeeded': { on: 'self', call: (c) => c.viewer.firstAdminNeeded(), expect: () => 'ok' },
  'incident.list': { on: 'self', call: (c) => c.incident.list({}), expect: signedIn },
  'incident.facets': { on: 'self', call: (c) => c.incident.facets({}), expect: signedIn },
  'incident.regions': { on: 'self', call: (c) => c.incident.regions({}), expect: signedIn },
  'incident.deleted': { on: 'self', call: (c) => c.incident.deleted(), expect: signedIn },
  'vocabulary.all': { on: 'self', call: (c) => c.vocabulary.all(), expect: signedIn },
  'place.search': { on: 'self', call: (c) => c.place.search({ q: 'Shymkent' }), expect: signedIn },
  'place.nearest': { on: 'self', call: (c) => c.place.nearest({ lat: 42.3, lon: 69.6 }), expect: signedIn },
  'place.largest': { on: 'self', call: (c) => c.place.largest({ country: 'KZ' }), expect: signedIn },
  'review.queue': { on: 'self', call: (c) => c.review.queue(), expect: signedIn },
  'review.caseQueue': { on: 'self', call: (c) => c.review.caseQueue(), expect: signedIn },
  'notification.unreadCount': { on: 'self', call: (c) => c.notification.unreadCount(), expect: signedIn },
  'notification.list': { on: 'self', call: (c) => c.notification.list({}), expect: signedIn },
  'notification.markRead': { on: 'self', call: (c) => c.notification.markRead({}), expect: signedIn },
  'directory.persons': { on: 'organization', call: (c, s) => c.directory.persons({ organizationId: s.organizationId }), expect: signedIn },
  'directory.organizations': {
    on: 'organization',
    call: (c, s) => c.directory.organizations({ organizationId: s.organizationId }),
    expect: signedIn,
  },
  'directory.sources': { on: 'organization', call: (c, s) => c.directory.sources({ organizationId: s.organizationId }), expect: signedIn },
  'incident.create': {
    on: 'organization',
    call: (c, s) => c.incident.create({ organizationId: s.organizationId, incident: anIncident() }),
    expect: (a) => gate(a, () => 'ok'),
  },
  'incident.duplicates': {
    on: 'organization',
    call: (c, s) => c.incident.duplicates({ organizationId: s.organizationId, title: 'Matrix subject', date: { precision: 'month', start: '2017-05' } }),
    expect: (a) => gate(a, () => 'ok'),
  },
  'incident.get': { on: 'incident', call: (c, s) => c.incident.get({ id: s.id }), expect: (a) => gate(a, () => 'ok') },
  'incident.history': { on: 'incident', call: (c, s) => c.incident.history({ id: s.id }), expect: (a) => gate(a, () => 'ok') },
  'comment.list': { on: 'incident', call: (c, s) => c.comment.list({ incidentId: s.id }), expect: (a) => gate(a, () => 'ok') },
  'comment.add': {
    on: 'incident',
    call: (c, s) => c.comment.add({ incidentId: s.id, body: 'A question' }),
    expect: (a) => gate(a, () => 'ok'),
  },
  'incident.update': {
    on: 'incident',
    call: (c, s) => c.incident.update({ id: s.id, version: s.version, incident: anIncident() }),
    expect: (a, s) =>
      gate(a, () => {
        if (!editable(s)) return 'FORBIDDEN';
        return a === 'colleague' ? 'FORBIDDEN' : 'ok';
      }),
  },
  'incident.delete': {
    on: 'incident',
    call: (c, s) => c.incident.delete({ id: s.id, version: s.version }),
    // Never once published: deleting a draft of a published incident would take it off the public side without a retraction.
    expect: (a, s, publishedBefore) => gate(a, () => (isAuthor(a) && (s === 'draft' || s === 'changes_requested') && !publishedBefore ? 'ok' : 'FORBIDDEN')),
  },
  'incident.restore': {
    on: 'incident',
    deleted: true,
    call: (c, s) => c.incident.restore({ id: s.id }),
    expect: (a) => (a === 'anonymous' ? 'UNAUTHORIZED' : a === 'admin' ? 'ok' : 'NOT_FOUND'),
  },
  'incident.sharedWithMe': { on: 'self', call: (c) => c.incident.sharedWithMe(), expect: signedIn },
  'incident.shares': { on: 'incident', call: (c, s) => c.incident.shares({ id: s.id }), expect: (a) => gate(a, () => 'ok') },
  'incident.shareTargets': { on: 'incident', call: (c, s) => c.incident.shareTargets({ id: s.id }), expect: (a) => gate(a, () => 'ok') },
  'incident.similar': { on: 'incident', call: (c, s) => c.incident.similar({ id: s.id }), expect: (a) => gate(a, () => 'ok') },
  'savedSearch.list': { on: 'self', call: (c) => c.savedSearch.list(), expect: signedIn },
  'savedSearch.save': {
    on: 'organization',
    call: (c, s) => c.savedSearch.save({ organizationId: s.organizationId, name: 'Matrix search', filters: { status: 'draft' } }),
    expect: (a) => gate(a, () => 'ok'),
  },
  'savedSearch.remove': {
    on: 'organization',
    // A shared search of the author's: its organization sees it, only its owner removes it.
    call: async (c, s) => c.savedSearch.remove({ id: await aSavedSearchIn(s.organizationId) }),
    expect: (a) => gate(a, () => (a === 'author' ? 'ok' : 'FORBIDDEN')),
  },
  'person.likelyDuplicates': { on: 'self', call: (c) => c.person.likelyDuplicates(), expect: signedIn },
  'person.list': { on: 'self', call: (c) => c.person.list(), expect: signedIn },
  'person.get': {
    on: 'organization',
    call: async (c, s) => c.person.get({ id: await aPersonIn(s.organizationId) }),
    expect: (a) => gate(a, () => 'ok'),
  },
  'person.merge': {
    on: 'organization',
    call: async (c, s) =>
      c.person.merge({ id: await aPersonIn(s.organizationId), version: 1, duplicateId: await aPersonIn(s.organizationId), duplicateVersion: 1 }),
    expect: (a) => gate(a, () => (isReviewerOfOrg(a) ? 'ok' : 'FORBIDDEN')),
  },
  'admin.members': { on: 'organization', call: (c, s) => c.admin.members({ organizationId: s.organizationId }), expect: adminOnly },
  'admin.auditLog': { on: 'organization', call: (c, s) => c.admin.auditLog({ organizationId: s.organizationId }), expect: adminOnly },
  'admin.createUser': {
    on: 'organization',
    call: (c, s) =>
      c.admin.createUser({ organizationId: s.organizationId, name: 'Matrix newcomer', email: `new-${randomUUID()}@example.org`, role: 'monitor' }),
    expect: adminOnly,
  },
  'admin.changeRole': {
    on: 'organization',
    call: async (c, s) => c.admin.changeRole({ organizationId: s.organizationId, userId: await aMemberOf(s.organizationId), currentRole: 'monitor', role: 'reviewer' }),
    expect: adminOnly,
  },
  'admin.removeMember': {
    on: 'organization',
    call: async (c, s) => c.admin.removeMember({ organizationId: s.organizationId, userId: await aMemberOf(s.organizationId), currentRole: 'monitor' }),
    expect: adminOnly,
  },
  'admin.deactivate': {
    on: 'organization',
    call: async (c, s) => c.admin.deactivate({ organizationId: s.organizationId, userId: await aMemberOf(s.organizationId) }),
    expect: adminOnly,
  },
  'admin.reactivate': {
    on: 'organization',
    call: async (c, s) => c.admin.reactivate({ organizationId: s.organizationId, userId: await aMemberOf(s.organizationId, { active: false }) }),
    expect: adminOnly,
  },
  'admin.newSetPasswordLink': {
    on: 'organization',
    call: async (c, s) => c.admin.newSetPasswordLink({ organizationId: s.organizationId, userId: await aMemberOf(s.organizationId) }),
    expect: adminOnly,
  },
  // Public: the one-time link is the credential.
  'account.setPasswordWithLink': { on: 'self', call: async (c) => c.account.setPasswordWithLink({ token: await aSetPasswordLink(), password: 'a brand new password' }), expect: () => 'ok' },
  'incident.share': {
    on: 'incident',
    call: (c, s) => c.incident.share({ id: s.id, organizationId: otherOrganizationId }),
    expect: (a) => gate(a, () => (isReviewerOfOrg(a) ? 'ok' : 'FORBIDDEN')),
  },
  'incident.unshare': {
    on: 'incident',
    call: (c, s) => c.incident.unshare({ id: s.id, organizationId: otherOrganizationId }),
    expect: (a) => gate(a, () => (isReviewerOfOrg(a) ? 'ok' : 'FORBIDDEN')),
  },
  'review.submit': {
    on: 'incident',
    call: (c, s) => c.review.submit({ id: s.id, version: s.version }),
    expect: (a, s) =>
      gate(a, () => {
        if (!isAuthor(a)) return 'FORBIDDEN';
        return s === 'draft' || s === 'changes_requested' ? 'ok' : 'BAD_REQUEST';
      }),
  },
  'review.approve': { on: 'incident', call: (c, s) => c.review.approve({ id: s.id, version: s.version }), expect: reviewerDecision(['submitted']) },
  'review.requestChanges': {
    on: 'incident',
    call: (c, s) => c.review.requestChanges({ id: s.id, version: s.version, comment: 'Add the court' }),
    expect: reviewerDecision(['submitted']),
  },
  'review.publish': { on: 'incident', call: (c, s) => c.review.publish({ id: s.id, version: s.version }), expect: reviewerDecision(['approved']) },
  'review.retract': {
    on: 'incident',
    call: (c, s) => c.review.retract({ id: s.id, version: s.version, comment: 'Withdrawn at the victim’s request' }),
    // Whatever has a public version can be taken off the public side at once, even while an edit is pending.
    expect: (a, _s, publishedBefore) => gate(a, () => (isReviewerOfOrg(a) ? (publishedBefore ? 'ok' : 'BAD_REQUEST') : 'FORBIDDEN')),
  },
  // Bulk actions: each incident answers exactly as the single action would (the batch reports it rather than throwing).
  'bulk.decide': {
    on: 'incident',
    call: async (c, s) => oneOutcome(await c.bulk.decide({ action: 'approve', items: [{ id: s.id, version: s.version }] })),
    expect: reviewerDecision(['submitted']),
  },
  'bulk.share': {
    on: 'incident',
    call: async (c, s) => oneOutcome(await c.bulk.share({ ids: [s.id], organizationId: otherOrganizationId })),
    expect: (a) => gate(a, () => (isReviewerOfOrg(a) ? 'ok' : 'FORBIDDEN')),
  },
  'bulk.tag': {
    on: 'incident',
    call: async (c, s) => oneOutcome(await c.bulk.tag({ items: [{ id: s.id, version: s.version }], violationType: 'arbitrary_detention' })),
    expect: (a, s) => gate(a, () => (!editable(s) || a === 'colleague' ? 'FORBIDDEN' : 'ok')),
  },
  // Accounts and sessions (issue 13): only one's own sessions; another person's session answers as unknown.
  'session.list': { on: 'self', call: (c) => c.session.list(), expect: signedIn },
  'session.end': { on: 'self', call: async (c) => c.session.end({ sessionId: await aSessionOfSomeoneElse() }), expect: (a) => (a === 'anonymous' ? 'UNAUTHORIZED' : 'NOT_FOUND') },
  'session.endAll': { on: 'self', call: (c) => c.session.endAll(), expect: signedIn },
  'session.draftKey': { on: 'self', call: (c) => c.session.draftKey(), expect: signedIn },
  'session.notices': { on: 'self', call: (c) => c.session.notices(), expect: signedIn },
  'session.dismissNotice': { on: 'self', call: (c) => c.session.dismissNotice({ noticeId: randomUUID() }), expect: (a) => (a === 'anonymous' ? 'UNAUTHORIZED' : 'NOT_FOUND') },
  'session.confirmPassword': { on: 'self', call: (c) => c.session.confirmPassword({ password: 'not their password' }), expect: (a) => (a === 'anonymous' ? 'UNAUTHORIZED' : 'BAD_REQUEST') },
  // Second factors (issue 13): one's own only; a signed-in person with nothing to prove or remove is told so.
  'factor.status': { on: 'self', call: (c) => c.factor.status(), expect: signedIn },
  'factor.prove': { on: 'self', call: (c) => c.factor.prove({ method: 'totp', code: '123456' }), expect: (a) => (a === 'anonymous' ? 'UNAUTHORIZED' : 'BAD_REQUEST') },
  'factor.passkeyOptions': { on: 'self', call: (c) => c.factor.passkeyOptions(), expect: signedIn },
  'factor.startTotp': { on: 'self', call: (c) => c.factor.startTotp(), expect: signedIn },
  'factor.confirmTotp': { on: 'self', call: (c) => c.factor.confirmTotp({ code: '000000' }), expect: (a) => (a === 'anonymous' ? 'UNAUTHORIZED' : 'BAD_REQUEST') },
  'factor.passkeyRegistrationOptions': { on: 'self', call: (c) => c.factor.passkeyRegistrationOptions(), expect: signedIn },
  'factor.registerPasskey': {
    on: 'self',
    call: (c) => c.factor.registerPasskey({ response: { id: 'AAAA', rawId: 'AAAA', type: 'public-key', response: {} } as never }),
    expect: (a) => (a === 'anonymous' ? 'UNAUTHORIZED' : 'BAD_REQUEST'),
  },
  'factor.removeTotp': { on: 'self', call: (c) => c.factor.removeTotp(), expect: (a) => (a === 'anonymous' ? 'UNAUTHORIZED' : 'NOT_FOUND') },
  'factor.removePasskey': { on: 'self', call: (c) => c.factor.removePasskey({ passkeyId: randomUUID() }), expect: (a) => (a === 'anonymous' ? 'UNAUTHORIZED' : 'NOT_FOUND') },
  'factor.replaceRecoveryCodes': { on: 'self', call: (c) => c.factor.replaceRecoveryCodes(), expect: (a) => (a === 'anonymous' ? 'UNAUTHORIZED' : 'BAD_REQUEST') },
  'admin.resetFactors': {
    on: 'organization',
    call: async (c, s) => c.admin.resetFactors({ organizationId: s.organizationId, userId: await aMemberOf(s.organizationId) }),
    expect: adminOnly,
  },
  'admin.secondFactorPolicy': { on: 'organization', call: (c, s) => c.admin.secondFactorPolicy({ organizationId: s.organizationId }), expect: adminOnly },
  'admin.setSecondFactorPolicy': { on: 'organization', call: (c, s) => c.admin.setSecondFactorPolicy({ organizationId: s.organizationId, policy: 'nobody' }), expect: adminOnly },
  'admin.invitations': { on: 'organization', call: (c, s) => c.admin.invitations({ organizationId: s.organizationId }), expect: adminOnly },
  'admin.withdrawInvitation': {
    on: 'organization',
    call: async (c, s) => c.admin.withdrawInvitation({ organizationId: s.organizationId, invitationId: (await anInvitation(s.organizationId)).id }),
    expect: adminOnly,
  },
  // Public: the one-time link is the credential; accepting needs the invited person signed in.
  'account.invitation': { on: 'self', call: async (c) => c.account.invitation({ token: (await anInvitation(otherOrganizationId)).token }), expect: () => 'ok' },
  'account.joinWithInvitation': {
    on: 'self',
    call: async (c) => c.account.joinWithInvitation({ token: (await anInvitation(otherOrganizationId)).token, password: 'a brand new password' }),
    expect: () => 'ok',
  },
  'account.acceptInvitation': {
    on: 'self',
    call: async (c) => c.account.acceptInvitation({ token: (await anInvitation((await createOrganization(database.db)).id, (await c.viewer.me())?.email)).token }),
    expect: signedIn,
  },
};

/** Changing a case or its parts: as editing an incident (monitors their own, reviewers any; not while under review). */
const caseChange = (a: Actor, s: ReviewStatus): Outcome => gate(a, () => (editable(s) && a !== 'colleague' ? 'ok' : 'FORBIDDEN'));
const anIntervention = { kind: 'un_communication', datePrecision: 'day' as const, date: '2017-12-12', referenceCode: 'AL KAZ 3/2017' };
let matrixTitles = 0;

const casePolicies: Record<string, Entry> = {
  'case.list': { on: 'self', call: (c) => c.case.list({}), expect: signedIn },
  'case.awaitingReply': { on: 'self', call: (c) => c.case.awaitingReply(), expect: signedIn },
  'case.editableChoices': { on: 'self', call: (c) => c.case.editableChoices({}), expect: signedIn },
  'case.create': {
    on: 'organization',
    call: (c, s) => c.case.create({ organizationId: s.organizationId, title: 'A case', persons: [] }),
    expect: (a) => gate(a, () => 'ok'),
  },
  'case.ofIncident': { on: 'incident', call: (c, s) => c.case.ofIncident({ incidentId: s.id }), expect: (a) => gate(a, () => 'ok') },
  'case.get': { on: 'case', call: (c, s) => c.case.get({ id: s.id }), expect: (a) => gate(a, () => 'ok') },
  'case.timeline': { on: 'case', call: (c, s) => c.case.timeline({ id: s.id }), expect: (a) => gate(a, () => 'ok') },
  'case.history': { on: 'case', call: (c, s) => c.case.history({ id: s.id }), expect: (a) => gate(a, () => 'ok') },
  // Members of the case's organization discuss it in every state, as they discuss incidents.
  'comment.listOnCase': { on: 'case', call: (c, s) => c.comment.listOnCase({ caseId: s.id }), expect: (a) => gate(a, () => 'ok') },
  'comment.addOnCase': { on: 'case', call: (c, s) => c.comment.addOnCase({ caseId: s.id, body: 'Which court?' }), expect: (a) => gate(a, () => 'ok') },
  'case.incidentPicker': { on: 'case', call: (c, s) => c.case.incidentPicker({ caseId: s.id, text: 'Matrix' }), expect: (a) => gate(a, () => 'ok') },
  'case.update': {
    on: 'case',
    call: (c, s) => c.case.update({ id: s.id, version: s.version, title: `Edited case ${++matrixTitles}`, persons: [] }),
    expect: caseChange,
  },
  'case.delete': {
    on: 'case',
    call: (c, s) => c.case.delete({ id: s.id, version: s.version }),
    expect: (a, s) => gate(a, () => (isAuthor(a) && (s === 'draft' || s === 'changes_requested') ? 'ok' : 'FORBIDDEN')),
  },
  'case.deleted': { on: 'self', call: (c) => c.case.deleted(), expect: signedIn },
  // As incident.restore: a deleted case exists only for the admins of its organization.
  'case.restore': {
    on: 'case',
    deleted: true,
    call: (c, s) => c.case.restore({ id: s.id }),
    expect: (a) => (a === 'anonymous' ? 'UNAUTHORIZED' : a === 'admin' ? 'ok' : 'NOT_FOUND'),
  },
  // Any member adds an incident to a case that takes changes (server/policy/case-link.ts).
  'case.linkIncident': { on: 'case', call: (c, s) => c.case.linkIncident({ caseId: s.id, incidentId: s.incidentId }), expect: (a, s) => gate(a, () => (editable(s) ? 'ok' : 'FORBIDDEN')) },
  'case.unlinkIncident': { on: 'case', call: (c, s) => c.case.unlinkIncident({ caseId: s.id, incidentId: s.incidentId }), expect: caseChange },
  'case.addLegalEvent': {
    on: 'case',
    call: (c, s) => c.case.addLegalEvent({ caseId: s.id, kind: 'verdict', datePrecision: 'day', date: '2017-07-25' }),
    expect: caseChange,
  },
  'case.updateLegalEvent': {
    on: 'case',
    call: (c, s) => c.case.updateLegalEvent({ id: s.legalEventId, version: 1, kind: 'verdict', datePrecision: 'month', date: '2017-07' }),
    expect: caseChange,
  },
  'case.removeLegalEvent': { on: 'case', call: (c, s) => c.case.removeLegalEvent({ id: s.legalEventId, version: 1 }), expect: caseChange },
  'case.addIntervention': { on: 'case', call: (c, s) => c.case.addIntervention({ caseId: s.id, ...anIntervention }), expect: caseChange },
  'case.updateIntervention': {
    on: 'case',
    call: (c, s) => c.case.updateIntervention({ id: s.interventionId, version: 1, ...anIntervention, summary: 'Edited' }),
    expect: caseChange,
  },
  'case.removeIntervention': { on: 'case', call: (c, s) => c.case.removeIntervention({ id: s.interventionId, version: 1 }), expect: caseChange },
  'case.replyReceived': {
    on: 'case',
    call: (c, s) => c.case.replyReceived({ id: s.interventionId, version: 1, replyReceivedOn: '2018-02-01' }),
    expect: caseChange,
  },
  'case.submit': {
    on: 'case',
    call: (c, s) => c.case.submit({ id: s.id, version: s.version }),
    expect: (a, s) => gate(a, () => (!isAuthor(a) ? 'FORBIDDEN' : s === 'draft' || s === 'changes_requested' ? 'ok' : 'BAD_REQUEST')),
  },
  'case.approve': { on: 'case', call: (c, s) => c.case.approve({ id: s.id, version: s.version }), expect: reviewerDecision(['submitted']) },
  'case.requestChanges': {
    on: 'case',
    call: (c, s) => c.case.requestChanges({ id: s.id, version: s.version, comment: 'Add the court' }),
    expect: reviewerDecision(['submitted']),
  },
  'case.publish': { on: 'case', call: (c, s) => c.case.publish({ id: s.id, version: s.version }), expect: reviewerDecision(['approved']) },
  'case.retract': {
    on: 'case',
    call: (c, s) => c.case.retract({ id: s.id, version: s.version, comment: 'At the family’s request' }),
    expect: (a, s) => gate(a, () => (isReviewerOfOrg(a) ? (s === 'published' ? 'ok' : 'BAD_REQUEST') : 'FORBIDDEN')),
  },
};
Object.assign(policies, casePolicies);

// The public preview of the version under review: the organization's reviewers and admins, in every state (the matrix's incidents have no stored versions: it projects the record as it stands).
policies['review.publicPreview'] = {
  on: 'incident',
  call: (c, s) => c.review.publicPreview({ kind: 'incident', id: s.id }),
  expect: (a) => gate(a, () => (isReviewerOfOrg(a) ? 'ok' : 'FORBIDDEN')),
};
/** Correcting directory records: reviewers and admins; monitors only what they entered (these were imported, so none). */
const directoryEdit = (a: Actor): Outcome => gate(a, () => (isReviewerOfOrg(a) ? 'ok' : 'FORBIDDEN'));
let matrixEdits = 0;
const directoryPolicies: Record<string, Entry> = {
  'person.update': {
    on: 'organization',
    call: async (c, s) =>
      c.person.update({ id: await aPersonIn(s.organizationId), version: 1, fields: { name: `Matrix person ${++matrixEdits}`, categories: [], confidential: false } }),
    expect: directoryEdit,
  },
  'documentedOrganization.get': {
    on: 'organization',
    call: async (c, s) => c.documentedOrganization.get({ id: await aDirectoryRecordIn('documented_organizations', s.organizationId) }),
    expect: (a) => gate(a, () => 'ok'),
  },
  'documentedOrganization.update': {
    on: 'organization',
    call: async (c, s) =>
      c.documentedOrganization.update({ id: await aDirectoryRecordIn('documented_organizations', s.organizationId), version: 1, fields: { name: `Matrix union ${++matrixEdits}` } }),
    expect: directoryEdit,
  },
  'source.get': {
    on: 'organization',
    call: async (c, s) => c.source.get({ id: await aDirectoryRecordIn('sources', s.organizationId) }),
    expect: (a) => gate(a, () => 'ok'),
  },
  'source.update': {
    on: 'organization',
    call: async (c, s) => c.source.update({ id: await aDirectoryRecordIn('sources', s.organizationId), version: 1, fields: { title: `Matrix report ${++matrixEdits}` } }),
    expect: directoryEdit,
  },
};
Object.assign(policies, directoryPolicies);
/** Evidence files: each call acts on a fresh file the author uploaded to an incident of the organization. */
const evidencePolicies: Record<string, Entry> = {
  'evidence.list': { on: 'incident', call: (c, s) => c.evidence.list({ subjectKind: 'incident', subjectId: s.id }), expect: (a) => gate(a, () => 'ok') },
  'evidence.deleted': { on: 'self', call: (c) => c.evidence.deleted(), expect: signedIn },
  'evidence.delete': {
    on: 'organization',
    call: async (c, s) => c.evidence.delete({ id: await aFileIn(s.organizationId) }),
    expect: (a) => gate(a, () => (a === 'colleague' ? 'FORBIDDEN' : 'ok')),
  },
  'evidence.restore': {
    on: 'organization',
    call: async (c, s) => c.evidence.restore({ id: await aFileIn(s.organizationId, { deleted: true }) }),
    expect: (a) => (a === 'anonymous' ? 'UNAUTHORIZED' : a === 'admin' ? 'ok' : 'NOT_FOUND'),
  },
  'evidence.purge': {
    on: 'organization',
    call: async (c, s) => c.evidence.purge({ id: await aFileIn(s.organizationId, { deleted: true }), reason: 'Erasure request of the person photographed' }),
    expect: adminOnly,
  },
  'evidence.markPublic': {
    on: 'organization',
    // Withdrawing needs no stored bytes; marking public (which makes a copy from them) is tested in evidence-public.test.ts.
    call: async (c, s) => c.evidence.markPublic({ id: await aFileIn(s.organizationId), public: false }),
    // Four eyes: never the uploader (the author), only a reviewer or an admin.
    expect: (a) => gate(a, () => (isReviewerOfOrg(a) ? 'ok' : 'FORBIDDEN')),
  },
};
Object.assign(policies, evidencePolicies);

let database: Database;
let organizationId: string;
let otherOrganizationId: string;
const people = {} as Record<Exclude<Actor, 'anonymous'>, { id: string }>;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedVocabulary(database.db);
  organizationId = (await createOrganization(database.db)).id;
  const other = await createOrganization(database.db);
  otherOrganizationId = other.id;
  people.author = await createUser(database.db, organizationId, 'monitor');
  people.colleague = await createUser(database.db, organizationId, 'monitor');
  people.outsider = await createUser(database.db, other.id, 'monitor');
  people.reviewer = await createUser(database.db, organizationId, 'reviewer');
  people.authorReviewer = await createUser(database.db, organizationId, 'reviewer');
  people.admin = await createUser(database.db, organizationId, 'admin');
});
afterAll(async () => {
  await database?.close();
});

/** A record in the given state, written by the author (or by the reviewer-author when that is who acts). */
async function subjectFor(actor: Actor, state: ReviewStatus, deleted: boolean, publishedBefore = state === 'published'): Promise<Subject> {
  const authorId = actor === 'authorReviewer' ? people.authorReviewer.id : people.author.id;
  const [row] = rowsOf<{ id: string }>(
    await database.db.execute(sql`
      INSERT INTO incidents (organization_id, ref, title, start_date, date_precision, country, location_precision,
                             violation_types, review_status, version, published_version, created_by, updated_by, deleted_at, deleted_by)
      VALUES (${organizationId}, 'inc:' || md5(random()::text), 'Matrix subject', '2017-05-01', 'month', 'KZ', 'country',
              ARRAY['threats'], ${state}::review_status, 3, ${publishedBefore ? (state === 'published' ? 3 : 2) : null}, ${authorId}, ${authorId},
              ${deleted ? sql`now()` : null}, ${deleted ? authorId : null})
      RETURNING id`),
  );
  return { id: row!.id, version: 3, organizationId, state, deleted };
}

/** A case in the given state, written by the author (or the reviewer-author), with one part of each kind. */
async function caseSubjectFor(actor: Actor, state: ReviewStatus, deleted = false): Promise<CaseSubject> {
  const authorId = actor === 'authorReviewer' ? people.authorReviewer.id : people.author.id;
  const incident = await subjectFor(actor, 'draft', false);
  const [row] = rowsOf<{ id: string }>(
    await database.db.execute(sql`
      INSERT INTO cases (organization_id, ref, title, review_status, version, published_version, created_by, updated_by, deleted_at, deleted_by)
      VALUES (${organizationId}, 'case:' || md5(random()::text), 'Matrix case', ${state}::review_status, 3,
              ${state === 'published' ? 3 : null}, ${authorId}, ${authorId}, ${deleted ? sql`now()` : null}, ${deleted ? authorId : null})
      RETURNING id`),
  );
  const [event] = rowsOf<{ id: number }>(
    await database.db.execute(sql`INSERT INTO case_legal_events (case_id, kind, date, date_precision) VALUES (${row!.id}, 'charges', '2017-01-01', 'month') RETURNING id`),
  );
  const [intervention] = rowsOf<{ id: number }>(
    await database.db.execute(sql`
      INSERT INTO case_interventions (case_id, position, date, kind, reply_due_on) VALUES (${row!.id}, 0, '2017-12-12', 'un_communication', '2018-02-10')
      RETURNING id`),
  );
  return { id: row!.id, version: 3, organizationId, state, deleted, incidentId: incident.id, legalEventId: event!.id, interventionId: intervention!.id };
}

/** An evidence file the author uploaded to a fresh incident of the organization (its bytes are not needed here). */
async function aFileIn(organizationId: string, options: { deleted?: boolean } = {}): Promise<string> {
  const incident = await subjectFor('author', 'draft', false);
  const id = randomUUID();
  await database.db.execute(sql`
    INSERT INTO evidence_files (id, organization_id, subject_kind, subject_id, title, media_type, size, sha256, storage_key, wrapped_key, key_version, uploaded_by, deleted_at, deleted_by)
    VALUES (${id}, ${organizationId}, 'incident', ${incident.id}, 'matrix.pdf', 'application/pdf', 10, ${'a'.repeat(64)}, ${'b'.repeat(64)}, 'unused', 1,
            ${people.author.id}, ${options.deleted ? sql`now()` : null}, ${options.deleted ? people.author.id : null})`);
  return id;
}

/** A person record of the organization, for the person procedures (persons have no review state). */
async function aPersonIn(organizationId: string): Promise<string> {
  const [row] = rowsOf<{ id: string }>(
    await database.db.execute(sql`INSERT INTO persons (organization_id, ref, name) VALUES (${organizationId}, 'person:' || md5(random()::text), 'Matrix person') RETURNING id`),
  );
  return row!.id;
}

/** A search the author saved and shared with the organization. */
async function aSavedSearchIn(organizationId: string): Promise<string> {
  const [row] = rowsOf<{ id: string }>(
    await database.db.execute(sql`
      INSERT INTO saved_searches (organization_id, owner_id, name, filters, shared) VALUES (${organizationId}, ${people.author.id}, 'Matrix search', '{}'::jsonb, true) RETURNING id`),
  );
  return row!.id;
}

/** A documented organization or a source of the organization, as an import leaves them (no author). */
async function aDirectoryRecordIn(table: 'documented_organizations' | 'sources', organizationId: string): Promise<string> {
  const column = table === 'sources' ? sql.raw('title') : sql.raw('name');
  const [row] = rowsOf<{ id: string }>(
    await database.db.execute(sql`INSERT INTO ${sql.raw(table)} (organization_id, ref, ${column}) VALUES (${organizationId}, 'rec:' || md5(random()::text), 'Matrix record') RETURNING id`),
  );
  return row!.id;
}

async function outcomeOf(run: () => Promise<unknown>): Promise<Outcome | string> {
  try {
    await run();
    return 'ok';
  } catch (error) {
    return error instanceof TRPCError ? error.code : `crash: ${String(error)}`;
  }
}

/** A fresh member of the organization (a monitor), for the admin procedures that act on a person. */
async function aMemberOf(organizationId: string, options: { active?: boolean } = {}): Promise<string> {
  const [row] = rowsOf<{ id: string }>(
    await database.db.execute(sql`
      WITH u AS (INSERT INTO users (email, name, password_hash, active)
                 VALUES ('member-' || md5(random()::text) || '@example.org', 'Matrix member', 'unusable', ${options.active ?? true}) RETURNING id)
      INSERT INTO memberships (user_id, organization_id, role) SELECT id, ${organizationId}, 'monitor' FROM u RETURNING user_id AS id`),
  );
  return row!.id;
}

/** An unanswered invitation to the organization (for a fresh email unless one is given); its id and token. */
async function anInvitation(organizationId: string, email = `invited-${randomUUID()}@example.org`): Promise<{ id: string; token: string }> {
  const token = randomUUID();
  const [row] = rowsOf<{ id: string }>(
    await database.db.execute(sql`
      INSERT INTO invitations (organization_id, email, name, role, token_hash, expires_at)
      VALUES (${organizationId}, ${email}, 'Matrix invitee', 'monitor', ${createHash('sha256').update(token).digest('hex')}, now() + interval '1 day') RETURNING id`),
  );
  return { id: row!.id, token };
}

/** A live session of a fresh person of the other organization; returns its id. */
async function aSessionOfSomeoneElse(): Promise<string> {
  const [row] = rowsOf<{ id: string }>(
    await database.db.execute(sql`
      INSERT INTO sessions (user_id, id_hash, device_label) VALUES (${await aMemberOf(otherOrganizationId)}, md5(random()::text), 'Firefox on Linux') RETURNING id`),
  );
  return row!.id;
}

/** A user with an unused set-password link; returns the link's token. */
async function aSetPasswordLink(): Promise<string> {
  const token = randomUUID();
  await database.db.execute(sql`
    WITH u AS (INSERT INTO users (email, name, password_hash) VALUES ('link-' || md5(random()::text) || '@example.org', 'Matrix invitee', 'unusable') RETURNING id)
    INSERT INTO set_password_links (user_id, token_hash, expires_at)
    SELECT id, ${createHash('sha256').update(token).digest('hex')}, now() + interval '1 day' FROM u`);
  return token;
}

describe('permission matrix', () => {
  it('has a stated policy for every procedure of the router, and none for procedures that no longer exist', () => {
    const procedures = Object.keys((appRouter as unknown as { _def: { procedures: Record<string, unknown> } })._def.procedures).sort();
    expect(Object.keys(policies).sort()).toEqual(procedures);
  });

  it.each(Object.keys(policies))('%s', async (path) => {
    const entry = policies[path]!;
    const mismatches: string[] = [];
    for (const actor of actors) {
      const caller = await callerFor(database.db, actor === 'anonymous' ? null : people[actor].id);
      if (entry.on === 'self') {
        const got = await outcomeOf(() => entry.call(caller));
        if (got !== entry.expect(actor)) mismatches.push(`${actor}: expected ${entry.expect(actor)}, got ${got}`);
        continue;
      }
      if (entry.on === 'organization') {
        const subject = { id: '', version: 1, organizationId, state: 'draft' as const, deleted: false };
        const got = await outcomeOf(() => entry.call(caller, subject));
        if (got !== entry.expect(actor)) mismatches.push(`${actor}: expected ${entry.expect(actor)}, got ${got}`);
        continue;
      }
      if (entry.on === 'case') {
        for (const state of states) {
          const subject = await caseSubjectFor(actor, state, entry.deleted ?? false);
          const expected = entry.expect(actor, state);
          const got = await outcomeOf(() => entry.call(caller, subject));
          if (got !== expected) mismatches.push(`${actor} on ${state}: expected ${expected}, got ${got}`);
        }
        continue;
      }
      for (const { state, publishedBefore } of incidentStates) {
        const subject = await subjectFor(actor, state, entry.deleted ?? false, publishedBefore);
        const expected = entry.expect(actor, state, publishedBefore);
        const got = await outcomeOf(() => entry.call(caller, subject));
        const label = publishedBefore && state !== 'published' ? `${state} of a published incident` : state;
        if (got !== expected) mismatches.push(`${actor} on ${label}: expected ${expected}, got ${got}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('answers a record one may not see exactly as a record that does not exist', async () => {
    const subject = await subjectFor('author', 'draft', false);
    const outsider = await callerFor(database.db, people.outsider.id);
    const hidden = await outsider.incident.get({ id: subject.id }).catch((e: TRPCError) => ({ code: e.code, message: e.message }));
    const missing = await outsider.incident
      .get({ id: '00000000-0000-4000-8000-000000000000' })
      .catch((e: TRPCError) => ({ code: e.code, message: e.message }));
    expect(hidden).toEqual(missing);
  });
});
