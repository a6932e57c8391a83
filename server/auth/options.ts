import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { getDb } from '@/db/client';
import { peerAddressHeader } from '@/server/http/peer-address';
import { clientAddressOf } from '@/server/public/client-address';
import { safeRedirect } from './redirect';
import { checkSignIn } from './sign-in';
import { auditSignOut } from './sign-in-audit';

/** The client's address (see server/public/client-address.ts); the per-account limit holds whatever it is. */
function clientAddress(headers: Record<string, unknown> | undefined): string | null {
  const text = (name: string) => (typeof headers?.[name] === 'string' ? (headers[name] as string) : null);
  return clientAddressOf(text('x-forwarded-for'), text('x-real-ip'), undefined, text(peerAddressHeader));
}

const secure = process.env.NODE_ENV === 'production' && (process.env.NEXTAUTH_URL ?? '').startsWith('https://');

export const authOptions: NextAuthOptions = {
  // Credentials sign-in requires JWT sessions; every request still re-reads the user (server/auth/viewer.ts).
  session: { strategy: 'jwt', maxAge: 12 * 60 * 60 },
  pages: { signIn: '/sign-in' },
  useSecureCookies: secure,
  cookies: {
    sessionToken: {
      name: secure ? '__Secure-hrd.session' : 'hrd.session',
      options: { httpOnly: true, sameSite: 'lax', path: '/', secure },
    },
  },
  providers: [
    CredentialsProvider({
      name: 'Email and password',
      credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
      async authorize(credentials, request) {
        const db = await getDb();
        return checkSignIn(db, credentials, clientAddress(request?.headers as Record<string, unknown> | undefined));
      },
    }),
  ],
  events: {
    // next-auth logs and swallows an error here, so a failed audit write never keeps anyone signed in.
    async signOut({ token }) {
      const userId = token?.sub;
      if (!userId) return;
      const db = await getDb();
      await db.transaction((tx) => auditSignOut(tx, userId));
    },
  },
  callbacks: {
    redirect: safeRedirect,
    jwt({ token, user }) {
      if (user) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      return { ...session, user: { id: token.sub ?? '', email: session.user?.email ?? null, name: session.user?.name ?? null } };
    },
  },
};
