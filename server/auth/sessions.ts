import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, isNull, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { accountNotices, sessions } from '@/db/schema';
import { coarseAddressOf, deviceLabelOf } from './device';
import { sessionLifetime } from './session-lifetime';

/**
 * The server-side sessions: started at sign-in, looked up on every request, ended at once when the
 * person signs out or their account changes under them. The token never touches the database;
 * its SHA-256 does.
 */
export type SessionEndReason =
  | 'sign_out'
  | 'sign_out_everywhere'
  | 'ended_by_owner'
  | 'password_changed'
  | 'factors_changed'
  | 'deactivated'
  | 'removed_from_organizations'
  | 'expired';

/** The session a request belongs to, once its token has been found live in the database. */
export type LiveSession = { id: string; userId: string; authenticatedAt: Date; secondFactorPending: boolean };

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/** Touching last-seen at most once a minute keeps a busy page from writing on every request. */
const touchEveryMs = 60_000;

export async function startSession(
  db: DbOrTx,
  params: { userId: string; userAgent: string | null; address: string | null; secondFactorPending?: boolean },
): Promise<{ token: string; id: string; deviceLabel: string; knownDevice: boolean }> {
  const token = randomBytes(32).toString('base64url');
  const deviceLabel = deviceLabelOf(params.userAgent);
  const coarseAddress = coarseAddressOf(params.address);
  const [earlier] = await db
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.userId, params.userId), eq(sessions.deviceLabel, deviceLabel), coarseAddress ? eq(sessions.coarseAddress, coarseAddress) : isNull(sessions.coarseAddress)))
    .limit(1);
  const [any] = earlier ? [earlier] : await db.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, params.userId)).limit(1);
  const [row] = await db
    .insert(sessions)
    .values({ userId: params.userId, idHash: hashOf(token), deviceLabel, coarseAddress, secondFactorPending: params.secondFactorPending ?? false })
    .returning({ id: sessions.id });
  // The very first sign-in is no news; a later one from a device and network never seen before is.
  if (any && !earlier) await db.insert(accountNotices).values({ userId: params.userId, kind: 'new_device_sign_in', deviceLabel, coarseAddress });
  return { token, id: row!.id, deviceLabel, knownDevice: Boolean(earlier) };
}

/**
 * A session's row as the per-request lookup reads it: the times in milliseconds since the epoch, a
 * number both database drivers answer alike in a raw statement.
 */
export type SessionRow = { sessionId: string; sessionUserId: string; authenticatedMs: number; secondFactorPending: boolean; createdMs: number; lastSeenMs: number; nowMs: number };

const epochMs = (column: unknown) => sql`(extract(epoch from ${column}) * 1000)::float8`;

/** The columns of `SessionRow`, for a statement whose FROM has `sessions` (the session read with its account: ./request-session.ts). */
export const sessionColumns = sql`
  ${sessions.id} AS "sessionId", ${sessions.userId} AS "sessionUserId", ${epochMs(sessions.authenticatedAt)} AS "authenticatedMs",
  ${sessions.secondFactorPending} AS "secondFactorPending", ${epochMs(sessions.createdAt)} AS "createdMs",
  ${epochMs(sessions.lastSeenAt)} AS "lastSeenMs", ${epochMs(sql`now()`)} AS "nowMs"`;

/** Which row of `sessions` a token names, if it has not ended. */
export const sessionOfToken = (token: string) => and(eq(sessions.idHash, hashOf(token)), isNull(sessions.endedAt));

/**
 * The session of a row read by token (./request-session.ts), or null when it has expired: idle for
 * too long or older than the absolute lifetime. An expired session is marked ended on the way, so it
 * can never come back. Last-seen is touched now and then.
 */
