import 'server-only';
import { DomainError } from '../errors';
import type { Db } from '@/db/client';
import { limitRules, takeToken } from './buckets';

/** Whether a call searches by text: its input has a non-empty `text` or `q` (every search input in the app). */
function searchesText(input: unknown): boolean {
  if (!input || typeof input !== 'object') return false;
  const { text, q } = input as { text?: unknown; q?: unknown };
  return (typeof text === 'string' && text.trim() !== '') || (typeof q === 'string' && q.trim() !== '');
}

/**
 * Text searches cost the database the most (trigram scans over every name), so each account and
 * each address has a bucket of them in PostgreSQL, shared by every app process: plenty for a person,
 * not for a script.
 * A tRPC middleware on every signed-in procedure, so a new search is covered without a line of its own.
 */
export async function limitSearches<T>(options: {
  ctx: { db: Db; viewer: { id: string }; address?: string | null };
  getRawInput: () => Promise<unknown>;
  next: () => Promise<T>;
}): Promise<T> {
  const { ctx, getRawInput, next } = options;
  const raw = (await getRawInput()) as { json?: unknown } | undefined;
  if (searchesText(raw?.json ?? raw)) {
    // Per account, and per address too (wider: an office shares one address), so that many accounts
    // on one machine do not add up to an unlimited search rate.
    let verdict = await takeToken(ctx.db, `search:${ctx.viewer.id}`, limitRules.search);
    if (verdict.ok && ctx.address) verdict = await takeToken(ctx.db, `search-address:${ctx.address}`, limitRules.searchPerAddress);
    if (!verdict.ok) {
      throw new DomainError('TOO_MANY_REQUESTS', 'limits.searches', { seconds: verdict.retryAfterSeconds });
    }
  }
  return next();
}
