import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { vocabularyTerms } from '@/db/schema';
import { vocabularyLists, type ExchangeDocument, type VocabularyList } from '@/server/services/exchange/document';
import { createTestDatabase } from '../support/database';

/**
 * Databases loaded before the demo file had Kazakh labels get them from migration 0020, which must
 * give the same words as the file and leave an administrator's own wording alone.
 */

const root = path.join(import.meta.dirname, '../..');
const fixture = JSON.parse(readFileSync(path.join(root, 'fixtures/kazakhstan-2017.json'), 'utf8')) as ExchangeDocument;
const migration = readFileSync(path.join(root, 'db/migrations/0020_kazakh_vocabulary_labels.sql'), 'utf8');
const shipped = (Object.entries(vocabularyLists) as [VocabularyList, (typeof vocabularyLists)[VocabularyList]][]).flatMap(([list, kind]) =>
  (fixture.vocabularies?.[list] ?? []).map((term) => ({ kind, code: term.code, parentCode: term.parent ?? null, labels: term.labels })),
);

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

describe('the Kazakh vocabulary labels migration', () => {
  it('labels in Kazakh the terms loaded before, as the demo file does, and keeps wording of its own', async () => {
    const [relabelled, alreadyKazakh, ...rest] = shipped;
    // As the demo file loaded them before it had Kazakh labels; one term reworded by an administrator,
    // one already given a Kazakh label of its own.
    const withoutKazakh = (labels: Record<string, string>) => Object.fromEntries(Object.entries(labels).filter(([language]) => language !== 'kk')) as { en: string };
    await database.db.insert(vocabularyTerms).values([
      { ...relabelled!, labels: { en: 'Harassment through the courts' } },
      { ...alreadyKazakh!, labels: { ...withoutKazakh(alreadyKazakh!.labels), kk: 'Өз сөзі' } },
      ...rest.map((term) => ({ ...term, labels: withoutKazakh(term.labels) })),
    ]);

    await database.db.execute(sql.raw(migration));

    const rows = await database.db.select().from(vocabularyTerms);
    const labelOf = (code: string, kind: string) => rows.find((row) => row.code === code && row.kind === kind)?.labels;
    expect(rest.length).toBeGreaterThan(30);
    for (const term of rest) expect(labelOf(term.code, term.kind)).toEqual(term.labels);
    expect(labelOf(relabelled!.code, relabelled!.kind)).toEqual({ en: 'Harassment through the courts' });
    expect(labelOf(alreadyKazakh!.code, alreadyKazakh!.kind)?.kk).toBe('Өз сөзі');
  });
});
