import 'server-only';
/**
 * The address a request came from, for per-address limits (sign-in throttling, set-password links,
 * the open-data API) and the audit log.
 *
 * instrumentation.ts stamps every request with the address of the connection itself (the peer),
 * which no client can write. With HRD_TRUSTED_PROXIES=0, the default, that peer is the client and
 * every forwarded header is ignored: without a proxy in front, X-Forwarded-For is whatever the
 * client chose to send. Behind N proxies (HRD_TRUSTED_PROXIES=N), each proxy appends the address it
 * saw, so the chain X-Forwarded-For + peer is read from the right: the client is N places from the
 * end. The leftmost entries are the client's own words and are never the key of a limit.
 */
export function clientAddressOf(
  forwardedFor: string | null | undefined,
  realIp: string | null | undefined,
  trustedProxies = trustedProxyCount(),
  peer: string | null | undefined = null,
): string | null {
  const hops = (forwardedFor ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (trustedProxies === 0) return peer?.trim() || null;
  if (peer) {
    const chain = [...hops, peer.trim()];
    return chain[Math.max(0, chain.length - 1 - trustedProxies)] ?? null;
  }
  // No peer stamp (a handler called without the server, as in tests): `next start` put the peer at
  // the end of X-Forwarded-For when the request had none, so the client is N-1 places from the end.
  if (hops.length > 0) return hops[Math.max(0, hops.length - trustedProxies)] ?? null;
  return realIp?.trim() || null;
}

export function trustedProxyCount(): number {
  const n = Number(process.env.HRD_TRUSTED_PROXIES ?? '0');
  return Number.isInteger(n) && n >= 0 && n <= 10 ? n : 0;
}
