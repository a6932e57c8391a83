import 'server-only';
import type { Tx } from '@/db/client';
import { recordAudit } from '../services/audit/record';

/**
 * Audit rows for signing in and out. A failure row holds the email as it was tried (normalized) and
 * the address, and nothing about whether an account with that email exists or why it was refused,
 * so the log tells no more than the sign-in page does. Never a password.
 */
export type SignInAttempt = { email: string; address: string | null };

export function auditSignIn(tx: Tx, userId: string, attempt: SignInAttempt): Promise<void> {
  return recordAudit(tx, {
    actorId: userId,
    action: 'user.sign_in',
    subjectType: 'user',
    subjectId: userId,
    details: { email: attempt.email, address: attempt.address },
  });
}

/** `throttled`: refused without checking the password, because of earlier failures for this email or address. */
export function auditSignInFailure(tx: Tx, attempt: SignInAttempt & { throttled: boolean }): Promise<void> {
  return recordAudit(tx, {
    actorId: null,
    action: 'user.sign_in_failed',
    details: { email: attempt.email, address: attempt.address, ...(attempt.throttled ? { throttled: true } : {}) },
  });
}

export function auditSignOut(tx: Tx, userId: string): Promise<void> {
  return recordAudit(tx, { actorId: userId, action: 'user.sign_out', subjectType: 'user', subjectId: userId });
}
