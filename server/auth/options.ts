import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { getDb, type Db } from '@/db/client';
import { sessionLifetime } from './session-lifetime';
import { endSessionByToken } from './sessions';
import { safeRedirect } from './redirect';
import { signInWithSession } from './sign-in-session';
import { auditSignOut } from './sign-in-audit';

const secure = process.env.NODE_ENV === 'production' && (process.env.NEXTAUTH_URL ?? '').startsWith('https://');

export const sessionCookieName = secure ? '__Secure-hrd.session' : 'hrd.session';

/**
 * The key of the session cookie. `next dev` without NEXTAUTH_SECRET gets a fixed development key
 * (next-auth would derive one itself, which the per-request check could not reproduce); production
 * without one fails in next-auth, as it always did.
 */
export function authSecret(): string | undefined {
  return process.env.NEXTAUTH_SECRET || (process.env.NODE_ENV === 'production' ? undefined : 'hrd-monitor-development-only-secret');
}

/**
 * next-auth does what it is good at here: the sign-in form's CSRF token, the Credentials callback,
 * and an encrypted, httpOnly cookie. What it cannot do with Credentials (stateless JWTs only) is
 * end a session, so the cookie carries a random session token (`sid`) that every request checks
 * against the sessions table (server/auth/request-session.ts); the JWT's own expiry is only a backstop.
 */
export function authOptionsFor(database: () => Promise<Db>): NextAuthOptions {
  return {
    secret: authSecret(),
    session: { strategy: 'jwt', maxAge: Math.ceil(sessionLifetime().absoluteMs / 1000) },
    pages: { signIn: '/sign-in' },
    useSecureCookies: secure,
    cookies: {
      sessionToken: {
        name: sessionCookieName,
        options: { httpOnly: true, sameSite: 'lax', path: '/', secure },
      },
    },
    providers: [
      CredentialsProvider({
        name: 'Email and password',
        credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
        async authorize(credentials, request) {
          return signInWithSession(await database(), credentials, request?.headers as Record<string, unknown> | undefined);
        },
      }),
    ],
    events: {
      // next-auth logs and swallows an error here; the session is ended first, so a failed audit write never keeps it alive.
      async signOut({ token }) {
        const userId = token?.sub;
        const sid = typeof token?.sid === 'string' ? token.sid : null;
        const db = await database();
        if (sid) await endSessionByToken(db, sid, 'sign_out');
        if (userId) await db.transaction((tx) => auditSignOut(tx, userId));
      },
    },
    callbacks: {
      redirect: safeRedirect,
      jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.sid = (user as { sessionToken?: string }).sessionToken;
        }
        return token;
      },
      // What the browser may read: never the session token.
      session({ session, token }) {
        return { ...session, user: { id: token.sub ?? '', email: session.user?.email ?? null, name: session.user?.name ?? null } };
      },
    },
  };
}

export const authOptions = authOptionsFor(getDb);
