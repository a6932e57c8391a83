import { TRPCError } from '@trpc/server';
import { randomUUID } from 'node:crypto';
import { anIncident, createOrganization } from '../factories';
import { type Entry, isReviewerOfOrg, isAuthor, gate, signedIn, adminOnly, editable, reviewerDecision, oneOutcome } from './rules';
import { database, otherOrganizationId, aPersonIn, aSavedSearchIn, anUnfinishedFormIn, aMemberOf, anInvitation, aSessionOfSomeoneElse, aSetPasswordLink } from './world';

/** A new-incident form with only a title typed: not a valid incident, still worth keeping. */
const halfFilledForm = {
  title: 'Matrix form',
  summary: '',
  date: { precision: 'day' as const, start: '', end: '' },
  location: { country: 'KZ', region: '', locality: '', lat: '', lon: '', precision: 'country' as const },
  violationTypes: [],
  victims: [],
  perpetrators: [],
  legalProvisions: [],
  sources: [],
};

/** Incidents, reviews, notifications, accounts and administration. */
export const recordPolicies: Record<string, Entry> = {
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
  // The list of organizations to share with is for those who may share (reviewers and admins of the owner).
  'incident.shareTargets': { on: 'incident', call: (c, s) => c.incident.shareTargets({ id: s.id }), expect: (a) => gate(a, () => (isReviewerOfOrg(a) ? 'ok' : 'FORBIDDEN')) },
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
  'unfinishedForm.list': { on: 'self', call: (c) => c.unfinishedForm.list(), expect: signedIn },
  'unfinishedForm.keep': {
    on: 'organization',
    call: (c, s) => c.unfinishedForm.keep({ organizationId: s.organizationId, form: halfFilledForm }),
    expect: (a) => gate(a, () => 'ok'),
  },
  // The author's alone: not even their reviewer or admin sees, continues or deletes it.
  'unfinishedForm.get': {
    on: 'organization',
    call: async (c, s) => c.unfinishedForm.get({ id: await anUnfinishedFormIn(s.organizationId) }),
    expect: (a) => gate(a, () => (a === 'author' ? 'ok' : 'NOT_FOUND')),
  },
  'unfinishedForm.delete': {
    on: 'organization',
    call: async (c, s) => c.unfinishedForm.delete({ id: await anUnfinishedFormIn(s.organizationId) }),
    expect: (a) => gate(a, () => (a === 'author' ? 'ok' : 'NOT_FOUND')),
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
  // Answers with the refusals inside; read here as the single share would have answered.
  'bulk.shareTargets': {
    on: 'incident',
    call: async (c, s) => {
      const [refusal] = (await c.bulk.shareTargets({ ids: [s.id] })).refused;
      if (refusal) throw new TRPCError({ code: refusal.problem.code === 'notFound' ? 'NOT_FOUND' : 'FORBIDDEN' });
    },
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
