import 'server-only';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { getSignIn } from './auth/session';
import { createCaller } from './routers';
import { createSessionContext } from './trpc';

/** The tRPC caller for server components: the same procedures and policies as the HTTP API. */
export const getServerCaller = cache(async () => {
  const db = await getDb();
  return createCaller(createSessionContext(db, await getSignIn()));
});
