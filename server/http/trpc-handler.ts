import 'server-only';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { appRouter } from '@/server/routers';
import type { Context } from '@/server/trpc';
import { readBodyWithin, refuseForgedOrMalformed } from './request-guard';

/** More calls in one request than a page makes at once; the client's batch link keeps to it too. */
export const maxBatchSize = 10;

function refusal(status: number, message: string): Response {
  return new Response(JSON.stringify({ error: { message } }), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  });
}

/**
 * The workspace's tRPC endpoint: refuses forged and oversized requests before anything is parsed
 * (./request-guard.ts), caps the batch, and marks every answer `no-store`, since answers carry
 * confidential records that no cache or browser history should keep.
 */
export async function handleTrpcRequest(
  request: Request,
  createContext: () => Promise<Context>,
  onError: (failure: { code: string; path: string | undefined; cause: unknown }) => void = () => {},
): Promise<Response> {
  const refused = refuseForgedOrMalformed(request);
  if (refused) return refusal(refused.status, refused.message);
  const body = await readBodyWithin(request);
  if (!body) return refusal(413, 'The request is larger than 1 MB.');
  return fetchRequestHandler({
    endpoint: '/api/trpc',
    req: new Request(request.url, { method: 'POST', headers: request.headers, body }),
    router: appRouter,
    createContext,
    // Queries come as POST too (the client's methodOverride), so that searches never travel in URLs.
    allowMethodOverride: true,
    maxBatchSize,
    responseMeta: () => ({ headers: { 'cache-control': 'no-store' } }),
    onError: ({ error, path }) => onError({ code: error.code, path, cause: error.cause ?? error }),
  });
}
