import 'server-only';
import { and, asc, count, eq, inArray, ne } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { badRequest } from '@/server/errors';
import { memberships, organizations, users } from '@/db/schema';

/**
 * Every organization keeps at least one active admin, or nobody could manage its people again.
 *
 * The check and the change must not interleave with another admin's: two admins demoting each
 * other at the same moment would each still see the other and leave none. So the change first
 * locks the memberships of the organizations concerned (in a fixed order, so two changes never
 * wait on each other crosswise), then counts.
 */
export async function lockMembershipsOf(tx: Tx, organizationIds: string[]): Promise<void> {
  if (organizationIds.length === 0) return;
  await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(inArray(memberships.organizationId, organizationIds))
    .orderBy(asc(memberships.organizationId), asc(memberships.userId))
    .for('update');
}

/** Refuses (BAD_REQUEST) when nobody but this person is an active admin of the organization. Call after lockMembershipsOf. */
export async function assertAnotherActiveAdmin(tx: Tx, organizationId: string, userId: string, doing: 'deactivate' | 'changeRole' | 'remove'): Promise<void> {
  const [row] = await tx
    .select({ n: count() })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.role, 'admin'), eq(users.active, true), ne(memberships.userId, userId)));
  if ((row?.n ?? 0) > 0) return;
  const [organization] = await tx.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, organizationId));
  throw badRequest(`admin.lastAdmin.${doing}`, { organization: organization?.name ?? '' });
}
