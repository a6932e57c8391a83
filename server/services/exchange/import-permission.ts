import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { memberships, organizations, type ReviewStatus, type Role, users } from '@/db/schema';
import { notFound, refused } from '../../errors';
import type { ExchangeDocument } from './document';

// Records in these states are public or one click from it: only a reviewer or admin may bring them in.
const publishingStates: readonly ReviewStatus[] = ['approved', 'published'];
const publishingRoles: readonly Role[] = ['reviewer', 'admin'];

/**
 * The organization and the acting user exist; and if the file marks incidents published or approved,
 * the acting user is a reviewer or admin of the organization, because the import publishes those
 * records on their behalf (the history names them).
 */
export async function checkImportPermission(
  tx: Tx,
  params: { organizationId: string; actingUserId: string | null; doc: ExchangeDocument },
): Promise<void> {
  const [organization] = await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, params.organizationId));
  if (!organization) throw notFound('organization');

  let role: Role | null = null;
  if (params.actingUserId) {
    const [user] = await tx
      .select({ active: users.active, role: memberships.role })
      .from(users)
      .leftJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.organizationId, params.organizationId)))
      .where(eq(users.id, params.actingUserId));
    if (!user) throw notFound('user');
    if (!user.active) throw refused('exchange.importerDeactivated');
    role = user.role;
  }

  const marked = params.doc.incidents.filter((incident) => incident.status && publishingStates.includes(incident.status));
  if (marked.length === 0 || (role && publishingRoles.includes(role))) return;
  // A member who is neither reviewer nor admin is a monitor.
  const problem = params.actingUserId === null ? 'exchange.publishedNoImporter' : role ? 'exchange.publishedByMonitor' : 'exchange.publishedByNonMember';
  throw refused(problem, { count: marked.length, first: marked[0]!.ref });
}
