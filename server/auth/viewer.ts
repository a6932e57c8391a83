import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { memberships, organizations, users } from '@/db/schema';
import type { Role } from '@/db/schema';

/**
 * The signed-in person as the server sees them on this request, read fresh from the database, so
 * a deactivation or a role change takes effect on the very next request.
 */
export type Viewer = {
  id: string;
  email: string;
  name: string;
  memberships: { organizationId: string; organizationName: string; organizationSlug: string; role: Role }[];
};

/** Null when the user no longer exists or has been deactivated. */
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