export async function liveSessionOf(db: DbOrTx, row: SessionRow): Promise<LiveSession | null> {
  const { idleMs, absoluteMs } = sessionLifetime();
  const now = Number(row.nowMs);
  if (now - Number(row.lastSeenMs) > idleMs || now - Number(row.createdMs) > absoluteMs) {
    await endSession(db, row.sessionUserId, row.sessionId, 'expired');
    return null;
  }
  if (now - Number(row.lastSeenMs) > touchEveryMs) {
    await db.update(sessions).set({ lastSeenAt: sql`now()` }).where(eq(sessions.id, row.sessionId));
  }
  return { id: row.sessionId, userId: row.sessionUserId, authenticatedAt: new Date(Number(row.authenticatedMs)), secondFactorPending: row.secondFactorPending };
}

/** Ends one session of this person; false when it is not theirs or was over already. */
export async function endSession(db: DbOrTx, userId: string, sessionId: string, reason: SessionEndReason): Promise<boolean> {
  const ended = await db
    .update(sessions)
    .set({ endedAt: sql`now()`, endReason: reason })
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId), isNull(sessions.endedAt)))
    .returning({ id: sessions.id });
  return ended.length > 0;
}

/** Ends every session of a person (but the one named in `except`); call it in the transaction of the change that requires it. */
export async function endSessionsOf(db: DbOrTx, userId: string, reason: SessionEndReason, except?: string): Promise<number> {
  const ended = await db
    .update(sessions)
    .set({ endedAt: sql`now()`, endReason: reason })
    .where(and(eq(sessions.userId, userId), isNull(sessions.endedAt), except ? ne(sessions.id, except) : undefined))
    .returning({ id: sessions.id });
  return ended.length;
}

/** Records that the person proved who they are again in this session (password or second factor); a second factor also completes a pending sign-in. */
export async function markAuthenticated(db: DbOrTx, sessionId: string, options: { secondFactor?: boolean } = {}): Promise<void> {
  await db
    .update(sessions)
    .set({ authenticatedAt: sql`now()`, ...(options.secondFactor ? { secondFactorPending: false } : {}) })
    .where(eq(sessions.id, sessionId));
}

/** The person's live sessions, most recently used first (expired ones that nobody has touched since are left out). */
export async function listSessions(db: DbOrTx, userId: string) {
  const { idleMs, absoluteMs } = sessionLifetime();
  return db
    .select({ id: sessions.id, deviceLabel: sessions.deviceLabel, coarseAddress: sessions.coarseAddress, createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt })
    .from(sessions)
    .where(
      and(
        eq(sessions.userId, userId),
        isNull(sessions.endedAt),
        sql`${sessions.lastSeenAt} > now() - ${idleMs} * interval '1 millisecond'`,
        sql`${sessions.createdAt} > now() - ${absoluteMs} * interval '1 millisecond'`,
      ),
    )
    .orderBy(desc(sessions.lastSeenAt))
    .limit(100);
}

/** Sign-out: ends the session whose token the cookie held, whoever asks. */
export async function endSessionByToken(db: DbOrTx, token: string, reason: SessionEndReason): Promise<void> {
  await db.update(sessions).set({ endedAt: sql`now()`, endReason: reason }).where(and(eq(sessions.idHash, hashOf(token)), isNull(sessions.endedAt)));
}

/** The person's notices not yet dismissed, newest first. */
export function listAccountNotices(db: DbOrTx, userId: string) {
  return db
    .select({ id: accountNotices.id, kind: accountNotices.kind, deviceLabel: accountNotices.deviceLabel, coarseAddress: accountNotices.coarseAddress, createdAt: accountNotices.createdAt })
    .from(accountNotices)
    .where(and(eq(accountNotices.userId, userId), isNull(accountNotices.dismissedAt)))
    .orderBy(desc(accountNotices.createdAt))
    .limit(20);
}

/** Dismisses one of the person's notices; false when it is not theirs or was dismissed already. */
export async function dismissAccountNotice(db: DbOrTx, userId: string, noticeId: string): Promise<boolean> {
  const done = await db
    .update(accountNotices)
    .set({ dismissedAt: sql`now()` })
    .where(and(eq(accountNotices.id, noticeId), eq(accountNotices.userId, userId), isNull(accountNotices.dismissedAt)))
    .returning({ id: accountNotices.id });
  return done.length > 0;
}
