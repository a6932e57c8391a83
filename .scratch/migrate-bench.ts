import { openPostgres } from '../db/client';
import { applyMigrations } from '../db/migrate';
import { benchDatabaseUrl } from '../bench/public-database';
async function main() {
  const d = openPostgres(benchDatabaseUrl(), { max: 1 });
  const t = Date.now();
  await applyMigrations(d);
  await d.db.execute('VACUUM ANALYZE public_incidents' as never);
  console.log('migrated in', Date.now() - t, 'ms');
  await d.close();
}
main();
