import { NextResponse, type NextRequest } from 'next/server';
import { contentSecurityPolicy, isPublicPath, newNonce, permissionsPolicy } from '@/server/http/security-headers';

/**
 * Runs before every page and API answer (Next.js 16 Proxy, formerly middleware): a per-request CSP
 * nonce that Next.js reads from the request's CSP header and puts on its scripts, and the security
 * headers of server/http/security-headers.ts on the answer.
 */
export function proxy(request: NextRequest) {
  const nonce = newNonce();
  const https = request.nextUrl.protocol === 'https:' || (process.env.NEXTAUTH_URL ?? '').startsWith('https://');
  const csp = contentSecurityPolicy(nonce, { https, development: process.env.NODE_ENV === 'development' });

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('content-security-policy', csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });

  response.headers.set('content-security-policy', csp);
  response.headers.set('permissions-policy', permissionsPolicy);
  response.headers.set('cross-origin-opener-policy', 'same-origin');
  if (https) response.headers.set('strict-transport-security', 'max-age=63072000; includeSubDomains');
  if (!isPublicPath(request.nextUrl.pathname)) response.headers.set('cache-control', 'no-store');
  return response;
}

export const config = {
  // Not the build's static files, which carry no data and are cached for good.
  matcher: [{ source: '/((?!_next/static|_next/image|favicon.ico).*)' }],
};
