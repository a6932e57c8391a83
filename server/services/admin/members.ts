import 'server-only';
import { and, asc, eq, inArray, notInArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { memberships, organizations, type Role, users } from '@/db/schema';
import { notFound } from '../../errors';
import { pendingLinkExpiry } from './set-password-links';

export type Member = {
  userId: string;
  name: string;
  email: string;
  role: Role;
  active: boolean;
  /** The person's unused set-password link stops working then; null when they have none. */
  linkExpiresAt: Date | null;
  /** Other organizations the person belongs to that the viewer does not administer (their account is then not the viewer's to change). */
  otherOrganizations: number;
};

/** The people of one organization, by name, with what an admin needs to manage them. */
export async function listMembers(
  db: DbOrTx,
  organizationId: string,
  viewerAdminOrganizationIds: string[],
): Promise<{ organization: { id: string; name: string }; members: Member[] }> {
  const [organization] = await db.select({ id: organizations.id, name: organizations.name }).from(organizations).where(eq(organizations.id, organizationId));
  if (!organization) throw notFound('organization');
  const rows = await db
    .select({ userId: users.id, name: users.name, email: users.email, role: memberships.role, active: users.active })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organizationId, organizationId))
    .orderBy(asc(users.name), asc(users.email));
  const userIds = rows.map((row) => row.userId);
  const elsewhere =
    userIds.length === 0
      ? []
      : await db
          .select({ userId: memberships.userId })
          .from(memberships)
          .where(and(inArray(memberships.userId, userIds), notInArray(memberships.organizationId, viewerAdminOrganizationIds)));
  const links = await pendingLinkExpiry(db, userIds);
  const members = rows.map((row) => ({
    ...row,
    linkExpiresAt: links.get(row.userId) ?? null,
    otherOrganizations: elsewhere.filter((other) => other.userId === row.userId).length,
  }));
  return { organization, members };
}
