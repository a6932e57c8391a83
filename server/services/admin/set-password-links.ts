import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '@/db/client';
import { setPasswordLinks, users } from '@/db/schema';
import { hashPassword } from '../../auth/password';
import { endSessionsOf } from '../../auth/sessions';
import { recordSuccess } from '../../auth/throttle';
import { badRequest } from '../../errors';
import { recordAudit } from '../audit/record';

/** How long a link works: long enough to reach someone who is travelling, short enough to go stale. */
export const setPasswordLinkDays = 7;

/** The token is in the link, never stored: only its SHA-256 is, so a copy of the database lets nobody in. */
function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export type IssuedLink = { token: string; expiresAt: Date };

/**
 * A new one-time link for the person; any earlier unused link stops working. The caller writes the
 * audit row (it knows why the link was made) in the same transaction.
 */
export async function issueSetPasswordLink(tx: Tx, params: { userId: string; createdBy: string | null }): Promise<IssuedLink> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + setPasswordLinkDays * 24 * 60 * 60 * 1000);
  await tx
    .update(setPasswordLinks)
    .set({ usedAt: sql`now()` })
    .where(and(eq(setPasswordLinks.userId, params.userId), isNull(setPasswordLinks.usedAt)));
  await tx.insert(setPasswordLinks).values({ userId: params.userId, tokenHash: tokenHash(token), createdBy: params.createdBy, expiresAt });
  return { token, expiresAt };
}

/** Deactivation: every unused link of the person stops working for good, also after a reactivation. */
export async function revokeSetPasswordLinks(tx: Tx, userId: string): Promise<void> {
  await tx.update(setPasswordLinks).set({ usedAt: sql`now()` }).where(and(eq(setPasswordLinks.userId, userId), isNull(setPasswordLinks.usedAt)));
}

/** When the person's newest link stops working, if it is still unused: what the admin's list shows. */
export async function pendingLinkExpiry(db: DbOrTx, userIds: string[]): Promise<Map<string, Date>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .select({ userId: setPasswordLinks.userId, expiresAt: setPasswordLinks.expiresAt })
    .from(setPasswordLinks)
    .where(and(isNull(setPasswordLinks.usedAt), inArray(setPasswordLinks.userId, userIds)));
  return new Map(rows.map((row) => [row.userId, row.expiresAt]));
}

const refused = () =>
  badRequest('setPasswordLink.notUsable');

/**
 * Sets the person's password with a link, once. Every reason for refusing answers alike, so the
 * page tells nothing about which accounts exist.
 */
export async function setPasswordWithLink(db: DbOrTx, params: { token: string; password: string }): Promise<{ email: string }> {
  const usableLink = (tx: DbOrTx) =>
    tx
      .select({ id: setPasswordLinks.id, userId: setPasswordLinks.userId, email: users.email, active: users.active })
      .from(setPasswordLinks)
      .innerJoin(users, eq(users.id, setPasswordLinks.userId))
      .where(and(eq(setPasswordLinks.tokenHash, tokenHash(params.token)), isNull(setPasswordLinks.usedAt), gt(setPasswordLinks.expiresAt, sql`now()`)));
  // The token first: hashing a password costs ~65 ms of CPU, which nobody gets to spend without a working link.
  const [candidate] = await usableLink(db);
  if (!candidate || !candidate.active) throw refused();
  const passwordHash = await hashPassword(params.password);
  return db.transaction(async (tx) => {
    // Again under a lock: the link may have been used meanwhile.
    const [link] = await usableLink(tx).for('update');
    if (!link || !link.active) throw refused();
    await tx.update(setPasswordLinks).set({ usedAt: sql`now()` }).where(eq(setPasswordLinks.id, link.id));
    await tx.update(users).set({ passwordHash }).where(eq(users.id, link.userId));
    // Whoever knew the old password may be signed in somewhere: every session ends with it.
    await endSessionsOf(tx, link.userId, 'password_changed');
    // Failed guesses before the person had a password must not lock them out of their first sign-in.
    await recordSuccess(tx, link.email);
    await recordAudit(tx, { actorId: link.userId, action: 'user.password_set', subjectType: 'user', subjectId: link.userId, details: { via: 'link' } });
    return { email: link.email };
  });
}
