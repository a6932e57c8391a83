import 'server-only';
import { and, count, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db, DbOrTx } from '@/db/client';
import { cases, documentedOrganizations, incidents, persons, sources } from '@/db/schema';
import { caseRecords, casesOf } from './export-cases';
import { incidentRecords, incidentsOf } from './export-incidents';
import { organizationRecord, organizationsOf, personRecords, personsOf, sourceRecord, sourcesOf } from './export-records';
import { exchangeHead, recordExport, type ExportCounts, type ExportOptions } from './export';
import { refOrderedBatches } from './ref-batches';
import { exchangeStreamCheck } from './stream-check';

/**
 * The organization's collection as an exchange file written a record at a time: the same file as
 * ./export.ts builds whole (the same records, order and indentation), for the workspace's download,
 * so that memory holds a batch of records rather than the collection. `snapshot` is the export's
 * REPEATABLE READ transaction (../../public/snapshot.ts) or, on the embedded database, the database.
 *
 * Every record is checked (./stream-check.ts) before it is written; the first one with a problem
 * ends the download with an error instead of a file that would not import. The audit row is written
 * before the first byte leaves, with the counts of each kind read in the same snapshot, so that no
 * file leaves unaudited, even one whose download is cut short.
 */
export type StreamedExportOptions = ExportOptions & {
  /** Which incidents the file holds beyond the organization's own (the list's filters); read in the snapshot. */
  incidentConditions?: (snapshot: DbOrTx) => Promise<SQL[]>;
  now?: Date;
  /** Records read and written at a time. */
  batchSize?: number;
};

export async function* exchangeDocumentChunks(db: Db, snapshot: DbOrTx, organizationId: string, options: StreamedExportOptions = {}): AsyncGenerator<string> {
  const head = await exchangeHead(snapshot, organizationId, options.now);
  const check = exchangeStreamCheck(head);
  const filtered = options.incidentConditions !== undefined;
  const incidentsWhere = and(incidentsOf(organizationId), ...((await options.incidentConditions?.(snapshot)) ?? []))!;
  // A filtered file's cases list only the incidents it holds.
  const written = new Set<string>();

  const lists = [
    { list: 'organizations', table: documentedOrganizations, where: organizationsOf(organizationId), records: async (rows: (typeof documentedOrganizations.$inferSelect)[]) => rows.map(organizationRecord) },
    { list: 'persons', table: persons, where: personsOf(organizationId), records: (rows: (typeof persons.$inferSelect)[]) => personRecords(snapshot, rows) },
    { list: 'sources', table: sources, where: sourcesOf(organizationId), records: async (rows: (typeof sources.$inferSelect)[]) => rows.map(sourceRecord) },
    {
      list: 'incidents',
      table: incidents,
      where: incidentsWhere,
      records: async (rows: (typeof incidents.$inferSelect)[]) => {
        if (filtered) for (const row of rows) written.add(row.ref);
        return incidentRecords(snapshot, rows);
      },
    },
    {
      list: 'cases',
      table: cases,
      where: casesOf(organizationId),
      records: async (rows: (typeof cases.$inferSelect)[]) =>
        (await caseRecords(snapshot, organizationId, rows)).map((record) => (filtered ? { ...record, incidents: (record.incidents ?? []).filter((ref) => written.has(ref)) } : record)),
    },
  ] as const;

  const counted = async (table: PgTable, where: SQL) => Number((await snapshot.select({ n: count() }).from(table).where(where))[0]?.n ?? 0);
  const counts: ExportCounts = {
    incidents: await counted(incidents, incidentsWhere),
    cases: await counted(cases, casesOf(organizationId)),
    persons: await counted(persons, personsOf(organizationId)),
    organizations: await counted(documentedOrganizations, organizationsOf(organizationId)),
    sources: await counted(sources, sourcesOf(organizationId)),
    vocabularyTerms: Object.values(head.vocabularies ?? {}).reduce((sum, terms) => sum + terms.length, 0),
  };
  await recordExport(db, organizationId, counts, options);

  // JSON.stringify(document, null, 2), a piece at a time: the head without its closing brace, then each list.
  yield JSON.stringify(head, null, 2).slice(0, -2);
  for (const { list, table, where, records } of lists) {
    yield `,\n  "${list}": [`;
    let index = 0;
    for await (const rows of refOrderedBatches(snapshot, table, where, options.batchSize)) {
      let chunk = '';
      for (const record of await (records as (rows: unknown[]) => Promise<object[]>)(rows)) {
        check.record(list, record, index);
        chunk += `${index === 0 ? '\n    ' : ',\n    '}${JSON.stringify(record, null, 2).replaceAll('\n', '\n    ')}`;
        index += 1;
      }
      yield chunk;
    }
    yield index === 0 ? ']' : '\n  ]';
  }
  yield '\n}';
}
