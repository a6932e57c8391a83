import 'server-only';
import { asc } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { vocabularyTerms } from '@/db/schema';
import { answerCache } from '@/server/public/answer-cache';

function readTerms(db: Db) {
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

const kept = answerCache<Awaited<ReturnType<typeof readTerms>>>(1);

/**
 * Every vocabulary term, ordered so that pickers can show parents before children. Nearly every
 * workspace page reads them, and they change rarely: kept in this process under the database's
 * generation token (server/public/answer-cache.ts), which a trigger renews on every write to
 * vocabulary_terms (migration 0044), so a term changed through any process is read again by every
 * process at its next request. The token is one small statement; the terms were the costliest
 * statement of a list page for PostgreSQL.
 */
export function listVocabularyTerms(db: Db) {
  return kept.get('all', () => readTerms(db), db);
}

/** Tests start with nothing kept. */
export const forgetKeptVocabulary = () => kept.clear();
