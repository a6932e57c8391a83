import 'server-only';
import { z } from 'zod';
import { decodeCaseCursor, getPublicCase, listPublicCases } from './cases';
import { describeIssues, publicText, queryObject } from './filters';
import { badRequest, guarded, json, notFound, rateLimited } from './http';
import { conditional } from './conditional';

/**
 * The open-data API's case handlers (app/api/public/v1/cases/** re-exports them): the same rules as
 * for incidents. Cases take none of the incident filters (a date or region filter would not say
 * which of a case's steps it applies to), so those, like any unknown parameter, are refused.
 */

const listQuery = z.strictObject({
  q: publicText(200).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number({ message: 'must be a whole number from 1 to 100' }).int('must be a whole number').min(1).max(100).optional(),
});

/** The query checked against `shape`, or the 400 answer saying what is wrong with it. */
function parse<T extends z.ZodType>(request: Request, shape: T): { ok: true; data: z.infer<T> } | { ok: false; response: Response } {
  const { values, repeated } = queryObject(new URL(request.url).searchParams);
  if (repeated.length > 0) return { ok: false, response: badRequest([`repeated parameter: ${[...new Set(repeated)].join(', ')}`]) };
  const parsed = shape.safeParse(values);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, response: badRequest(describeIssues(parsed.error)) };
}

export function casesGet(request: Request): Promise<Response> {
  return guarded(async () => {
    const limited = await rateLimited(request);
    if (limited) return limited;
    const query = parse(request, listQuery);
    if (!query.ok) return query.response;
    const cursor = query.data.cursor === undefined ? null : decodeCaseCursor(query.data.cursor);
    if (query.data.cursor !== undefined && !cursor) return badRequest(['cursor: not a cursor this API gave out; start again without one']);
    const limit = query.data.limit ?? 50;
    return conditional(request, json({ ...(await listPublicCases({ q: query.data.q, cursor, limit })), limit }));
  });
}

export function caseGet(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  return guarded(async () => {
    const limited = await rateLimited(request);
    if (limited) return limited;
    const query = parse(request, z.strictObject({}));
    if (!query.ok) return query.response;
    const found = await getPublicCase((await context.params).id);
    return found ? conditional(request, json(found)) : notFound('case');
  });
}
