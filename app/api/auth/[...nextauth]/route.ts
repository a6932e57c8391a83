import NextAuth from 'next-auth';
import { authOptions } from '@/server/auth/options';
import { forgetRememberedSearches } from '@/server/auth/sign-out-cookies';

const handler = NextAuth(authOptions) as (request: Request, context: { params: Promise<{ nextauth: string[] }> }) => Promise<Response>;

export { handler as GET };

/** next-auth's POSTs; signing out also clears the remembered search words. */
export async function POST(request: Request, context: { params: Promise<{ nextauth: string[] }> }): Promise<Response> {
  return forgetRememberedSearches(request, await handler(request, context));
}
