import 'server-only';
import { sql } from 'drizzle-orm';
import { decode } from 'next-auth/jwt';
import type { DbOrTx } from '@/db/client';
import { rowsOf } from '@/db/rows';
import { sessions, users } from '@/db/schema';
import type { Viewer } from '../policy/viewer';
import { gateFrom } from './factors/gate';
import { authSecret, sessionCookieName } from './options';
import { liveSessionOf, sessionColumns, sessionOfToken, type LiveSession, type SessionRow } from './sessions';
import { accountColumns, signedInOf, type AccountRow, type SignedIn } from './viewer';

/** One cookie's value from a Cookie header, or null. */
export function cookieValue(cookieHeader: string | null | undefined, name: string): string | null {
  for (const part of (cookieHeader ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) {
      try {
        return decodeURIComponent(part.slice(at + 1).trim());
      } catch {
        return null;
      }
    }
  }
  return null;
}

/** A request's live session and its account, read fresh (null when the account is gone or deactivated). */
export type SessionSignIn = { session: LiveSession; signedIn: SignedIn | null };

/**
 * The live session behind a next-auth cookie, with its account, or null. The cookie must decrypt
 * with our secret AND name a session that the database still holds as live for the same person: a
 * copied cookie dies with its session, whatever its own expiry says. A cookie from before
 * server-side sessions (no `sid`) is refused. Session and account come in one statement: every
 * signed-in request, page or API call, reads both.
 */
export async function signInOfCookie(db: DbOrTx, cookie: string | null): Promise<SessionSignIn | null> {
  const secret = authSecret();
  if (!cookie || !secret) return null;
  let token: Awaited<ReturnType<typeof decode>>;
  try {
    token = await decode({ token: cookie, secret });
  } catch {
    return null;
  }
  if (!token || typeof token.sid !== 'string' || typeof token.sub !== 'string') return null;
  const [row] = rowsOf<SessionRow & AccountRow>(
    await db.execute(sql`SELECT ${sessionColumns}, ${accountColumns} FROM ${sessions} LEFT JOIN ${users} ON ${users.id} = ${sessions.userId} WHERE ${sessionOfToken(token.sid)}`),
  );
  if (!row || row.sessionUserId !== token.sub) return null;
  const session = await liveSessionOf(db, row);
  return session ? { session, signedIn: signedInOf(row) } : null;
}

/** The live session of an HTTP request (the tRPC handler), with its account, from its Cookie header. */
export function signInOfRequest(db: DbOrTx, request: Request): Promise<SessionSignIn | null> {
  return signInOfCookie(db, cookieValue(request.headers.get('cookie'), sessionCookieName));
}

/** A request's person with a session that owes nothing, and that session (for re-authentication). */
export type CompleteSignIn = { session: LiveSession; viewer: Viewer };

/**
 * The route handlers outside tRPC (evidence files): the live session of the request once it owes
 * nothing (no pending second factor, no enrolment its organization requires), with its person read
 * fresh; null otherwise, and for a deactivated account.
 */
export async function completeSignInOfRequest(db: DbOrTx, request: Request): Promise<CompleteSignIn | null> {
  const found = await signInOfRequest(db, request);
  const signedIn = found?.signedIn;
  return found && signedIn && !gateFrom(found.session, signedIn.factors) ? { session: found.session, viewer: signedIn.viewer } : null;
}
