import { getDb } from '@/db/client';
import { getSessionUserId } from '@/server/auth/session';
import { handleTrpcRequest } from '@/server/http/trpc-handler';
import { describeFailure, log } from '@/server/log/logger';
import { noteRefusal } from '@/server/log/security-events';
import { createRequestContext } from '@/server/request-context';

function handler(request: Request) {
  return handleTrpcRequest(
    request,
    async () => createRequestContext(await getDb(), request),
    async ({ code, path, cause }) => {
      const requestId = request.headers.get('x-request-id');
      // Never the input, which may hold confidential names (server/log/logger.ts).
      if (code === 'INTERNAL_SERVER_ERROR') log.error({ event: 'trpc.failed', procedure: path ?? '?', requestId, failure: describeFailure(cause) }, 'procedure failed');
      if (code === 'FORBIDDEN' || code === 'NOT_FOUND') {
        noteRefusal({ code, procedure: path ?? '?', account: await getSessionUserId().catch(() => null), requestId });
      }
    },
  );
}

export { handler as GET, handler as POST };
