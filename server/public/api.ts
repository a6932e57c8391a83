import 'server-only';
import { z } from 'zod';
import { conditional, entityTag } from './conditional';
import { publicCsvChunks } from './export-csv';
import { publicExchangeChunks } from './export-json';
import { badRequest, guarded, json, notFound, parseQuery, publicCacheControl, rateLimited, rateLimitedReadingGeneration, streamed } from './http';
import { decodeCursor, getPublicIncident, listPublicIncidents } from './incidents';
import { openApiDocument } from './openapi';
import { inOneSnapshot } from './snapshot';
import { groupings, publicStats } from './stats';
import { statsCsv } from './stats-csv';

/** The open-data API's handlers (app/api/public/v1/** re-exports them): no sign-in, read model only. */

const exportCost = 10;

export function incidentsGet(request: Request): Promise<Response> {
  return guarded(async () => {
    const limited = await rateLimited(request);
    if (limited) return limited;
    const query = parseQuery(request, {
      cursor: z.string().max(500).optional(),
      limit: z.coerce.number({ message: 'must be a whole number from 1 to 100' }).int('must be a whole number').min(1).max(100).optional(),
    });
    if (!query.ok) return query.response;
    const cursor = query.extra.cursor === undefined ? null : decodeCursor(query.extra.cursor);
    if (query.extra.cursor !== undefined && !cursor) return badRequest(['cursor: not a cursor this API gave out; start again without one']);
    const page = await listPublicIncidents({ filters: query.filters, cursor, limit: query.extra.limit ?? 50, lang: query.lang });
    return conditional(request, json({ ...page, limit: query.extra.limit ?? 50 }));
  });
}

export function incidentGet(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  return guarded(async () => {
    const limited = await rateLimited(request);
    if (limited) return limited;
    const query = parseQuery(request, {});
    if (!query.ok) return query.response;
    const incident = await getPublicIncident((await context.params).id, query.lang);
    return incident ? conditional(request, json(incident)) : notFound();
  });
}

export function statsGet(request: Request): Promise<Response> {
  return guarded(async () => {
    const limited = await rateLimitedReadingGeneration(request);
    if ('refused' in limited) return limited.refused;
    const query = parseQuery(request, { groupBy: z.enum(groupings, { message: `must be one of ${groupings.join(', ')}` }) });
    if (!query.ok) return query.response;
    return conditional(request, json(await publicStats(query.extra.groupBy, query.filters, query.lang, undefined, limited.generation)));
  });
}

/** The counts of one chart as CSV, with the same parameters and the same cost as /stats. */
export function statsCsvGet(request: Request): Promise<Response> {
  return guarded(async () => {
    const limited = await rateLimitedReadingGeneration(request);
    if ('refused' in limited) return limited.refused;
    const query = parseQuery(request, { groupBy: z.enum(groupings, { message: `must be one of ${groupings.join(', ')}` }) });
    if (!query.ok) return query.response;
    const stats = await publicStats(query.extra.groupBy, query.filters, query.lang, undefined, limited.generation);
    const csv = statsCsv(stats);
    return conditional(request, new Response(csv, {
      status: 200,
      headers: {
        etag: entityTag(csv),
        'content-type': 'text/csv; charset=utf-8; header=present',
        'content-disposition': `attachment; filename="hrd-monitor-incidents-by-${query.extra.groupBy}.csv"`,
        'cache-control': publicCacheControl,
        'access-control-allow-origin': '*',
      },
    }));
  });
}

export function exportJsonGet(request: Request): Promise<Response> {
  return guarded(async () => {
    const limited = await rateLimited(request, exportCost);
    if (limited) return limited;
    const query = parseQuery(request, {});
    if (!query.ok) return query.response;
    return streamed(inOneSnapshot((db) => publicExchangeChunks(query.filters, db)), {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': 'attachment; filename="hrd-monitor-public-export.json"',
    });
  });
}

export function exportCsvGet(request: Request): Promise<Response> {
  return guarded(async () => {
    const limited = await rateLimited(request, exportCost);
    if (limited) return limited;
    const query = parseQuery(request, {});
    if (!query.ok) return query.response;
    return streamed(inOneSnapshot((db) => publicCsvChunks(query.filters, db, query.lang)), {
      'content-type': 'text/csv; charset=utf-8; header=present',
      'content-disposition': 'attachment; filename="hrd-monitor-incidents.csv"',
    });
  });
}

export async function openApiGet(request: Request): Promise<Response> {
  const limited = await rateLimited(request);
  if (limited) return limited;
  return conditional(request, json(openApiDocument(new URL(request.url).origin)));
}
