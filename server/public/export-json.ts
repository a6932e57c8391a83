import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { rowsOf } from '@/db/rows';
import { publicIncidents as p, withProtectedPerson, type PublicSource } from '@/db/schema/public';
import { publicRead } from './db';
import type { PublicFilters } from './filters';
import { chunkChars, cursorBatches, exportIncidentBatches, snapshotOf } from './export-rows';
import { incidentJsonEnd } from './export-json-object';
import { exportTextBatches } from './export-texts';
import { organizationRef, personRef, protectedPersonsOf, ReferencedRecords, sourceRecord, sourceRef } from './export-json-records';
import { publicVocabulary } from './incidents';
import { whereFilters } from './where';

/**
 * The public export in the exchange format (exchange/schema.json): only published incidents, and
 * the persons, organizations and sources they reference, as the read model holds them (protected
 * persons as their label, marked confidential, never named). Streamed in constant memory, however
 * many incidents: every ref is made from the record itself (so nothing is remembered between
 * incidents), the incidents come first, a batch at a time, then the records they referenced, read
 * again from the read model with the database removing repeats. Published cases are served at
 * /api/public/v1/cases; this export holds incidents only.
 */

/** JSON array elements in chunks of about chunkChars, led by a comma unless the array is still empty (`array.empty`); `isText` when they are JSON already. */
async function* elements<T>(batches: AsyncGenerator<T[]>, toJson: (item: T) => unknown, array = { empty: true }, isText = false): AsyncGenerator<string> {
  let chunk = '';
  for await (const batch of batches) {
    for (const item of batch) {
      const value = toJson(item);
      chunk += `${array.empty ? '' : ','}${isText ? (value as string) : JSON.stringify(value)}`;
      array.empty = false;
      if (chunk.length >= chunkChars) {
        yield chunk;
        chunk = '';
      }
    }
  }
  if (chunk) yield chunk;
}

/**
 * The protected persons, incident by incident in the export's order, read again from the incidents that
 * have any (an index holds them): a hundred thousand of them kept from the first reading made the
 * process 50 MB larger.
 */
async function* protectedPersons(filters: PublicFilters, db?: Db) {
  for await (const rows of exportIncidentBatches(filters, ['incidentId', 'victims'], db, { where: withProtectedPerson })) yield rows.flatMap(protectedPersonsOf);
}

/**
 * Distinct values over the matching incidents' victims or sources, in order of their key, a batch
 * per transaction: the database removes the repeats, and each batch starts after the last key seen.
 */
async function* distinctBatches<T extends { key: string }>(filters: PublicFilters, query: (where: SQL, after: (key: SQL) => SQL) => SQL, db?: Db): AsyncGenerator<T[]> {
  const batchSize = 5000;
  // In the snapshot, over one cursor: one scan and one sort, where a keyset query per batch scanned every incident again.
  const tx = snapshotOf(db);
  if (tx) {
    yield* cursorBatches(tx, `public_export_${distinctCursors++}`, sql`${query(whereFilters(filters), () => sql`TRUE`)} ORDER BY key`, batchSize) as AsyncGenerator<T[]>;
    return;
  }
  let last: string | null = null;
  for (;;) {
    const from: string | null = last;
    const after = (key: SQL) => (from === null ? sql`TRUE` : sql`${key} > ${from}`);
    const rows: T[] = await publicRead(
      async (tx) => rowsOf<T>(await tx.execute(sql`${query(whereFilters(filters), after)} ORDER BY key LIMIT ${batchSize}`)),
      db,
    );
    yield rows;
    if (rows.length < batchSize) return;
    last = rows.at(-1)!.key;
  }
}
let distinctCursors = 0;

