import 'server-only';
import { decode } from 'next-auth/jwt';
import type { DbOrTx } from '@/db/client';
import type { Viewer } from '../policy/viewer';
import { gateFrom } from './factors/gate';
import { authSecret, sessionCookieName } from './options';
import { findLiveSession, type LiveSession } from './sessions';
import { loadSignedIn } from './viewer';

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

/**
 * The live session behind a next-auth cookie, or null. The cookie must decrypt with our secret AND
 * name a session that the database still holds as live for the same person: a copied cookie dies
 * with its session, whatever its own expiry says. A cookie from before server-side sessions (no
 * `sid`) is refused.
 */
export async function sessionOfCookie(db: DbOrTx, cookie: string | null): Promise<LiveSession | null> {
  const secret = authSecret();
  if (!cookie || !secret) return null;
  let token: Awaited<ReturnType<typeof decode>>;
  try {
    token = await decode({ token: cookie, secret });
  } catch {
    return null;
  }
  if (!token || typeof token.sid !== 'string' || typeof token.sub !== 'string') return null;
  const session = await findLiveSession(db, token.sid);
  return session && session.userId === token.sub ? session : null;
}

/** The live session of an HTTP request (the tRPC handler), from its Cookie header. */
export function sessionOfRequest(db: DbOrTx, request: Request): Promise<LiveSession | null> {
  return sessionOfCookie(db, cookieValue(request.headers.get('cookie'), sessionCookieName));
}

/** A request's person with a session that owes nothing, and that session (for re-authentication). */
export type CompleteSignIn = { session: LiveSession; viewer: Viewer };

/**
 * The route handlers outside tRPC (evidence files): the live session of the request once it owes
 * nothing (no pending second factor, no enrolment its organization requires), with its person read
 * fresh; null otherwise, and for a deactivated account.
 */
export async function completeSignInOfRequest(db: DbOrTx, request: Request): Promise<CompleteSignIn | null> {
  const session = await sessionOfRequest(db, request);
  const signedIn = session ? await loadSignedIn(db, session.userId) : null;
  return session && signedIn && !gateFrom(session, signedIn.factors) ? { session, viewer: signedIn.viewer } : null;
}
