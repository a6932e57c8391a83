import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { users } from '@/db/schema';
import { peerAddressHeader } from '@/server/http/peer-address';
import { clientAddressOf } from '@/server/public/client-address';
import { dummyPasswordHash, verifyPassword } from './password';
import { checkSignIn, signInInput } from './sign-in';
import { factorRequirementOf } from './viewer';
import { startSession } from './sessions';

type Headers = Record<string, unknown> | undefined;

const header = (headers: Headers, name: string) => (typeof headers?.[name] === 'string' ? (headers[name] as string) : null);

/** The client's address (see server/public/client-address.ts); the per-account limit holds whatever it is. */
export function clientAddress(headers: Headers): string | null {
  return clientAddressOf(header(headers, 'x-forwarded-for'), header(headers, 'x-real-ip'), undefined, header(headers, peerAddressHeader));
}

/**
 * next-auth's `authorize`: the password check, then a new server-side session whose token goes
 * into the (encrypted) cookie. Null for every refusal, as checkSignIn answers.
 */
export async function signInWithSession(db: Db, credentials: unknown, headers: Headers) {
  const address = clientAddress(headers);
  const user = await checkSignIn(db, credentials, address);
  if (!user) {
    if (await isDeactivatedWithRightPassword(db, credentials)) throw new Error(accountDeactivated);
    return null;
  }
  // With a second factor on the account, the password opens only the second-factor step (./factors/gate.ts).
  const { enrolled } = await factorRequirementOf(db, user.id);
  const session = await db.transaction((tx) => startSession(tx, { userId: user.id, userAgent: header(headers, 'user-agent'), address, secondFactorPending: enrolled }));
  return { ...user, sessionToken: session.token };
}

/** What the sign-in page receives (next-auth's `error`) for a deactivated person: issue 13, item 7. */
export const accountDeactivated = 'AccountDeactivated';

/**
 * A deactivated person who gives their right password is told so, not that the password is wrong.
 * Only the right password reveals it; every refusal pays one more verification, so timing tells
 * nobody which emails are deactivated accounts.
 */
async function isDeactivatedWithRightPassword(db: Db, credentials: unknown): Promise<boolean> {
  const parsed = signInInput.safeParse(credentials);
  if (!parsed.success) return false;
  const [user] = await db.select({ active: users.active, passwordHash: users.passwordHash }).from(users).where(eq(users.email, parsed.data.email));
  const deactivated = user !== undefined && !user.active;
  const ok = await verifyPassword(deactivated ? user.passwordHash : await dummyPasswordHash(), parsed.data.password);
  return deactivated && ok;
}
