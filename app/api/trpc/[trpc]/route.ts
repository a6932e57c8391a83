import { getDb } from '@/db/client';
import { getSessionUserId } from '@/server/auth/session';
import { handleTrpcRequest } from '@/server/http/trpc-handler';
import { clientAddress } from '@/server/public/rate-limit';
import { createContext } from '@/server/trpc';

function handler(request: Request) {
  return handleTrpcRequest(
    request,
    async () => createContext(await getDb(), await getSessionUserId(), clientAddress(request)),
    ({ code, path, cause }) => {
      // Log unexpected failures without the input, which may hold confidential names.
      if (code === 'INTERNAL_SERVER_ERROR') console.error(`tRPC ${path ?? '?'} failed:`, cause);
    },
  );
}

export { handler as GET, handler as POST };
