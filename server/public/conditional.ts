import 'server-only';
import { createHash } from 'node:crypto';

/**
 * Conditional answers, so that a reverse proxy, a CDN or a browser can keep a public answer and ask
 * only whether it changed: every 200 answer of the open-data API carries an ETag (a hash of its
 * body), and a request whose If-None-Match names it gets 304 Not Modified without the body.
 * The answers are the same for everyone (no cookies, no sign-in), so they may be shared by caches.
 */
export function entityTag(body: string): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

/** True when If-None-Match names this tag (or `*`); weak and strong forms compare alike, as RFC 9110 says for GET. */
export function matchesIfNoneMatch(request: Request, tag: string): boolean {
  const header = request.headers.get('if-none-match');
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === tag);
}

/** The answer as it goes out: 304 with the caching headers when the client's copy is current. */
export function conditional(request: Request, response: Response): Response {
  const tag = response.headers.get('etag');
  if (response.status !== 200 || !tag || !matchesIfNoneMatch(request, tag)) return response;
  const headers = new Headers();
  for (const name of ['etag', 'cache-control', 'access-control-allow-origin', 'vary']) {
    const value = response.headers.get(name);
    if (value) headers.set(name, value);
  }
  return new Response(null, { status: 304, headers });
}
