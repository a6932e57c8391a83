import 'server-only';
/**
 * The headers every answer carries (proxy.ts sets them per request):
 *   - a Content-Security-Policy with a fresh nonce per page: scripts run only when they carry it
 *     (Next.js puts it on its own scripts), so injected markup cannot run script; no 'unsafe-inline'
 *     or 'unsafe-eval' for scripts; the app may not be framed (clickjacking);
 *   - Permissions-Policy: no camera, microphone, location, payment or USB for any page;
 *   - Cross-Origin-Opener-Policy: a window this app opens, or that opens it, gets no handle on it;
 *   - Strict-Transport-Security when served over https;
 *   - Cache-Control: no-store on everything but the public pages and the open-data API, since
 *     workspace pages and tRPC answers hold confidential records no cache or history should keep.
 * Inline style attributes stay allowed (the bar charts size their bars with them): a style attribute
 * cannot run script.
 */
export function contentSecurityPolicy(nonce: string, options: { https: boolean; development: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ''}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

export const permissionsPolicy = 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), hid=(), interest-cohort=()';

/** Public pages and the open-data API may be cached; everything else is the workspace. */
export function isPublicPath(pathname: string): boolean {
  return pathname === '/dashboard' || pathname.startsWith('/public/') || pathname === '/public' || pathname.startsWith('/api/public/') || pathname.startsWith('/api/public-files/');
}

/** A fresh, unguessable nonce: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
