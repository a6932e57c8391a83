import { NextResponse, type NextRequest } from 'next/server';
import { withoutBadCallbacks } from '@/server/http/auth-callback-guard';
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

  // One id per request, for the log lines it causes (never one the client chose).
  const requestId = crypto.randomUUID();
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-request-id', requestId);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('content-security-policy', csp);
  const cleaned = request.nextUrl.pathname.startsWith('/api/auth/') ? withoutBadCallbacks(request.nextUrl, request.headers.get('cookie')) : null;
  if (cleaned) {
    if (cleaned.cookie) requestHeaders.set('cookie', cleaned.cookie);
    else requestHeaders.delete('cookie');
  }
  const response = cleaned
    ? NextResponse.rewrite(cleaned.url, { request: { headers: requestHeaders } })
    : NextResponse.next({ request: { headers: requestHeaders } });

  // Evidence files carry their own, stricter policy (server/http/files.ts, public-files.ts): a PDF
  // preview must stay framable by the workspace page itself, which 'frame-ancestors none' forbids.
  if (!/^\/api\/(public-)?files\//.test(request.nextUrl.pathname)) response.headers.set('content-security-policy', csp);
  response.headers.set('x-request-id', requestId);
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
