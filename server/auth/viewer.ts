import 'server-only';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { memberships, organizations, users } from '@/db/schema';
import type { Viewer } from '../policy/viewer';

/**
 * The signed-in account as the server sees it on this request, read fresh from the database, so
 * a deactivation or a role change takes effect on the very next request. Null when the account no
 * longer exists or has been deactivated.
 */
export async function loadViewer(db: DbOrTx, userId: string): Promise<Viewer | null> {
  const [user] = await db
    .select({ id: users.id, email: users.email, name: users.name, active: users.active })
    .from(users)
    .where(eq(users.id, userId));
  if (!user || !user.active) return null;
  const rows = await db
    .select({
      organizationId: memberships.organizationId,
      role: memberships.role,
      organizationName: organizations.name,
      organizationSlug: organizations.slug,
    })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(eq(memberships.userId, userId))
    .orderBy(organizations.name);
  return { id: user.id, email: user.email, name: user.name, memberships: rows };
}
