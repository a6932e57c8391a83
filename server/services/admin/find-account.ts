import 'server-only';
import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { memberships, users, type Role } from '@/db/schema';

/** A user account, as the admin pages manage it (a documented person is a `person`, elsewhere). */
export type Account = {
  id: string;
  name: string;
  email: string;
  active: boolean;
  memberships: { organizationId: string; role: Role }[];
};

/** A user with all their memberships, for the admin policy; null when there is no such user. */
export async function findAccount(db: DbOrTx, userId: string): Promise<Account | null> {
  const [user] = await db
    .select({ id: users.id, name: users.name, email: users.email, active: users.active })
    .from(users)
    .where(eq(users.id, userId));
  if (!user) return null;
  const rows = await db
    .select({ organizationId: memberships.organizationId, role: memberships.role })
    .from(memberships)
    .where(eq(memberships.userId, userId))
    .orderBy(asc(memberships.organizationId));
  return { ...user, memberships: rows };
}
