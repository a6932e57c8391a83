import 'server-only';
import type { DbOrTx } from '@/db/client';
import { vocabularyTerms, type VocabularyKind } from '@/db/schema';

/** Vocabulary codes that exist already, per kind: a file may use them without defining them. */
export type KnownVocabulary = Partial<Record<VocabularyKind, Iterable<string>>>;

/** Every code in the database, per kind. The vocabularies are small (tens to hundreds of terms). */
export async function loadKnownVocabulary(db: DbOrTx): Promise<Record<VocabularyKind, Set<string>>> {
  const known: Record<VocabularyKind, Set<string>> = {
    violation_type: new Set(),
    defender_category: new Set(),
    perpetrator_type: new Set(),
  };
  const rows = await db.select({ kind: vocabularyTerms.kind, code: vocabularyTerms.code }).from(vocabularyTerms);
  for (const row of rows) known[row.kind].add(row.code);
  return known;
}
