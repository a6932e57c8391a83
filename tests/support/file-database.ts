import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import type { Database, Db } from '@/db/client';
import { setPublicDatabaseForTests } from '@/server/public/db';
import { createTestDatabase } from './database';
import { seedVocabulary } from './factories';
import { madeBeforeAll } from './made-before-all';

/** Opens a test database with what most stories need: the vocabulary, and the public side reading it where asked. */
export async function openTestDatabase(options: { vocabulary?: boolean; publicSide?: boolean } = {}): Promise<Database> {
  const database = await createTestDatabase();
  if (options.vocabulary ?? true) await seedVocabulary(database.db);
  if (options.publicSide) setPublicDatabaseForTests(database.db);
  return database;
}

/** Closes what `openTestDatabase` opened (the public side first, so no later file reads a dropped database). */
export async function closeTestDatabase(database: Database): Promise<void> {
  setPublicDatabaseForTests(undefined);
  await database.close();
}

/**
 * A test file's own database, made before its tests (with the vocabulary unless `vocabulary: false`;
 * `publicSide: true` points the public API at it) and dropped after them, with what `arrange` makes
 * in it: `const { database, bureau } = fileDatabase({}, async (db) => ({ bureau: await createOrganization(db) }))`.
 */
export function fileDatabase<T extends Record<string, object> = Record<never, object>>(
  options: { vocabulary?: boolean; publicSide?: boolean } = {},
  arrange: (db: Db) => Promise<T> = async () => ({}) as T,
): { database: Database } & T {
  return madeBeforeAll(
    async () => {
      const database = await openTestDatabase(options);
      return { ...(await arrange(database.db)), database };
    },
    ({ database }) => closeTestDatabase(database),
  );
}

/** A temporary folder of a test file's own (its name starts with `prefix`), removed after its tests. */
export function fileFolder(prefix: string): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), prefix));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  return folder;
}
