import 'server-only';
import { cookies } from 'next/headers';
import { getDb } from '@/db/client';
import { sessionCookieName } from './options';
import { sessionOfCookie } from './request-session';
import type { LiveSession } from './sessions';

/** The live session of the request a server component renders, checked in the database. */
export async function getSignedInSession(): Promise<LiveSession | null> {
  const cookie = (await cookies()).get(sessionCookieName)?.value ?? null;
  return sessionOfCookie(await getDb(), cookie);
}

/** The id of the signed-in user, or null. Who they are now is read from the database. */
export async function getSessionUserId(): Promise<string | null> {
  return (await getSignedInSession())?.userId ?? null;
}
