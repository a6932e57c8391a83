import 'server-only';
import type { RegistrationResponseJSON } from '@simplewebauthn/server';
import type { Db, Tx } from '@/db/client';
import { recordFactorChange } from './changes';
import { registerPasskey } from './passkeys';
import { replaceRecoveryCodes, unusedRecoveryCodeCount } from './recovery-codes';
import { useTotpCode } from './totp';

/**
 * Adding a second factor: the authenticator app once a first code from it is right, a passkey once
 * the browser's answer verifies. The first factor comes with ten recovery codes (shown once); the
 * change ends the person's other sessions. It does not count as proving who they are in this one:
 * the session's last proof (`authenticatedAt`) stays as it was, or enrolling a factor of one's own
 * would be a way to the actions that need a recent proof (server/auth/require-recent-auth.ts).
 */
type Enrolment = { userId: string; sessionId: string };

/** `add` checks and stores the factor in the transaction that ends the other sessions and audits it; null when it refused. */
function adding(db: Db, enrolment: Enrolment, factor: 'totp' | 'passkey', add: (tx: Tx) => Promise<boolean>): Promise<{ recoveryCodes: string[] | null } | null> {
  return db.transaction(async (tx) => {
    if (!(await add(tx))) return null;
    const hasCodes = (await unusedRecoveryCodeCount(tx, enrolment.userId)) > 0;
    await recordFactorChange(tx, { userId: enrolment.userId, keepSessionId: enrolment.sessionId, action: 'user.factor_added', factor });
    return { recoveryCodes: hasCodes ? null : await replaceRecoveryCodes(tx, enrolment.userId) };
  });
}

/** Null when the code is not right. */
export function confirmTotp(db: Db, enrolment: Enrolment, code: string) {
  return adding(db, enrolment, 'totp', (tx) => useTotpCode(tx, enrolment.userId, code, 'unconfirmed'));
}

/** Null when the browser's answer does not verify. */
export function addPasskey(db: Db, enrolment: Enrolment, response: RegistrationResponseJSON, label: string) {
  return adding(db, enrolment, 'passkey', (tx) => registerPasskey(tx, enrolment.sessionId, enrolment.userId, response, label));
}
