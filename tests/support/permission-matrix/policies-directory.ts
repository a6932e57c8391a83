import { type Outcome, type Actor, type Entry, isReviewerOfOrg, gate, signedIn } from './rules';
import { aFileIn, aPersonIn, aDirectoryRecordIn, aSharedFileIn, otherOrganizationId } from './world';

/** Correcting directory records: reviewers and admins; monitors only what they entered (these were imported, so none). */
const directoryEdit = (a: Actor): Outcome => gate(a, () => (isReviewerOfOrg(a) ? 'ok' : 'FORBIDDEN'));
let matrixEdits = 0;
export const directoryPolicies: Record<string, Entry> = {
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
/** Evidence files: each call acts on a fresh file the author uploaded to an incident of the organization. */
export const evidencePolicies: Record<string, Entry> = {
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
    // The bin is an admin's: to any other member a binned file does not exist (as for restore).
    expect: (a) => (a === 'anonymous' ? 'UNAUTHORIZED' : a === 'admin' ? 'ok' : 'NOT_FOUND'),
  },
  'evidence.markPublic': {
    on: 'organization',
    // Withdrawing needs no stored bytes; marking public (which makes a copy from them) is tested in evidence-public.test.ts.
    call: async (c, s) => c.evidence.markPublic({ id: await aFileIn(s.organizationId), public: false }),
    // Four eyes: never the uploader (the author), only a reviewer or an admin.
    expect: (a) => gate(a, () => (isReviewerOfOrg(a) ? 'ok' : 'FORBIDDEN')),
  },
  // To the outsider (a reader of the shared incident, and of the file once shared) the owners' sharing answers as a file that does not exist.
  'evidence.share': {
    on: 'organization',
    call: async (c, s) => c.evidence.share({ id: await aSharedFileIn(s.organizationId, { fileShared: false }), organizationId: otherOrganizationId }),
    expect: (a) => gate(a, () => (isReviewerOfOrg(a) ? 'ok' : 'FORBIDDEN')),
  },
  'evidence.unshare': {
    on: 'organization',
    call: async (c, s) => c.evidence.unshare({ id: await aSharedFileIn(s.organizationId, { fileShared: true }), organizationId: otherOrganizationId }),
    expect: (a) => gate(a, () => (isReviewerOfOrg(a) ? 'ok' : 'FORBIDDEN')),
  },
};
