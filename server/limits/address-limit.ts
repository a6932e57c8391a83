import 'server-only';
import type { Db } from '@/db/client';
import { DomainError } from '../errors';
import { limitRules, takeToken } from './buckets';

/**
 * A per-address limit for a procedure anyone may call without signing in. Without an address
 * (a call from the server itself) there is nobody to limit.
 */
export async function limitPerAddress(ctx: { db: Db; address?: string | null }, rule: 'setPassword'): Promise<void> {
  if (!ctx.address) return;
  const verdict = await takeToken(ctx.db, `${rule}:${ctx.address}`, limitRules[rule]);
  if (!verdict.ok) {
    throw new DomainError('TOO_MANY_REQUESTS', 'limits.addressAttempts', { minutes: Math.ceil(verdict.retryAfterSeconds / 60) });
  }
}
