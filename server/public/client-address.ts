/**
 * The address a request came from, for per-address limits (sign-in throttling, the open-data API).
 *
 * `next start` fills X-Forwarded-For with the peer's address only when the request has none, and a
 * reverse proxy appends the address it saw to whatever the client sent. So the entries a client
 * wrote come first and the trustworthy one is at the right: with HRD_TRUSTED_PROXIES=N proxies in
 * front (default 1, which also fits no proxy at all), the client is the N-th entry from the right.
 * The leftmost entry is whatever the client chose to send, and must never be the key of a limit.
 */
export function clientAddressOf(forwardedFor: string | null | undefined, realIp: string | null | undefined, trustedProxies = trustedProxyCount()): string | null {
  const hops = (forwardedFor ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (hops.length > 0) return hops[Math.max(0, hops.length - trustedProxies)] ?? null;
  return realIp?.trim() || null;
}

function trustedProxyCount(): number {
  const n = Number(process.env.HRD_TRUSTED_PROXIES ?? '1');
  return Number.isInteger(n) && n >= 1 && n <= 10 ? n : 1;
}
