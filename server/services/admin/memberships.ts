import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { DbOrTx, Tx } from '@/db/client';
import { memberships, type Role, users } from '@/db/schema';
import { endSessionsOf } from '@/server/auth/sessions';
import { recordAudit } from '../audit/record';
import { conflict, invalidField, notFound } from '../../errors';
import { assertAnotherActiveAdmin, lockMembershipsOf } from './last-admin';

type MemberChange = { actorId: string; organizationId: string; userId: string; currentRole: Role };

/** The membership as it is now, read after the lock; CONFLICT when it is not what the admin saw. */
async function lockedMembership(tx: Tx, change: MemberChange): Promise<{ role: Role; active: boolean }> {
  await lockMembershipsOf(tx, [change.organizationId]);
  const [row] = await tx
    .select({ role: memberships.role, active: users.active })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, change.organizationId), eq(memberships.userId, change.userId)));
  if (!row) throw notFound('account');
  if (row.role !== change.currentRole) {
    throw conflict('admin.roleChangedMeanwhile', { role: row.role });
  }
  return row;
}

/** Gives a member another role in the organization; the organization keeps an active admin. */
export async function changeRole(db: DbOrTx, change: MemberChange & { role: Role }): Promise<{ role: Role }> {
  return db.transaction(async (tx) => {
    const current = await lockedMembership(tx, change);
    if (change.role === current.role) throw invalidField(['role'], 'admin.sameRole');
    if (current.role === 'admin' && current.active) {
      await assertAnotherActiveAdmin(tx, change.organizationId, change.userId, 'changeRole');
    }
    await tx
      .update(memberships)
      .set({ role: change.role })
      .where(and(eq(memberships.organizationId, change.organizationId), eq(memberships.userId, change.userId)));
    await recordAudit(tx, {
      actorId: change.actorId,
      action: 'membership.role_changed',
      organizationId: change.organizationId,
      subjectType: 'user',
      subjectId: change.userId,
      details: { from: current.role, to: change.role },
    });
    return { role: change.role };
  });
}

/**
 * Takes a person out of the organization: they keep their account (and any other organization),
 * and everything they wrote stays, credited to them. The audit row keeps the role they had.
 */
export async function removeMember(db: DbOrTx, change: MemberChange): Promise<void> {
  await db.transaction(async (tx) => {
    const current = await lockedMembership(tx, change);
    if (current.role === 'admin' && current.active) {
      await assertAnotherActiveAdmin(tx, change.organizationId, change.userId, 'remove');
    }
    await tx.delete(memberships).where(and(eq(memberships.organizationId, change.organizationId), eq(memberships.userId, change.userId)));
    const [another] = await tx.select({ organizationId: memberships.organizationId }).from(memberships).where(eq(memberships.userId, change.userId)).limit(1);
    if (!another) await endSessionsOf(tx, change.userId, 'removed_from_organizations');
    await recordAudit(tx, {
      actorId: change.actorId,
      action: 'membership.removed',
      organizationId: change.organizationId,
      subjectType: 'user',
      subjectId: change.userId,
      details: { role: current.role },
    });
  });
}
