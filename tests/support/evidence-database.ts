import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { Database } from '@/db/client';
import { setPublicDatabaseForTests } from '@/server/public/db';
import { parseMasterKey } from '@/server/services/files/crypto/master-key';
import { folderStore } from '@/server/services/files/store/folder';
import { createTestDatabase } from './database';
import { testMasterKey } from './evidence';
import { seedVocabulary } from './factories';

/**
 * A test file's database for evidence files: a folder store and a master key of its own (the
 * procedures read them from the environment, as the server does), the vocabulary, and the public
 * side reading the same database. Registers its own setup and cleanup.
 */
export function evidenceTestDatabase(prefix: string) {
  const folder = mkdtempSync(path.join(os.tmpdir(), prefix));
  const storeFolder = path.join(folder, 'store');
  const masterKeyText = testMasterKey().toString('base64');
  let database: Database | undefined;
  beforeAll(async () => {
    process.env.HRD_FILES_DIR = storeFolder;
    process.env.FILES_MASTER_KEY = masterKeyText;
    database = await createTestDatabase();
    await seedVocabulary(database.db);
    setPublicDatabaseForTests(database.db);
  });
  afterAll(async () => {
    setPublicDatabaseForTests(undefined);
    await database?.close();
    rmSync(folder, { recursive: true, force: true });
  });
  return {
    /** A folder for the test's own files (bundles), beside the store. */
    folder,
    storeFolder,
    get db() {
      return database!.db;
    },
    deps: () => ({ store: folderStore(storeFolder), masterKey: parseMasterKey(masterKeyText), maxBytes: 5e6 }),
  };
}
