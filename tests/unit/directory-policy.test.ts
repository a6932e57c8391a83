import { describe, expect, it } from 'vitest';
import { directoryPolicy, type DirectoryRecordFacts, whyCannotEditRecord } from '@/server/policy/directory';
import type { Viewer } from '@/server/policy/viewer';
import type { Role } from '@/db/schema';

const ngo = '00000000-0000-4000-8000-000000000001';
const otherNgo = '00000000-0000-4000-8000-000000000002';
const viewer = (id: string, role: Role, organizationId = ngo): Viewer => ({
  id,
  email: `${id}@example.org`,
  name: id,
  memberships: [{ organizationId, organizationName: 'NGO', organizationSlug: 'ngo', role }],
});
const record = (facts: Partial<DirectoryRecordFacts> = {}): DirectoryRecordFacts => ({ organizationId: ngo, createdBy: 'monitor-a', usedByReviewedRecord: false, mergedIntoId: null, ...facts });

describe('who may correct a person, organization or source', () => {
  it.each([
    ['the monitor who entered it, while nothing using it is under review', viewer('monitor-a', 'monitor'), record(), null],
    ['the same monitor once an incident using it was submitted or published', viewer('monitor-a', 'monitor'), record({ usedByReviewedRecord: true }), 'under review'],
    ['another monitor of the organization', viewer('monitor-b', 'monitor'), record(), 'not yours'],
    ['a monitor, for an imported record (no author)', viewer('monitor-a', 'monitor'), record({ createdBy: null }), 'not yours'],
    ['a reviewer, even when it is published', viewer('reviewer', 'reviewer'), record({ usedByReviewedRecord: true }), null],
    ['an admin', viewer('admin', 'admin'), record({ createdBy: null }), null],
    ['a reviewer of another organization (it does not exist for them)', viewer('reviewer', 'reviewer', otherNgo), record(), 'hidden'],
    ['a reviewer, for a person merged into another record', viewer('reviewer', 'reviewer'), record({ mergedIntoId: 'x' }), 'merged'],
  ] as const)('%s', (_story, who, facts, expected) => {
    expect(whyCannotEditRecord(who, facts)).toBe(expected);
    expect(directoryPolicy.canEdit(who, facts)).toBe(expected === null);
  });

  it('lets only reviewers and admins take the confidential mark off a person', () => {
    expect(directoryPolicy.canRevealPerson(viewer('monitor-a', 'monitor'), record())).toBe(false);
    expect(directoryPolicy.canRevealPerson(viewer('reviewer', 'reviewer'), record())).toBe(true);
    expect(directoryPolicy.canRevealPerson(viewer('admin', 'admin'), record())).toBe(true);
    expect(directoryPolicy.canRevealPerson(viewer('reviewer', 'reviewer', otherNgo), record())).toBe(false);
  });
});
