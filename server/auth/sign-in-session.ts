import type { Db } from '@/db/client';
import { clientAddressOf } from '@/server/public/client-address';
import { checkSignIn } from './sign-in';
import { startSession } from './sessions';

type Headers = Record<string, unknown> | undefined;

const header = (headers: Headers, name: string) => (typeof headers?.[name] === 'string' ? (headers[name] as string) : null);

/** The client's address (see server/public/client-address.ts); the per-account limit holds whatever it is. */
export function clientAddress(headers: Headers): string | null {
  return clientAddressOf(header(headers, 'x-forwarded-for'), header(headers, 'x-real-ip'));
}

/**
 * next-auth's `authorize`: the password check, then a new server-side session whose token goes
 * into the (encrypted) cookie. Null for every refusal, as checkSignIn answers.
 */
export async function signInWithSession(db: Db, credentials: unknown, headers: Headers) {
  const address = clientAddress(headers);
  const user = await checkSignIn(db, credentials, address);
  if (!user) return null;
  const session = await db.transaction((tx) => startSession(tx, { userId: user.id, userAgent: header(headers, 'user-agent'), address }));
  return { ...user, sessionToken: session.token };
}
