import { testServerUrl } from './database';
import { sweepEmbeddedTemplates } from './embedded-template';
import { prepareTemplates } from './template-database';

/**
 * vitest's global setup of the integration tests (vitest.config.mts), run once before any file:
 * makes the migrated template database that every file's database is copied from, before the files
 * start in parallel, and sweeps the templates and embedded tarballs of other migrations.
 */
export default async function setup(): Promise<void> {
  const serverUrl = testServerUrl();
  try {
    await prepareTemplates(serverUrl);
  } catch (error) {
    // The error says which: PostgreSQL not answering (set TEST_DATABASE_URL), or a migration that fails.
    throw new Error(`Could not make the migrated template of the test databases on PostgreSQL at ${serverUrl}: ${String(error)}`);
  }
  sweepEmbeddedTemplates();
}
