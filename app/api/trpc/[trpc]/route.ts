import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { getDb } from '@/db/client';
import { getSessionUserId } from '@/server/auth/session';
import { appRouter } from '@/server/routers';
import { createContext } from '@/server/trpc';

function handler(request: Request) {
  return fetchRequestHandler({
    endpoint: '/api/trpc',
    req: request,
    router: appRouter,
    createContext: async () => createContext(await getDb(), await getSessionUserId()),
    onError({ error, path }) {
      // Log unexpected failures without the input, which may hold confidential names.
      if (error.code === 'INTERNAL_SERVER_ERROR') console.error(`tRPC ${path ?? '?'} failed:`, error.cause ?? error.message);
    },
  });
}

export { handler as GET, handler as POST };
