import 'server-only';
import { eq } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { passkeys, recoveryCodes, totpFactors } from '@/db/schema';
import { recordAudit } from '@/server/services/audit/record';
import { endSessionsOf } from '../sessions';

/**
 * A change to a person's second factors ends their other sessions and is audited, in the caller's
 * transaction: whoever had a session open elsewhere (a seized phone, a copied cookie) must sign in
 * again with the factors as they are now. The session that made the change stays signed in.
 */
export type FactorChange = 'user.factor_added' | 'user.factor_removed' | 'user.recovery_codes_replaced';

export async function recordFactorChange(
  tx: Tx,
  params: { userId: string; keepSessionId: string; action: FactorChange; factor: 'totp' | 'passkey' | 'recovery_codes' },
): Promise<void> {
  await endSessionsOf(tx, params.userId, 'factors_changed', params.keepSessionId);
  await recordAudit(tx, { actorId: params.userId, action: params.action, subjectType: 'user', subjectId: params.userId, details: { factor: params.factor } });
}

/**
 * An admin's reset of a member's factors (a lost phone and no recovery code): every factor and
 * recovery code goes, every session of the member ends; the member signs in with their password
 * and, where their organization requires it, enrols again. Audited under the admin's organization.
 */
export async function resetFactors(tx: Tx, params: { userId: string; actorId: string; organizationId: string }): Promise<void> {
  await tx.delete(totpFactors).where(eq(totpFactors.userId, params.userId));
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, params.userId));
  await tx.delete(passkeys).where(eq(passkeys.userId, params.userId));
  await endSessionsOf(tx, params.userId, 'factors_changed');
  await recordAudit(tx, { actorId: params.actorId, action: 'user.factors_reset', organizationId: params.organizationId, subjectType: 'user', subjectId: params.userId });
}
