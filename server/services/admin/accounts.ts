import 'server-only';
import { eq } from 'drizzle-orm';
import type { DbOrTx, Tx } from '@/db/client';
import { memberships, users } from '@/db/schema';
import { endSessionsOf } from '@/server/auth/sessions';
import { recordAudit } from '../audit/record';
import { badRequest, conflict, notFound } from '../../errors';
import { assertAnotherActiveAdmin, lockMembershipsOf } from './last-admin';
import { type IssuedLink, issueSetPasswordLink, revokeSetPasswordLinks } from './set-password-links';

/**
 * Changes to a whole account (not one membership): deactivation, reactivation, a new set-password
 * link. The policy has checked that the admin administers every organization of the person; the
 * audit row names the organization the admin acted from.
 */
type AccountChange = { actorId: string; organizationId: string; userId: string };

async function lockedAccount(tx: Tx, userId: string) {
  const theirs = await tx.select({ organizationId: memberships.organizationId, role: memberships.role }).from(memberships).where(eq(memberships.userId, userId));
  await lockMembershipsOf(tx, theirs.map((m) => m.organizationId));
  const [user] = await tx.select({ active: users.active }).from(users).where(eq(users.id, userId)).for('update');
  if (!user) throw notFound('account');
  // Read again under the lock: a role may have changed since the first read.
  const roles = await tx.select({ organizationId: memberships.organizationId, role: memberships.role }).from(memberships).where(eq(memberships.userId, userId));
  return { active: user.active, memberships: roles };
}

/**
 * Deactivated people cannot sign in, and their next request is refused (every request reads the
 * account). Their records and memberships stay, so reactivation gives everything back.
 */
export async function deactivateUser(db: DbOrTx, change: AccountChange): Promise<void> {
  if (change.userId === change.actorId) {
    throw badRequest('admin.deactivateSelf');
  }
  await db.transaction(async (tx) => {
    const account = await lockedAccount(tx, change.userId);
    if (!account.active) throw conflict('admin.alreadyDeactivated');
    for (const membership of account.memberships) {
      if (membership.role === 'admin') await assertAnotherActiveAdmin(tx, membership.organizationId, change.userId, 'deactivate');
    }
    await tx.update(users).set({ active: false }).where(eq(users.id, change.userId));
    // At once, not at the next request: and a reactivation must not bring an old cookie or link back.
    await endSessionsOf(tx, change.userId, 'deactivated');
    await revokeSetPasswordLinks(tx, change.userId);
    await recordAudit(tx, { actorId: change.actorId, action: 'user.deactivated', organizationId: change.organizationId, subjectType: 'user', subjectId: change.userId });
  });
}

export async function reactivateUser(db: DbOrTx, change: AccountChange): Promise<void> {
  await db.transaction(async (tx) => {
    const account = await lockedAccount(tx, change.userId);
    if (account.active) throw conflict('admin.alreadyActive');
    await tx.update(users).set({ active: true }).where(eq(users.id, change.userId));
    await recordAudit(tx, { actorId: change.actorId, action: 'user.reactivated', organizationId: change.organizationId, subjectType: 'user', subjectId: change.userId });
  });
}

/** For someone who lost their link or forgot their password: the earlier link stops working. */
export async function newSetPasswordLink(db: DbOrTx, change: AccountChange): Promise<IssuedLink> {
  return db.transaction(async (tx) => {
    const account = await lockedAccount(tx, change.userId);
    if (!account.active) throw badRequest('admin.reactivateFirst');
    const link = await issueSetPasswordLink(tx, { userId: change.userId, createdBy: change.actorId });
    await recordAudit(tx, {
      actorId: change.actorId,
      action: 'user.set_password_link_issued',
      organizationId: change.organizationId,
      subjectType: 'user',
      subjectId: change.userId,
      details: { linkExpiresAt: link.expiresAt.toISOString() },
    });
    return link;
  });
}
