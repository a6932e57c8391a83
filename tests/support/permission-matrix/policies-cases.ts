import type { ReviewStatus } from '@/db/schema';
import { type Outcome, type Actor, type Entry, isReviewerOfOrg, isAuthor, gate, signedIn, editable, reviewerDecision } from './rules';


/** Changing a case or its parts: as editing an incident (monitors their own, reviewers any; not while under review). */
const caseChange = (a: Actor, s: ReviewStatus): Outcome => gate(a, () => (editable(s) && a !== 'colleague' ? 'ok' : 'FORBIDDEN'));
const anIntervention = { kind: 'un_communication', datePrecision: 'day' as const, date: '2017-12-12', referenceCode: 'AL KAZ 3/2017' };
let matrixTitles = 0;

export const casePolicies: Record<string, Entry> = {
  'case.list': { on: 'self', call: (c) => c.case.list({}), expect: signedIn },
  'case.awaitingReply': { on: 'self', call: (c) => c.case.awaitingReply(), expect: signedIn },
  'case.editableChoices': { on: 'incident', call: (c, s) => c.case.editableChoices({ incidentId: s.id }), expect: (a) => gate(a, () => 'ok') },
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

// The public preview of the version under review: the organization's reviewers and admins, in every state (the matrix's incidents have no stored versions: it projects the record as it stands).
casePolicies['review.publicPreview'] = {
  on: 'incident',
  call: (c, s) => c.review.publicPreview({ kind: 'incident', id: s.id }),
  expect: (a) => gate(a, () => (isReviewerOfOrg(a) ? 'ok' : 'FORBIDDEN')),
};
