import 'server-only';
/**
 * What an HTTP request must look like before the tRPC handler parses it:
 *   - a POST with `Content-Type: application/json` (a cross-site page can send a form or text/plain
 *     without asking first, but not JSON: the browser asks first, and we never say yes);
 *   - from a page of this app: `Origin` (or `Sec-Fetch-Site` when there is none) names this site.
 *     A request without either comes from a program, not a browser, and is not a forgery;
 *   - a body under 1 MB, counted while it streams in, so a huge body is refused before it is held
 *     in memory (file uploads, when they come, take a streamed route of their own).
 * Queries travel in the body too (the client's methodOverride), so searches never sit in URLs or logs.
 */
export const maxBodyBytes = 1024 * 1024;

export type Refusal = { status: number; message: string };

function refusal(status: number, message: string): Refusal {
  return { status, message };
}

/** Whether `origin` is this app: the host the request was sent to, or NEXTAUTH_URL's. */
export function isOwnOrigin(origin: string, host: string | null, configured = process.env.NEXTAUTH_URL): boolean {
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (configured) {
    try {
      if (new URL(configured).origin === parsed.origin) return true;
    } catch {
      // a malformed NEXTAUTH_URL matches nothing
    }
  }
  return host !== null && parsed.host === host;
}

/**
 * A request that changes something must come from a page of this app: `Origin` (or `Sec-Fetch-Site`
 * when there is none) names this site. Without either it comes from a program, not a browser, and is
 * not a forgery. The tRPC handler and the upload route (server/http/files.ts) both ask this.
 */
export function refuseCrossSite(request: Request): Refusal | null {
  const origin = request.headers.get('origin');
  if (origin !== null) {
    if (!isOwnOrigin(origin, request.headers.get('host'))) return refusal(403, 'This request came from another site and was refused.');
  } else {
    const site = request.headers.get('sec-fetch-site');
    if (site !== null && site !== 'same-origin' && site !== 'none') return refusal(403, 'This request came from another site and was refused.');
  }
  return null;
}

/** Null when the request may go on; otherwise the status and a message for the person or program. */
export function refuseForgedOrMalformed(request: Request): Refusal | null {
  if (request.method !== 'POST') {
    return refusal(405, 'Send tRPC calls as POST with a JSON body.');
  }
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') return refusal(415, 'Send tRPC calls with Content-Type: application/json.');
  const crossSite = refuseCrossSite(request);
  if (crossSite) return crossSite;
  const length = request.headers.get('content-length');
  if (length !== null && !(Number(length) <= maxBodyBytes)) return refusal(413, 'The request is larger than 1 MB.');
  return null;
}

/**
 * The body, read while counting: null once it passes the limit (the rest is never read). A chunked
 * body has no Content-Length to check first, so this is the check that always holds.
 */
export async function readBodyWithin(request: Request, limit = maxBodyBytes): Promise<Uint8Array<ArrayBuffer> | null> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  return body;
}