const unprotectedPersons = (filters: PublicFilters, db?: Db) =>
  distinctBatches<{ key: string; categories: string[] | null }>(
    filters,
    (where, after) => sql`SELECT v->>'name' AS key, array_agg(DISTINCT c.code) FILTER (WHERE c.code IS NOT NULL) AS categories
      FROM ${p} CROSS JOIN LATERAL jsonb_array_elements(${p.victims}) AS v
      LEFT JOIN LATERAL jsonb_array_elements_text(v->'categories') AS c(code) ON TRUE
      WHERE ${where} AND v->>'kind' = 'person' AND v->>'protected' = 'false' AND ${after(sql`v->>'name'`)}
      GROUP BY 1`,
    db,
  );

const organizations = (filters: PublicFilters, db?: Db) =>
  distinctBatches<{ key: string }>(
    filters,
    (where, after) => sql`SELECT DISTINCT v->>'name' AS key FROM ${p} CROSS JOIN LATERAL jsonb_array_elements(${p.victims}) AS v
      WHERE ${where} AND v->>'kind' = 'organization' AND ${after(sql`v->>'name'`)}`,
    db,
  );

const sources = (filters: PublicFilters, db?: Db) =>
  distinctBatches<{ key: string; source: PublicSource }>(
    filters,
    // jsonb's text is canonical, so equal sources have equal keys.
    (where, after) => sql`SELECT DISTINCT s::text AS key, s AS source FROM ${p} CROSS JOIN LATERAL jsonb_array_elements(${p.sources}) AS s
      WHERE ${where} AND ${after(sql`s::text`)}`,
    db,
  );

/** The export as chunks of JSON text (`gatheredBound`: how many referenced records to keep before reading the lists again, see ReferencedRecords). */
export async function* publicExchangeChunks(filters: PublicFilters, db?: Db, now = new Date(), gatheredBound?: number): AsyncGenerator<string> {
  const vocabulary = await publicVocabulary('en', db);
  const terms = (kind: 'violation_type' | 'defender_category' | 'perpetrator_type') =>
    vocabulary.terms
      .filter((term) => term.kind === kind)
      .map((term) => (term.parentCode ? { code: term.code, parent: term.parentCode, labels: term.labels } : { code: term.code, labels: term.labels }));
  const head = {
    format: 'hrd-monitor-exchange',
    version: 2,
    title: 'HRD Monitor public export: published incidents',
    exported_at: now.toISOString(),
    vocabularies: { violation_types: terms('violation_type'), defender_categories: terms('defender_category'), perpetrator_types: terms('perpetrator_type') },
  };
  yield `${JSON.stringify(head).slice(0, -1)},"incidents":[`;
  const referenced = new ReferencedRecords(gatheredBound);
  // Each incident's object as its publication made it (./export-texts.ts), with its files' public copies as they are now.
  yield* elements(exportTextBatches(filters, 'json', ['attachments'], db), (row) => {
    referenced.add(row._refs);
    return row._text + incidentJsonEnd(row.attachments);
  }, undefined, true);
  // What the incidents referenced, gathered while they were written, or read again when it was too much to keep.
  const gathered = async function* <T>(records: T[]) {
    yield records;
  };
  const complete = referenced.complete;
  yield '],"organizations":[';
  if (complete) yield* elements(gathered(referenced.organizationRecords()), (organization) => organization);
  else yield* elements(organizations(filters, db), (row) => ({ ref: organizationRef(row.key), name: row.key }));
  yield '],"persons":[';
  const persons = { empty: true };
  yield* elements(protectedPersons(filters, db), (person) => person, persons);
  if (complete) yield* elements(gathered(referenced.namedPersonRecords()), (person) => person, persons);
  else {
    yield* elements(
      unprotectedPersons(filters, db),
      (row) => ({ ref: personRef(row.key), name: row.key, categories: (row.categories ?? []).sort(), confidential: false }),
      persons,
    );
  }
  yield '],"sources":[';
  if (complete) yield* elements(gathered(referenced.sourceRecords()), (source) => source);
  else yield* elements(sources(filters, db), ({ source }) => sourceRecord(sourceRef(source), source));
  yield ']}';
}
