import 'server-only';
import { asc } from 'drizzle-orm';
import { vocabularyTerms, type TermLabels } from '@/db/schema/vocabularies';
import type { VocabularyKind } from '@/db/schema/enums';
import type { Language } from './filters';
import type { Db } from '@/db/client';
import type { PublicTx } from './db';
import { regionLabel } from '@/common/regions';

/** Vocabulary labels are public: the same words the workspace uses, in each language. */
export type PublicTerm = { kind: VocabularyKind; code: string; parentCode: string | null; labels: TermLabels };

export type PublicVocabulary = {
  terms: PublicTerm[];
  /** The term's label in the language (else English); an unknown code shows as itself. */
  label: (kind: VocabularyKind, code: string) => string;
  parentOf: (kind: VocabularyKind, code: string) => string | null;
  /** A stored region in the language: a code's label, other text as written (common/regions). */
  region: (value: string) => string;
};

/** The query for every term (bench/support/api-floor.ts runs its SQL text on its own, as part of a floor). */
export function vocabularyQuery(tx: PublicTx | Db) {
  return tx
    .select({ kind: vocabularyTerms.kind, code: vocabularyTerms.code, parentCode: vocabularyTerms.parentCode, labels: vocabularyTerms.labels })
    .from(vocabularyTerms)
    .orderBy(asc(vocabularyTerms.kind), asc(vocabularyTerms.code));
}

export async function loadVocabulary(tx: PublicTx, lang: Language): Promise<PublicVocabulary> {
  const terms = await vocabularyQuery(tx);
  const byKey = new Map(terms.map((term) => [`${term.kind}:${term.code}`, term]));
  return {
    terms,
    label: (kind, code) => {
      const term = byKey.get(`${kind}:${code}`);
      return term ? (term.labels[lang] ?? term.labels.en) : code;
    },
    parentOf: (kind, code) => byKey.get(`${kind}:${code}`)?.parentCode ?? null,
    region: (value) => regionLabel(value, lang),
  };
}
