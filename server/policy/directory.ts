import 'server-only';
import { notFound, refused } from '../errors';
import { isReviewerRole, roleIn, type Viewer } from './viewer';

/**
 * Who may correct a person, a documented organization or a source after it was saved.
 *
 * - A reviewer or an admin of the owning organization: any record of it.
 * - A monitor: only a record that a form they saved created (`createdBy` is them), and only while no
 *   record using it has gone further than a draft: no incident or case citing it is submitted,
 *   approved, published, retracted, or has a public version. Once a reviewer has looked at or
 *   published what the record says, changing it changes reviewed work, so it is a reviewer's call.
 * - Nobody edits a person record merged into another one: it is frozen so that history still resolves.
 * - Taking the "confidential" mark off a person reveals a name on the public side: only a reviewer
 *   or an admin, and only after a recent sign-in (requireRecentAuth, applied by the procedure). So
 *   does dropping a name or an alias of a confidential person: public texts stop hiding that spelling.
 */
export type DirectoryRecordFacts = {
  organizationId: string;
  createdBy: string | null;
  /** Some incident or case using the record is beyond draft (or has a public version). */
  usedByReviewedRecord: boolean;
  /** Persons only: merged into another record. */
  mergedIntoId?: string | null;
};

/** Why the viewer may not edit the record, or null when they may; `hidden` when they may not even see it. */
export function whyCannotEditRecord(viewer: Viewer, record: DirectoryRecordFacts): 'hidden' | 'merged' | 'not yours' | 'under review' | null {
  const role = roleIn(viewer, record.organizationId);
  if (!role) return 'hidden';
  if (record.mergedIntoId) return 'merged';
  if (isReviewerRole(role)) return null;
  if (record.createdBy !== viewer.id) return 'not yours';
  return record.usedByReviewedRecord ? 'under review' : null;
}

export const directoryPolicy = {
  canView(viewer: Viewer, record: { organizationId: string }): boolean {
    return roleIn(viewer, record.organizationId) !== null;
  },
  canEdit(viewer: Viewer, record: DirectoryRecordFacts): boolean {
    return whyCannotEditRecord(viewer, record) === null;
  },
  /** Taking the confidential mark off a person: a reviewer's or an admin's decision. */
  canRevealPerson(viewer: Viewer, record: DirectoryRecordFacts): boolean {
    return this.canEdit(viewer, record) && isReviewerRole(roleIn(viewer, record.organizationId));
  },
};

const problems = { merged: 'directory.merged', 'not yours': 'directory.notYours', 'under review': 'directory.underReview' } as const;

/** NOT_FOUND for a record the viewer may not see (as for a missing one); FORBIDDEN with the reason otherwise. */
export function assertCanEditRecord(viewer: Viewer, what: string, record: DirectoryRecordFacts | null): asserts record is DirectoryRecordFacts {
  if (!record) throw notFound(what);
  const why = whyCannotEditRecord(viewer, record);
  if (why === 'hidden') throw notFound(what);
  if (why) throw refused(problems[why]);
}

export function assertCanViewRecord(viewer: Viewer, what: string, record: { organizationId: string } | null): asserts record is { organizationId: string } {
  if (!record || !directoryPolicy.canView(viewer, record)) throw notFound(what);
}

/** `problem`: what is being lifted, the mark itself or one of the hidden spellings. */
export function assertCanRevealPerson(viewer: Viewer, record: DirectoryRecordFacts, problem: 'directory.revealReviewersOnly' | 'directory.protectedNameReviewersOnly' = 'directory.revealReviewersOnly'): void {
  if (!directoryPolicy.canRevealPerson(viewer, record)) {
    throw refused(problem);
  }
}
