import 'server-only';
import { asc } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { vocabularyTerms } from '@/db/schema';

/** Every vocabulary term, ordered so that pickers can show parents before children. */
export function listVocabularyTerms(db: DbOrTx) {
  return db
    .select({
      kind: vocabularyTerms.kind,
      code: vocabularyTerms.code,
      parentCode: vocabularyTerms.parentCode,
      labels: vocabularyTerms.labels,
    })
    .from(vocabularyTerms)
    .orderBy(asc(vocabularyTerms.kind), asc(vocabularyTerms.code));
}
