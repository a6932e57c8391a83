import { jsonb, pgTable, serial, text, unique } from 'drizzle-orm/pg-core';
import { vocabularyKindEnum } from './enums';

/** Labels per language tag; `en` is always present. */
export type TermLabels = { en: string } & Record<string, string>;

/** Controlled vocabularies (violation types, defender categories, perpetrator types); hierarchical by parent code. */
export const vocabularyTerms = pgTable(
  'vocabulary_terms',
  {
    id: serial('id').primaryKey(),
    kind: vocabularyKindEnum('kind').notNull(),
    code: text('code').notNull(),
    parentCode: text('parent_code'),
    labels: jsonb('labels').$type<TermLabels>().notNull(),
  },
  (t) => [unique('vocabulary_terms_kind_code').on(t.kind, t.code)],
);
