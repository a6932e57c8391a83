import 'server-only';
import { eq } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { vocabularyTerms, type VocabularyKind } from '@/db/schema';
import { chunk, differs } from './compare';
import { vocabularyLists, type ExchangeDocument, type VocabularyList } from './document';
import { emptyCounts, type ImportCounts } from './summary';

/**
 * Upserts the file's terms by kind and code. Vocabularies are shared by the whole platform, so a
 * file can relabel a term (labels change; codes are stable) but never removes one.
 */
export async function importVocabulary(tx: Tx, doc: ExchangeDocument): Promise<ImportCounts> {
  const counts = emptyCounts();
  const existing = new Map((await tx.select().from(vocabularyTerms)).map((row) => [`${row.kind} ${row.code}`, row]));
  const created: (typeof vocabularyTerms.$inferInsert)[] = [];

  for (const [list, kind] of Object.entries(vocabularyLists) as [VocabularyList, VocabularyKind][]) {
    for (const term of doc.vocabularies?.[list] ?? []) {
      const wanted = { parentCode: term.parent ?? null, labels: term.labels };
      const current = existing.get(`${kind} ${term.code}`);
      if (!current) {
        created.push({ kind, code: term.code, ...wanted });
        counts.created++;
      } else if (differs(current, wanted)) {
        await tx.update(vocabularyTerms).set(wanted).where(eq(vocabularyTerms.id, current.id));
        counts.updated++;
      } else {
        counts.unchanged++;
      }
    }
  }
  for (const rows of chunk(created, 500)) await tx.insert(vocabularyTerms).values(rows);
  return counts;
}
