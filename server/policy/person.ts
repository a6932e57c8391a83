import 'server-only';
import { notFound, refused } from '../errors';
import { isReviewerRole, roleIn, type Viewer } from './viewer';

/**
 * Who may see and merge the person records of an organization. Every member sees them (confidential
 * names included: they never leave the workspace, but the workspace is where they are worked on).
 * Merging two records rewrites what many incidents and cases say about who was targeted, so only a
 * reviewer or an admin of the organization does it.
 */
type PersonFacts = { organizationId: string };

export const personPolicy = {
  canView(viewer: Viewer, person: PersonFacts): boolean {
    return roleIn(viewer, person.organizationId) !== null;
  },
  canMerge(viewer: Viewer, person: PersonFacts): boolean {
    const role = roleIn(viewer, person.organizationId);
    return isReviewerRole(role);
  },
};

export function assertCanViewPerson<T extends PersonFacts>(viewer: Viewer, person: T | null | undefined): asserts person is T {
  if (!person || !personPolicy.canView(viewer, person)) throw notFound('person');
}

/** Both records must be visible (else NOT_FOUND, as if missing) and the viewer a reviewer or admin there. */
export function assertCanMergePersons(viewer: Viewer, person: PersonFacts | null, duplicate: PersonFacts | null): void {
  assertCanViewPerson(viewer, person);
  assertCanViewPerson(viewer, duplicate);
  if (person.organizationId !== duplicate.organizationId) throw notFound('person');
  if (!personPolicy.canMerge(viewer, person)) {
    throw refused('person.mergeReviewersOnly');
  }
}
