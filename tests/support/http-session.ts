import NextAuth from 'next-auth';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import type { Db } from '@/db/client';
import { authOptionsFor, sessionCookieName } from '@/server/auth/options';
import { createRequestContext } from '@/server/request-context';
import { appRouter } from '@/server/routers';
import { peerAddressHeader } from '@/server/http/peer-address';

/**
 * A browser at the HTTP level: next-auth's own handler (its API-route form, the same core as the
 * app's /api/auth/* route) signs in and out with its CSRF token and cookies, and the tRPC handler answers with the context the app's route
 * builds from the Cookie header. Only the database is the test's.
 */
process.env.NEXTAUTH_SECRET ??= 'integration-test-secret-0123456789-0123456789';
process.env.NEXTAUTH_URL ??= 'http://localhost:3000';

const origin = 'http://localhost:3000';

type Jar = Map<string, string>;
const cookieHeader = (jar: Jar) => [...jar].map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('; ');

/** One request to next-auth; the cookies it sets or clears go into the jar. Returns the JSON or text body. */
async function auth(db: Db, jar: Jar, path: string, method: 'GET' | 'POST', body?: Record<string, string>, userAgent = 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0') {
  const headers: Record<string, string | string[]> = {};
  let sent: unknown;
  const res = {
    statusCode: 200,
    status(code: number) {
      this.statusCode = code;
      return this;
    },
    getHeader: (name: string) => headers[name.toLowerCase()],
    setHeader(name: string, value: string | string[]) {
      headers[name.toLowerCase()] = value;
      return this;
    },
    send: (value: unknown) => void (sent = value),
    json: (value: unknown) => void (sent = value),
    end: () => undefined,
  };
  const req = {
    method,
    query: { nextauth: path.split('/') },
    body: body ?? {},
    cookies: Object.fromEntries(jar),
    headers: { host: 'localhost:3000', 'user-agent': userAgent, // The address as the server stamps it from the socket (server/http/peer-address.ts); a client's X-Forwarded-For counts for nothing without a trusted proxy.
      [peerAddressHeader]: '203.0.113.45', 'content-type': 'application/json' },
  };
  await (NextAuth as unknown as (req: unknown, res: unknown, options: unknown) => Promise<void>)(req, res, authOptionsFor(async () => db));
  for (const line of [headers['set-cookie'] ?? []].flat()) {
    const [pair = ''] = line.split(';');
    const at = pair.indexOf('=');
    const name = pair.slice(0, at);
    const value = decodeURIComponent(pair.slice(at + 1));
    if (value === '' || /max-age=0/i.test(line)) jar.delete(name);
    else jar.set(name, value);
  }
  return sent;
}

async function csrfToken(db: Db, jar: Jar): Promise<string> {
  const answer = await auth(db, jar, 'csrf', 'GET');
  return (answer as { csrfToken: string }).csrfToken;
}

/** Signs in as a browser would; returns the browser's cookie jar (null when refused). */
export async function signInOverHttp(db: Db, email: string, password: string, userAgent?: string): Promise<Jar | null> {
  const jar: Jar = new Map();
  const csrf = await csrfToken(db, jar);
  await auth(db, jar, 'callback/credentials', 'POST', { csrfToken: csrf, email, password, json: 'true' }, userAgent);
  return jar.has(sessionCookieName) ? jar : null;
}

export async function signOutOverHttp(db: Db, jar: Jar): Promise<void> {
  const csrf = await csrfToken(db, jar);
  await auth(db, jar, 'signout', 'POST', { csrfToken: csrf, json: 'true' });
}

/** A copy of the session cookie, as a thief would take it. */
export function copyCookie(jar: Jar): Jar {
  return new Map(jar);
}

/** A tRPC call through the HTTP handler with these cookies; the status and the JSON answer. */
export async function trpcOverHttp(db: Db, jar: Jar, path: string, input?: unknown, method: 'GET' | 'POST' = 'GET') {
  const body = JSON.stringify({ json: input ?? null });
  const url = method === 'GET' ? `${origin}/api/trpc/${path}?input=${encodeURIComponent(body)}` : `${origin}/api/trpc/${path}`;
  const request = new Request(url, { method, body: method === 'POST' ? body : undefined, headers: { cookie: cookieHeader(jar), 'content-type': 'application/json' } });
  const response = await fetchRequestHandler({ endpoint: '/api/trpc', req: request, router: appRouter, createContext: () => createRequestContext(db, request) });
  return { status: response.status, body: (await response.json()) as { result?: { data: { json: unknown } } } };
}

/** Who the server thinks this browser is: the viewer's id, or null. */
export async function whoAmI(db: Db, jar: Jar): Promise<string | null> {
  const answer = await trpcOverHttp(db, jar, 'viewer.me');
  return (answer.body.result?.data.json as { id: string } | null)?.id ?? null;
}

/** The error next-auth's sign-in answers with (its `error` parameter), or null when signed in. */
export async function signInErrorOverHttp(db: Db, email: string, password: string): Promise<string | null> {
  const jar: Jar = new Map();
  const csrf = await csrfToken(db, jar);
  const answer = (await auth(db, jar, 'callback/credentials', 'POST', { csrfToken: csrf, email, password, json: 'true' })) as { url?: string };
  return jar.has(sessionCookieName) ? null : (new URL(answer.url ?? 'http://x/').searchParams.get('error') ?? 'unknown');
}
