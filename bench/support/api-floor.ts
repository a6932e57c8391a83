/** The floor that bench/public-api.ts compares the incidents endpoint with, and the request both answer. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import postgres from 'postgres';
import { benchDatabaseUrl } from '../public-database';
import { regionLabel } from '../../common/regions';

/** The request the incidents endpoint and the floor both answer. */
export const incidentsQuery = 'type=judicial_harassment&from=2020&limit=50';

/**
 * The floor for `GET /incidents?…`: the SQL the app runs for this query (the same transaction,
 * role, vocabulary and page queries, taken from the app's own query builders), sent through
 * postgres.js, and the same JSON built by hand. No validation, no ORM, no Request/Response objects.
 */
export async function floorHandler(): Promise<(req: IncomingMessage, res: ServerResponse) => Promise<void>> {
  const { openPostgres } = await import('../../db/client');
  const { pageQuery } = await import('../../server/public/incidents');
  const { vocabularyQuery } = await import('../../server/public/vocabulary');
  const { publicFilters } = await import('../../server/public/filters');
  const { narrowerTerms } = await import('../../server/public/where');
  const builder = openPostgres(benchDatabaseUrl(), { max: 1 });
  const params = new URLSearchParams(incidentsQuery);
  const limit = Number(params.get('limit'));
  params.delete('limit');
  const filters = publicFilters.parse(Object.fromEntries(params));
  // The vocabulary filter's codes as the app writes them in (read here once; the app reads them per request).
  const page = pageQuery(builder.db, filters, null, limit + 1, { narrower: await narrowerTerms(builder.db, filters) }).toSQL();
  const vocabulary = vocabularyQuery(builder.db).toSQL();
  await builder.close();
  // Dates as text, like the app's driver settings; timestamps as Date, like the app's.
  const sql = postgres(benchDatabaseUrl(), { max: 10, onnotice: () => {}, types: { date: { to: 1082, from: [1082], serialize: (x: string) => x, parse: (x: string) => x } } });
  type Row = Record<string, unknown> & { start_date: string; incident_id: string };
  return async (_req, res) => {
    const [terms, rows] = await sql.begin(async (tx) => {
      await tx.unsafe(`SELECT set_config('transaction_read_only', 'on', true), set_config('role', 'hrd_public', true)`);
      // Sent together, as the app does.
      return Promise.all([tx.unsafe(vocabulary.sql, vocabulary.params as never[]), tx.unsafe<Row[]>(page.sql, page.params as never[])]);
    });
    const labels = new Map<string, string>();
    for (const term of terms as unknown as { kind: string; code: string; labels: Record<string, string> }[]) labels.set(`${term.kind}:${term.code}`, term.labels.en!);
    const label = (kind: string, code: string) => labels.get(`${kind}:${code}`) ?? code;
    const shown = rows.slice(0, limit);
    const incidents = shown.map((r) => ({
      id: r.incident_id,
      title: r.title,
      summary: r.summary,
      date: { start: r.start_date, end: r.end_date, precision: r.date_precision },
      location: { country: r.country, region: r.region, regionLabel: regionLabel(r.region as string | null, 'en'), locality: r.locality, lat: r.lat, lon: r.lon, precision: r.location_precision },
      violationTypes: (r.violation_types as string[]).map((code) => ({ code, label: label('violation_type', code) })),
      defenderCategories: (r.defender_categories as string[]).map((code) => ({ code, label: label('defender_category', code) })),
      perpetratorTypes: (r.perpetrator_types as string[]).map((code) => ({ code, label: label('perpetrator_type', code) })),
      victims: r.victims,
      perpetrators: (r.perpetrators as { type: string; name: string | null }[]).map((p) => ({ type: p.type, typeLabel: label('perpetrator_type', p.type), name: p.name })),
      legal: r.legal,
      sources: r.sources,
      publisher: r.publisher,
      publishedAt: (r.published_at as Date).toISOString(),
      updatedAt: (r.updated_at as Date).toISOString(),
    }));
    const last = shown.at(-1);
    const nextCursor = rows.length > limit && last ? Buffer.from(JSON.stringify({ d: last.start_date, id: last.incident_id })).toString('base64url') : null;
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify({ incidents, nextCursor, limit }));
  };
}
