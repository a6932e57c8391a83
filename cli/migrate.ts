import { openConfiguredDatabase } from '../db/client';
import { applyMigrations } from '../db/migrate';

async function main() {
  const database = await openConfiguredDatabase();
  try {
    const started = Date.now();
    await applyMigrations(database);
    console.log(`Migrations applied to ${database.driver === 'pglite' ? 'the embedded database' : 'PostgreSQL'} in ${Date.now() - started} ms.`);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
