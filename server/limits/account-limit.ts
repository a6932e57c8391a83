import 'server-only';
import type { Db } from '@/db/client';
import { DomainError } from '../errors';
import { limitRules, takeToken } from './buckets';

/**
 * A per-account limit for what a signed-in person makes that opens a way into an account
 * (invitations, set-password links): enough for a day of onboarding, not for a script run from a
 * stolen session. The bucket is in PostgreSQL, shared by every app process.
 */
export async function limitPerAccount(ctx: { db: Db }, accountId: string, rule: 'accountLinks'): Promise<void> {
  const verdict = await takeToken(ctx.db, `${rule}:${accountId}`, limitRules[rule]);
  if (!verdict.ok) throw new DomainError('TOO_MANY_REQUESTS', 'limits.accountLinks', { minutes: Math.ceil(verdict.retryAfterSeconds / 60) });
}
