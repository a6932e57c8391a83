import 'server-only';
import { translator } from '@/common/i18n';
import { refused } from '../errors';
import { recentAuthMs } from './session-lifetime';
import type { LiveSession } from './sessions';

/**
 * Re-authentication before the actions that would hurt most in the hands of someone who found a
 * signed-in browser: role changes, person merges, factor resets, workspace exports, taking the
 * confidential flag off a person. The person must have proved who they are in this session within
 * the last five minutes (signing in counts; so does confirming the password on the account page).
 * A context without a session (a caller that did not come through a browser) is refused too.
 */
/** The refusal's English wording, for the route handlers outside tRPC that answer with a sentence. */
export const recentAuthMessage = translator('en')('problem.auth.recentAuthRequired');

/** Whether this session proved who it is within the last five minutes. */
export function hasRecentAuth(ctx: { session: LiveSession | null }, now = Date.now()): boolean {
  return !!ctx.session && now - ctx.session.authenticatedAt.getTime() <= recentAuthMs;
}

export function requireRecentAuth(ctx: { session: LiveSession | null }, now = Date.now()): void {
  if (!hasRecentAuth(ctx, now)) throw refused('auth.recentAuthRequired');
}
