import 'server-only';
import { notFound, refused } from '../errors';
import { roleIn, type Viewer } from './viewer';

/**
 * Who sees the public preview of a record (what the public would read, with the original beside
 * it): the reviewers and admins of the organization that owns it, who decide on publication. A
 * record of another organization, or none, answers NOT_FOUND; a monitor of the organization is told why not.
 */
export function assertCanPreview(viewer: Viewer, record: { organizationId: string } | null, what: 'incident' | 'case'): asserts record is { organizationId: string } {
  const role = record ? roleIn(viewer, record.organizationId) : null;
  if (!record || !role) throw notFound(what);
  if (role === 'monitor') throw refused('preview.reviewersOnly');
}
