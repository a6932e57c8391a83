import 'server-only';
import { cookies } from 'next/headers';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { gateOf } from './factors/gate';
import { sessionCookieName } from './options';
import { signInOfCookie, type SessionSignIn } from './request-session';
import type { LiveSession } from './sessions';

/**
 * The live session of the request a server component renders, with its account, checked in the
 * database (gated or not). Read once per request: the layout, the page and the search cookie share it.
 */
export const getSignIn = cache(async (): Promise<SessionSignIn | null> => {
  const cookie = (await cookies()).get(sessionCookieName)?.value ?? null;
  return signInOfCookie(await getDb(), cookie);
});

/** The live session of the request a server component renders (see `getSignIn`). */
export async function getSignedInSession(): Promise<LiveSession | null> {
  return (await getSignIn())?.session ?? null;
}

/**
 * The live session, only once it owes nothing: no pending second factor, no enrolment the person's
 * organization requires (./factors/gate.ts). The route handlers outside tRPC (files, exports) use this.
 */
export async function getCompleteSession(): Promise<LiveSession | null> {
  const session = await getSignedInSession();
  return session && !(await gateOf(await getDb(), session)) ? session : null;
}

/** The id of the signed-in user with a complete session, or null. Who they are now is read from the database. */
export async function getSessionUserId(): Promise<string | null> {
  return (await getCompleteSession())?.userId ?? null;
}
