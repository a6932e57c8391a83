/**
 * The vocabulary is kept in each process, and read again as soon as any process (any connection)
 * changes a term: the generation token's trigger covers vocabulary_terms (migration 0044).
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openPostgres, type Database } from '@/db/client';
import { rowsOf } from '@/db/rows';
import { vocabularyTerms } from '@/db/schema';
import { forgetKeptVocabulary, listVocabularyTerms } from '@/server/services/vocabulary/terms';
import { createEmbeddedTestDatabase, createTestDatabase, testServerUrl } from '../support/database';

let server: Database;
let other: Database;
beforeAll(async () => {
  server = await createTestDatabase();
  const [row] = rowsOf<{ name: string }>(await server.db.execute(sql`SELECT current_database() AS name`));
  const url = new URL(testServerUrl());
  url.pathname = `/${row!.name}`;
  // Another app process's connection, as far as this process's kept answer can tell.
  other = openPostgres(url.toString(), { max: 1 });
});
afterAll(async () => {
  await other?.close();
  await server?.close();
});
beforeEach(() => forgetKeptVocabulary());

const term = { kind: 'violation_type' as const, code: 'kept_probe', parentCode: null, labels: { en: 'Before', ru: 'До', kk: 'Бұрын' } };

async function check(reader: Database, writer: Database) {
  await writer.db.insert(vocabularyTerms).values(term);
  const first = await listVocabularyTerms(reader.db);
  expect(first.find((t) => t.code === 'kept_probe')?.labels.en).toBe('Before');
  // Nothing changed: the kept answer itself.
  expect(await listVocabularyTerms(reader.db)).toBe(first);

  await writer.db.update(vocabularyTerms).set({ labels: { ...term.labels, en: 'After' } }).where(eq(vocabularyTerms.code, 'kept_probe'));
  expect((await listVocabularyTerms(reader.db)).find((t) => t.code === 'kept_probe')?.labels.en).toBe('After');

  await writer.db.insert(vocabularyTerms).values({ ...term, code: 'kept_probe_2' });
  expect((await listVocabularyTerms(reader.db)).map((t) => t.code)).toContain('kept_probe_2');

  await writer.db.delete(vocabularyTerms).where(eq(vocabularyTerms.code, 'kept_probe_2'));
  expect((await listVocabularyTerms(reader.db)).map((t) => t.code)).not.toContain('kept_probe_2');
}

describe('the kept vocabulary', () => {
  it('follows a term changed through another connection (PostgreSQL)', async () => {
    await check(server, other);
  });

  it('follows a changed term on the embedded default', async () => {
    const embedded = await createEmbeddedTestDatabase();
    try {
      await check(embedded, embedded);
    } finally {
      await embedded.close();
    }
  });
});
