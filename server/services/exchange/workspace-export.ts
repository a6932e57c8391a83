import 'server-only';
import { PassThrough, Readable } from 'node:stream';
import { and, asc, sql, type SQL } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import type { Db, DbOrTx } from '@/db/client';
import { incidents } from '@/db/schema';
import { csvBom, csvLine } from '@/server/public/csv-line';
import { inOneSnapshot } from '@/server/public/snapshot';
import { incidentListInput } from '@/common/inputs/incident';
import { incidentFacetFilterShape } from '@/common/inputs/incident-facets';
import type { Locale } from '@/common/i18n';
import { regionLabel } from '@/common/regions';
import { recordAudit } from '../audit/record';
import { incidentListConditions, type IncidentListFilters } from '../incidents/list';
import type { ListViewer } from '../incidents/list-facet-filters';
import { incidentListColumns } from '../incidents/list-columns';
import { refreshSearch } from '../search/refresh';
import { exchangeDocumentChunks } from './export-stream';

/**
 * The coordinators' export of their organization's incidents, with the incident list's filters:
 * CSV and XLSX (one row per incident) and the exchange format (JSON, the whole collection with only
 * the matching incidents), each streamed a batch at a time from one snapshot. This is inside
 * the organization: every review state and the records' own words, as the list shows them.
 */
export const workspaceExportInput = incidentListInput
  .pick({ status: true, violationType: true, region: true, from: true, to: true, text: true })
  // Exactly the list's filters: its facets, the chosen incidents, and "mine" and "waiting for my review" (which depend on who exports).
  .extend({ ...incidentFacetFilterShape, organizationId: z.uuid(), format: z.enum(['csv', 'xlsx', 'json']) });
export type WorkspaceExportInput = z.infer<typeof workspaceExportInput>;

/** `region` is the ISO 3166-2:KZ code (or a region outside the list as written), `region_name` its name in the exporter's language. */
const columns = ['ref', 'title', 'status', 'start_date', 'end_date', 'date_precision', 'country', 'region', 'region_name', 'locality', 'violation_types', 'summary', 'updated_at'] as const;
const batchSize = 1000;

type Row = Record<(typeof columns)[number], string | null>;

/** Who exports: the list's "mine" and "waiting for my review" are theirs; region names are in their language. */
type Exporter = ListViewer & { locale?: Locale };

async function* incidentRows(db: Db, exporter: Exporter, organizationId: string, filters: IncidentListFilters): AsyncGenerator<Row[]> {
  const conditions = await incidentListConditions(db, [organizationId], filters, exporter);
  let after: { startDate: string; id: string } | null = null;
  for (;;) {
    const cursor: SQL | undefined = after ? sql`(${incidents.startDate}, ${incidents.id}) > (${after.startDate}::date, ${after.id}::uuid)` : undefined;
    const page = await db
      .select({
        ...incidentListColumns,
        summary: incidents.summary,
        updatedAt: sql<string>`to_char(${incidents.updatedAt} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`,
      })
      .from(incidents)
      .where(and(...conditions, cursor))
      .orderBy(asc(incidents.startDate), asc(incidents.id))
      .limit(batchSize);
    if (page.length === 0) return;
    yield page.map((row) => ({
      ref: row.ref,
      title: row.title,
      status: row.status,
      start_date: row.startDate,
      end_date: row.endDate,
      date_precision: row.datePrecision,
      country: row.country,
      region: row.region,
      region_name: regionLabel(row.region, exporter.locale ?? 'en'),
      locality: row.locality,
      violation_types: row.violationTypes.join('; '),
      summary: row.summary,
      updated_at: row.updatedAt,
    }));
    const last: { startDate: string; id: string } = page.at(-1)!;
    after = { startDate: last.startDate, id: last.id };
    if (page.length < batchSize) return;
  }
}

async function* csvChunks(db: Db, exporter: Exporter, organizationId: string, filters: IncidentListFilters): AsyncGenerator<string> {
  yield csvBom + csvLine([...columns]);
  for await (const rows of incidentRows(db, exporter, organizationId, filters)) yield rows.map((row) => csvLine(columns.map((c) => row[c]))).join('');
}

/** XLSX written as it is read: exceljs's streaming writer commits each row, so memory stays flat. */
function xlsxStream(db: Db, exporter: Exporter, organizationId: string, filters: IncidentListFilters): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false });
  const sheet = workbook.addWorksheet('Incidents');
  sheet.columns = columns.map((key) => ({ header: key, key }));
  void (async () => {
    for await (const rows of inOneSnapshot((tx) => incidentRows(tx ?? db, exporter, organizationId, filters), db)) {
      for (const row of rows) sheet.addRow(row).commit();
    }
    sheet.commit();
    await workbook.commit();
  })().catch((error: unknown) => out.destroy(error as Error));
  return out;
}

/**
 * A body from chunks of text, read as the client reads (a chunk at a time). The first chunk is made
 * before answering, so that a failure at the start (the audit row, the file's head) is an error
 * answer rather than a file cut short, and the audit row is written once the answer is returned.
 */
async function textStream(chunks: AsyncGenerator<string>): Promise<ReadableStream<Uint8Array>> {
  const encoder = new TextEncoder();
  const first = await chunks.next();
  return Readable.toWeb(Readable.from((async function* () {
    if (first.done) return;
    yield encoder.encode(first.value);
    for await (const chunk of chunks) yield encoder.encode(chunk);
  })())) as unknown as ReadableStream<Uint8Array>;
}

const contentTypes = {
  csv: 'text/csv; charset=utf-8; header=present',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8',
} as const;

/** The export as an HTTP answer; the audit row (who, which organization, which filters) is written before the first byte. */
export async function workspaceExportResponse(db: Db, exporter: Exporter, input: WorkspaceExportInput): Promise<Response> {
  const { organizationId, format, ...filters } = input;
  const actorId = exporter.id;
  const given = Object.fromEntries(Object.entries(filters).filter(([, value]) => value != null && value !== ''));
  // The rows are read in a read-only snapshot, which cannot bring the search documents up to date: done here, before.
  if (filters.text) await refreshSearch(db);
  const headers = {
    'content-type': contentTypes[format],
    'content-disposition': `attachment; filename="incidents.${format}"`,
    'cache-control': 'no-store',
  };
  if (format === 'json') {
    // Only a filtered file narrows its incidents to the list's; an unfiltered one holds every incident of the organization.
    const incidentConditions = Object.keys(given).length > 0 ? (snapshot: DbOrTx) => incidentListConditions(snapshot, [organizationId], filters, exporter) : undefined;
    const chunks = inOneSnapshot((tx) => exchangeDocumentChunks(db, tx ?? db, organizationId, { actorId, via: 'workspace', filters: given, incidentConditions }), db);
    return new Response(await textStream(chunks), { headers });
  }
  await db.transaction((tx) =>
    recordAudit(tx, { actorId, action: 'exchange.export', organizationId, subjectType: 'organization', subjectId: organizationId, details: { via: 'workspace', format, filters: given } }),
  );
  if (format === 'csv') return new Response(await textStream(inOneSnapshot((tx) => csvChunks(tx ?? db, exporter, organizationId, filters), db)), { headers });
  return new Response(Readable.toWeb(xlsxStream(db, exporter, organizationId, filters)) as unknown as ReadableStream<Uint8Array>, { headers });
}
