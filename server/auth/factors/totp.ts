import 'server-only';
import { and, eq, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import type { DbOrTx } from '@/db/client';
import { totpFactors } from '@/db/schema';
import { open, seal } from './secret-box';

/**
 * The authenticator-app factor (RFC 6238: six digits, 30-second steps, SHA-1, as every app expects).
 * A code is accepted one step either side of now, for clocks that drift; once accepted, neither it
 * nor any code of an earlier step is accepted again for the account (no replay of an overheard code).
 */
export const totpPeriodSeconds = 30;
const issuer = 'HRD Monitor';
const context = (userId: string) => `totp:${userId}`;

/** A new secret, kept unconfirmed until the person types a code from it; replaces an unconfirmed one. */
export async function startTotpEnrolment(db: DbOrTx, user: { id: string; email: string }): Promise<{ secret: string; uri: string; qrSvg: string }> {
  const secret = generateSecret();
  await db
    .insert(totpFactors)
    .values({ userId: user.id, sealedSecret: seal(secret, context(user.id)) })
    .onConflictDoUpdate({ target: totpFactors.userId, set: { sealedSecret: seal(secret, context(user.id)), createdAt: sql`now()`, lastUsedStep: null }, setWhere: isNull(totpFactors.confirmedAt) });
  const [row] = await db.select({ confirmedAt: totpFactors.confirmedAt }).from(totpFactors).where(eq(totpFactors.userId, user.id));
  // An app already confirmed is replaced only by removing it first (which ends the person's other sessions).
  if (row?.confirmedAt) throw new TotpAlreadyConfirmed();
  const uri = generateURI({ issuer, label: user.email, secret });
  return { secret, uri, qrSvg: await QRCode.toString(uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }) };
}

export class TotpAlreadyConfirmed extends Error {}

/** The step a code matched, or null; a code is six digits, spaces forgiven. */
export async function matchingStep(secret: string, typed: string): Promise<number | null> {
  const token = typed.replace(/\s/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const result = await verify({ secret, token, epochTolerance: totpPeriodSeconds });
  if (!result.valid || !('timeStep' in result)) return null;
  return result.timeStep;
}

/**
 * Checks a code against the person's app (`confirmed`: the confirmed one for sign-in, or the one
 * being set up) and, when it matches a step later than the last one used, records that step in the
 * same statement: two requests with one code, one wins.
 */
export async function useTotpCode(db: DbOrTx, userId: string, typed: string, which: 'confirmed' | 'unconfirmed' = 'confirmed'): Promise<boolean> {
  const [row] = await db.select().from(totpFactors).where(eq(totpFactors.userId, userId));
  if (!row || (which === 'confirmed') !== (row.confirmedAt !== null)) return false;
  const opened = open(row.sealedSecret, context(userId));
  if (!opened) return false;
  const step = await matchingStep(opened.plain, typed);
  if (step === null) return false;
  const used = await db
    .update(totpFactors)
    .set({
      lastUsedStep: step,
      ...(which === 'unconfirmed' ? { confirmedAt: sql`now()` } : {}),
      // Sealed under the previous master key (after a rotation): sealed again under the current one.
      ...(opened.stale ? { sealedSecret: seal(opened.plain, context(userId)) } : {}),
    })
    .where(
      and(
        eq(totpFactors.userId, userId),
        which === 'confirmed' ? isNotNull(totpFactors.confirmedAt) : isNull(totpFactors.confirmedAt),
        or(isNull(totpFactors.lastUsedStep), lt(totpFactors.lastUsedStep, step)),
      ),
    )
    .returning({ userId: totpFactors.userId });
  return used.length === 1;
}

export async function hasConfirmedTotp(db: DbOrTx, userId: string): Promise<boolean> {
  const [row] = await db.select({ userId: totpFactors.userId }).from(totpFactors).where(and(eq(totpFactors.userId, userId), isNotNull(totpFactors.confirmedAt)));
  return Boolean(row);
}

/** Removes the confirmed app; an unconfirmed one is no factor (a new set-up replaces it). */
export async function removeTotp(db: DbOrTx, userId: string): Promise<boolean> {
  const removed = await db.delete(totpFactors).where(and(eq(totpFactors.userId, userId), isNotNull(totpFactors.confirmedAt))).returning({ userId: totpFactors.userId });
  return removed.length > 0;
}
