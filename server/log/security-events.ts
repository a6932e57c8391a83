import 'server-only';
import { log } from './logger';

/**
 * Refusals (FORBIDDEN, and NOT_FOUND on a record id) are security events: a member probing for
 * records of another organization shows up as a run of them. Each is logged with the account, the
 * procedure and the request id, never the input. Aggregated so that a script cannot flood the log:
 * the first refusal of an account, kind and procedure in a minute is written at once; the rest of
 * that minute become one line with their count when it ends.
 */
export type Refusal = { code: 'FORBIDDEN' | 'NOT_FOUND'; procedure: string; account: string | null; requestId: string | null };

const windowMs = 60_000;
const maxTracked = 10_000;
type Window = { first: Refusal; more: number; lastRequestId: string | null };
const windows = new Map<string, Window>();
let untracked = 0;

function flush(key: string): void {
  const window = windows.get(key);
  windows.delete(key);
  if (window && window.more > 0) {
    log.warn({ event: 'security.refusal.repeated', ...window.first, requestId: window.lastRequestId, count: window.more, windowSeconds: windowMs / 1000 }, 'refusals repeated');
  }
}

export function noteRefusal(refusal: Refusal, write: (refusal: Refusal) => void = (r) => log.warn({ event: 'security.refusal', ...r }, 'refused')): void {
  const key = `${refusal.account ?? '-'}|${refusal.code}|${refusal.procedure}`;
  const open = windows.get(key);
  if (open) {
    open.more += 1;
    open.lastRequestId = refusal.requestId;
    return;
  }
  if (windows.size >= maxTracked) {
    // Under a flood of distinct keys, count instead of tracking; said once a minute.
    if (untracked++ === 0) setTimeout(() => (log.warn({ event: 'security.refusal.untracked', count: untracked }, 'refusals not tracked'), (untracked = 0)), windowMs).unref();
    return;
  }
  windows.set(key, { first: refusal, more: 0, lastRequestId: refusal.requestId });
  setTimeout(() => flush(key), windowMs).unref();
  write(refusal);
}

/** For tests: how many refusals are waiting to be summed up. */
export function pendingRefusals(): number {
  let count = 0;
  for (const window of windows.values()) count += window.more;
  return count;
}
