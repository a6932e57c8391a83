import 'server-only';
import { editableReviewStatuses } from '@/common/values';
import { refused } from '../errors';
import { assertCanViewCase, type CaseFacts } from './case';
import { roleIn, type Viewer } from './viewer';

/**
 * Adding an incident to a case is a contribution, not a rewrite: any member of the case's
 * organization may do it to a case they can see (a monitor too, on a colleague's case), while the
 * case takes changes at all. It makes a new version of the case, which goes through review as any
 * other change. Taking an incident out stays with those who may edit the case.
 */
const takesIncidents = new Set<string>(editableReviewStatuses);

export function canLinkIncident(viewer: Viewer, record: CaseFacts): boolean {
  return roleIn(viewer, record.organizationId) !== null && takesIncidents.has(record.reviewStatus);
}

export function assertCanLinkIncident(viewer: Viewer, record: CaseFacts | null): asserts record is CaseFacts {
  assertCanViewCase(viewer, record);
  if (!canLinkIncident(viewer, record)) throw refused('case.busy');
}
