import 'server-only';
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransportFuture,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { and, asc, eq, gt, isNotNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { passkeys, sessions } from '@/db/schema';
import { relyingParty } from './relying-party';

/**
 * Passkeys (WebAuthn) as a second factor: registered from the account page or at enrolment, and
 * asked for after the password. Each challenge is kept on the session that asked for it, answerable
 * once and for five minutes, so an answer cannot be replayed or carried to another session.
 */
const challengeMs = 5 * 60_000;

async function keepChallenge(db: DbOrTx, sessionId: string, challenge: string): Promise<void> {
  await db
    .update(sessions)
    .set({ webauthnChallenge: challenge, webauthnChallengeExpiresAt: sql`now() + ${challengeMs} * interval '1 millisecond'` })
    .where(eq(sessions.id, sessionId));
}

/** The session's outstanding challenge, taken (cleared) so that it is answered at most once; null when none or expired. */
async function takeChallenge(db: DbOrTx, sessionId: string): Promise<string | null> {
  const [row] = await db
    .select({ challenge: sessions.webauthnChallenge })
    .from(sessions)
    .where(and(eq(sessions.id, sessionId), isNotNull(sessions.webauthnChallenge), gt(sessions.webauthnChallengeExpiresAt, sql`now()`)));
  if (!row?.challenge) return null;
  const taken = await db
    .update(sessions)
    .set({ webauthnChallenge: null, webauthnChallengeExpiresAt: null })
    .where(and(eq(sessions.id, sessionId), eq(sessions.webauthnChallenge, row.challenge)))
    .returning({ id: sessions.id });
  return taken.length === 1 ? row.challenge : null;
}

const transportsOf = (values: string[]) => values as AuthenticatorTransportFuture[];

export function listPasskeys(db: DbOrTx, userId: string) {
  return db
    .select({ id: passkeys.id, label: passkeys.label, createdAt: passkeys.createdAt, lastUsedAt: passkeys.lastUsedAt })
    .from(passkeys)
    .where(eq(passkeys.userId, userId))
    .orderBy(asc(passkeys.createdAt));
}

export async function passkeyRegistrationOptions(db: DbOrTx, sessionId: string, user: { id: string; email: string; name: string }) {
  const rp = relyingParty();
  const existing = await db.select({ credentialId: passkeys.credentialId, transports: passkeys.transports }).from(passkeys).where(eq(passkeys.userId, user.id));
  const options = await generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    userName: user.email,
    userDisplayName: user.name,
    userID: new TextEncoder().encode(user.id),
    attestationType: 'none',
    excludeCredentials: existing.map((row) => ({ id: row.credentialId, transports: transportsOf(row.transports) })),
    authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
  });
  await keepChallenge(db, sessionId, options.challenge);
  return options;
}

/** Verifies the browser's answer and keeps the new credential; false when it does not verify. */
export async function registerPasskey(db: DbOrTx, sessionId: string, userId: string, response: RegistrationResponseJSON, label: string): Promise<boolean> {
  const challenge = await takeChallenge(db, sessionId);
  if (!challenge) return false;
  const rp = relyingParty();
  const result = await verifyRegistrationResponse({ response, expectedChallenge: challenge, expectedOrigin: rp.origin, expectedRPID: rp.id }).catch(() => null);
  if (!result?.verified) return false;
  const { credential } = result.registrationInfo;
  const inserted = await db
    .insert(passkeys)
    .values({ userId, credentialId: credential.id, publicKey: Buffer.from(credential.publicKey).toString('base64url'), counter: credential.counter, transports: credential.transports ?? [], label })
    .onConflictDoNothing()
    .returning({ id: passkeys.id });
  return inserted.length === 1;
}

export async function passkeyAuthenticationOptions(db: DbOrTx, sessionId: string, userId: string) {
  const mine = await db.select({ credentialId: passkeys.credentialId, transports: passkeys.transports }).from(passkeys).where(eq(passkeys.userId, userId));
  const options = await generateAuthenticationOptions({
    rpID: relyingParty().id,
    allowCredentials: mine.map((row) => ({ id: row.credentialId, transports: transportsOf(row.transports) })),
    userVerification: 'preferred',
  });
  await keepChallenge(db, sessionId, options.challenge);
  return options;
}

/** Checks the browser's signature with one of the person's own passkeys; false for anything else. */
export async function usePasskey(db: DbOrTx, sessionId: string, userId: string, response: AuthenticationResponseJSON): Promise<boolean> {
  const challenge = await takeChallenge(db, sessionId);
  if (!challenge) return false;
  const [key] = await db.select().from(passkeys).where(and(eq(passkeys.userId, userId), eq(passkeys.credentialId, response.id)));
  if (!key) return false;
  const rp = relyingParty();
  const result = await verifyAuthenticationResponse({
    response,
    expectedChallenge: challenge,
    expectedOrigin: rp.origin,
    expectedRPID: rp.id,
    credential: { id: key.credentialId, publicKey: new Uint8Array(Buffer.from(key.publicKey, 'base64url')), counter: key.counter, transports: transportsOf(key.transports) },
  }).catch(() => null);
  if (!result?.verified) return false;
  await db.update(passkeys).set({ counter: result.authenticationInfo.newCounter, lastUsedAt: sql`now()` }).where(eq(passkeys.id, key.id));
  return true;
}

export async function removePasskey(db: DbOrTx, userId: string, passkeyId: string): Promise<boolean> {
  const removed = await db.delete(passkeys).where(and(eq(passkeys.id, passkeyId), eq(passkeys.userId, userId))).returning({ id: passkeys.id });
  return removed.length > 0;
}
