import 'server-only';
import type { Db } from '@/db/client';
import { signInOfRequest } from './auth/request-session';
import { clientAddress } from './public/rate-limit';
import { createSessionContext, type Context } from './trpc';

/** The tRPC context of an HTTP request: the person of its live server-side session, or nobody. */
export async function createRequestContext(db: Db, request: Request): Promise<Context> {
  return createSessionContext(db, await signInOfRequest(db, request), clientAddress(request));
}
