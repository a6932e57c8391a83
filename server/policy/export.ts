import 'server-only';
import { roleIn, type Viewer } from './viewer';

/**
 * Who may export an organization's records (every state, confidential names included): its
 * reviewers and admins, the coordinators who already see everything in review. A monitor is
 * refused; anyone else is told the organization does not exist, as for every record they may not see.
 */
export function exportVerdict(viewer: Viewer | null, organizationId: string): 'ok' | 'unauthorized' | 'forbidden' | 'not_found' {
  if (!viewer) return 'unauthorized';
  const role = roleIn(viewer, organizationId);
  if (role === null) return 'not_found';
  return role === 'admin' || role === 'reviewer' ? 'ok' : 'forbidden';
}
