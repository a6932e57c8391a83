import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { getDb } from '@/db/client';
import { appRouter } from '@/server/routers';
import { createRequestContext } from '@/server/request-context';

function handler(request: Request) {
  return fetchRequestHandler({
    endpoint: '/api/trpc',
    req: request,
    router: appRouter,
    createContext: async () => createRequestContext(await getDb(), request),
    onError({ error, path }) {
      // Log unexpected failures without the input, which may hold confidential names.
      if (error.code === 'INTERNAL_SERVER_ERROR') console.error(`tRPC ${path ?? '?'} failed:`, error.cause ?? error.message);
    },
  });
}

export { handler as GET, handler as POST };
