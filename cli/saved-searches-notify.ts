/**
 * `npm run saved-searches:notify`: gives each person who asked for it an in-app notice of every new
 * incident matching one of their saved searches (server/services/saved-searches/notify.ts), then exits.
 * Run it every few minutes from cron (or a systemd timer) beside the app.
 */
import { openConfiguredDatabase } from '../db/client';
import { applyMigrations } from '../db/migrate';
import { notifySavedSearchMatches } from '../server/services/saved-searches/notify';

async function main(): Promise<void> {
  const database = await openConfiguredDatabase();
  try {
    await applyMigrations(database);
    const { searches, notices } = await notifySavedSearchMatches(database.db);
    console.log(`Saved searches checked: ${searches}; notices given: ${notices}.`);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
