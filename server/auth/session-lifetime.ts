import 'server-only';
/**
 * How long a session lasts: ended after SESSION_IDLE_MINUTES without a request (default 30) and
 * SESSION_MAX_HOURS after sign-in whatever happens (default 12). Out-of-range values fall back to
 * the defaults rather than making sessions endless.
 */
function fromEnv(name: string, fallback: number, max: number): number {
  const value = Number(process.env[name] ?? '');
  return Number.isFinite(value) && value > 0 && value <= max ? value : fallback;
}

export function sessionLifetime(): { idleMs: number; absoluteMs: number } {
  return {
    idleMs: fromEnv('SESSION_IDLE_MINUTES', 30, 24 * 60) * 60_000,
    absoluteMs: fromEnv('SESSION_MAX_HOURS', 12, 24 * 30) * 3_600_000,
  };
}

/** A person must have proved who they are this recently before a sensitive action (see require-recent-auth.ts). */
export const recentAuthMs = 5 * 60_000;
