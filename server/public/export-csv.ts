import 'server-only';
import type { Db } from '@/db/client';
import type { Language, PublicFilters } from './filters';
import { chunkChars } from './export-rows';
import { publicVocabulary } from './incidents';
import { csvBom, csvLine } from './csv-line';
import { csvColumns, fillCsvSlots } from './export-csv-slots';
import { exportTextBatches } from './export-texts';

/** The public CSV: one line per published incident, made at its publication (./export-texts.ts), labelled in the export's language. */
export async function* publicCsvChunks(filters: PublicFilters, db?: Db, lang: Language = 'en'): AsyncGenerator<string> {
  const fill = fillCsvSlots(await publicVocabulary(lang, db));
  // Chunks of at most about 64 KB rather than one per batch: a string of a batch's megabytes (and its bytes)
  // lands in V8's large-object space and stays until a full collection; small ones die young.
  let chunk = csvBom + csvLine([...csvColumns]);
  for await (const batch of exportTextBatches(filters, 'csv', [], db)) {
    for (const row of batch) {
      chunk += fill(row._text);
      if (chunk.length >= chunkChars) {
        yield chunk;
        chunk = '';
      }
    }
  }
  if (chunk) yield chunk;
}
