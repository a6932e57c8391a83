import 'server-only';
import { randomInt } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '@/db/client';
import { recoveryCodes } from '@/db/schema';
import { hashPassword, verifyPassword } from '../password';

/**
 * Ten one-time recovery codes, for the day the phone or the key is lost. Shown once, stored only as
 * argon2id hashes. Ten letters and digits from an alphabet without look-alikes (about 50 bits each),
 * written as two groups of five; typing is forgiving of case, spaces and dashes.
 */
export const recoveryCodeCount = 10;
const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';

export function newRecoveryCode(): string {
  const chars = Array.from({ length: 10 }, () => alphabet[randomInt(alphabet.length)]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

/** "ABCDE FGHIJ", "abcde-fghij" and "abcdefghij" are the same code. */
export function normalizeRecoveryCode(typed: string): string {
  const plain = typed.toLowerCase().replace(/[\s-]/g, '');
  return plain.length === 10 ? `${plain.slice(0, 5)}-${plain.slice(5)}` : plain;
}

/** Replaces every earlier code of the person with ten new ones; returns them to be shown once. */
export async function replaceRecoveryCodes(tx: Tx, userId: string): Promise<string[]> {
  const codes = Array.from({ length: recoveryCodeCount }, newRecoveryCode);
  const hashes = await Promise.all(codes.map((code) => hashPassword(code)));
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await tx.insert(recoveryCodes).values(hashes.map((codeHash) => ({ userId, codeHash })));
  return codes;
}

/**
 * Uses up a recovery code: true when it matches one of the person's unused codes, which is marked
 * used in the same statement that checks it is still unused (two requests racing with the same code:
 * one wins). Every unused hash is tried, so the time taken says nothing about which one matched.
 */
export async function useRecoveryCode(db: DbOrTx, userId: string, typed: string): Promise<boolean> {
  const code = normalizeRecoveryCode(typed);
  if (code.length !== 11) return false;
  const unused = await db.select({ id: recoveryCodes.id, codeHash: recoveryCodes.codeHash }).from(recoveryCodes).where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  const matches = await Promise.all(unused.map((row) => verifyPassword(row.codeHash, code)));
  const match = unused.find((_, index) => matches[index]);
  if (!match) return false;
  const used = await db.update(recoveryCodes).set({ usedAt: sql`now()` }).where(and(eq(recoveryCodes.id, match.id), isNull(recoveryCodes.usedAt))).returning({ id: recoveryCodes.id });
  return used.length === 1;
}

export async function unusedRecoveryCodeCount(db: DbOrTx, userId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(recoveryCodes).where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return row?.n ?? 0;
}
