import { notFound } from 'next/navigation';
import { cache } from 'react';
import { isAdmin } from '@/server/policy/admin';
import { requireViewer } from '../session';

/**
 * The viewer, who must administer at least one organization; to anyone else the admin pages do not
 * exist. Each page asks too, not only the layout: Next renders a layout and its page in parallel.
 */
export const requireAdmin = cache(async () => {
  const { caller, viewer } = await requireViewer();
  if (!isAdmin(viewer)) notFound();
  return { caller, viewer, administered: viewer.memberships.filter((m) => m.role === 'admin') };
});
