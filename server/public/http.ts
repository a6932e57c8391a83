import 'server-only';
import { z } from 'zod';
import { isStatementTimeout, refusedValueCode } from '@/db/errors';
import { entityTag } from './conditional';
import { describeIssues, languages, publicFilters, queryObject, type Language, type PublicFilters } from './filters';
import { generationQuery } from './answer-cache';
import { limitsInPublicDatabase as sameDatabase } from './db';
import { clientAddress, publicApiBuckets } from './rate-limit';

/** What every public API answer shares: JSON errors a person can act on, caching, the rate limit. */

/** A minute fresh; for five more minutes a cache may answer with it while it asks for a newer one. */
export const publicCacheControl = 'public, max-age=60, stale-while-revalidate=300';

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  const text = JSON.stringify(body);
  return new Response(text, {
    status,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': status === 200 ? publicCacheControl : 'no-store',
      ...(status === 200 ? { etag: entityTag(text) } : {}),
      'access-control-allow-origin': '*',
      ...headers,
    },
  });
}

export function badRequest(problems: string[]): Response {
  return json({ error: 'bad_request', message: `The request cannot be answered: ${problems.join('; ')}.`, problems }, 400);
}

/** The same answer for an unknown id and for a record that is not public: nothing tells them apart. */
export function notFound(what: 'incident' | 'case' = 'incident'): Response {
  return json({ error: 'not_found', message: `No published ${what} has this id.` }, 404);
}

/** Null when the address may go on; otherwise the 429 answer. */
export async function rateLimited(request: Request, cost = 1): Promise<Response | null> {
  const limited = await rateLimitedReadingGeneration(request, cost, false);
  return 'refused' in limited ? limited.refused : null;
}

/**
 * The rate limit, and the read model's generation for a kept answer (./answer-cache.ts) read in the
 * same statement when the limits are counted in the database the public side reads (else undefined:
 * the cache reads it from there itself). One round trip for a kept answer instead of two.
 */
export async function rateLimitedReadingGeneration(
  request: Request,
  cost = 1,
  reading = sameDatabase(),
): Promise<{ refused: Response } | { generation: string | null | undefined }> {
  const verdict = await publicApiBuckets.take(clientAddress(request), cost, reading ? generationQuery : undefined);
  if (verdict.ok) return { generation: reading ? (verdict.also ?? null) : undefined };
  const refused = json({ error: 'rate_limited', message: `Too many requests from this address; try again in ${verdict.retryAfterSeconds} s.` }, 429, {
    'retry-after': String(verdict.retryAfterSeconds),
  });
  return { refused };
}

/** Parses the query with extra parameters (beyond the filters); unknown ones are refused. */
export function parseQuery<T extends z.ZodRawShape>(
  request: Request,
  extra: T,
): { ok: true; filters: PublicFilters; extra: z.infer<z.ZodObject<T>>; lang: Language } | { ok: false; response: Response } {
  const { values, repeated } = queryObject(new URL(request.url).searchParams);
  if (repeated.length > 0) return { ok: false, response: badRequest([`repeated parameter: ${[...new Set(repeated)].join(', ')}`]) };
  const { from, to, type, region, category, perpetrator, q, lang, ...rest } = values;
  const problems: string[] = [];
  const filters = publicFilters.safeParse(
    Object.fromEntries(Object.entries({ from, to, type, region, category, perpetrator, q }).filter(([, v]) => v !== undefined)),
  );
  if (!filters.success) problems.push(...describeIssues(filters.error));
  const language = z.enum(languages).optional().safeParse(lang);
  if (!language.success) problems.push(`lang: must be one of ${languages.join(', ')}`);
  const others = z.strictObject(extra).safeParse(rest);
  if (!others.success) problems.push(...describeIssues(others.error));
  if (problems.length > 0 || !filters.success || !others.success) return { ok: false, response: badRequest(problems) };
  return { ok: true, filters: filters.data, extra: others.data, lang: language.data ?? 'en' };
}

/**
 * A streamed answer from chunks of text. The first chunk is made before answering, so a failure at
 * the start is still a 500; a failure mid-way ends the stream with an error.
 */
export async function streamed(chunks: AsyncGenerator<string>, headers: Record<string, string>): Promise<Response> {
  const encoder = new TextEncoder();
  const first = await chunks.next();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      if (first.done) controller.close();
      else controller.enqueue(encoder.encode(first.value));
    },
    async pull(controller) {
      try {
        const { value, done } = await chunks.next();
        if (done) controller.close();
        else controller.enqueue(encoder.encode(value));
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  return new Response(stream, {
    status: 200,
    headers: { 'cache-control': publicCacheControl, 'access-control-allow-origin': '*', ...headers },
  });
}

/**
 * Runs a handler; an unexpected failure answers 500 without details (they may name a table). A value
 * the database refused (one the checks above let through) is the request's fault: 400, also without
 * the database's words, which quote the value and name the column.
 */
export async function guarded(handler: () => Promise<Response>): Promise<Response> {
  try {
    return await handler();
  } catch (error) {
    const refused = refusedValueCode(error);
    if (refused) {
      console.warn(`[public api] the database refused a value of the request (SQLSTATE ${refused})`);
      return badRequest(['a value in the request is not one the data can be searched by (check dates, numbers and text for stray characters)']);
    }
    if (isStatementTimeout(error)) {
      console.warn('[public api] a question took longer than the public statement timeout (PUBLIC_STATEMENT_TIMEOUT_MS)');
      return json(
        { error: 'too_long', message: 'This question takes too long to answer now: narrow it (fewer or rarer words, a region or a period) or try again later.' },
        503,
        { 'retry-after': '30' },
      );
    }
    console.error('[public api]', error);
    return json({ error: 'internal', message: 'Something went wrong on our side. Try again later.' }, 500);
  }
}
