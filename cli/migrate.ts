/**
 * `npm run db:migrate`: applies the migrations. On a server it runs as the schema's owner
 * (MIGRATION_DATABASE_URL) and then grants the app's role (DATABASE_URL's user) only what the app
 * needs (db/app-role.ts); with DATABASE_URL alone the app owns its tables and could rewrite its own
 * audit log, which it says. The embedded default (no DATABASE_URL) works as before.
 */
import { openConfiguredDatabase, openPostgres, type Database } from '../db/client';
import { grantAppRole, roleOfUrl } from '../db/app-role';
import { applyMigrations } from '../db/migrate';
import { reanchorAuditChain } from '../server/services/audit/record';
import { writeMissingExportTexts } from '../server/public/export-texts';

async function main() {
  const ownerUrl = process.env.MIGRATION_DATABASE_URL;
  const appUrl = process.env.DATABASE_URL;
  if (appUrl && !ownerUrl) {
    console.warn(
      'Warning: MIGRATION_DATABASE_URL is not set, so the migrations run as the app’s own role (DATABASE_URL) and the app owns its tables: ' +
        'it could disable the guards and rewrite its own audit log. Set MIGRATION_DATABASE_URL to an owner role (README, Running on a server).',
    );
  }
  const database: Database = ownerUrl ? openPostgres(ownerUrl, { max: 1 }) : await openConfiguredDatabase();
  try {
    const started = Date.now();
    await applyMigrations(database);
    if (ownerUrl && appUrl) {
      const appRole = roleOfUrl(appUrl);
      if (appRole === roleOfUrl(ownerUrl)) throw new Error('MIGRATION_DATABASE_URL and DATABASE_URL name the same user: give the app a role of its own.');
      const granted = await grantAppRole(database.db, appRole);
      console.log(`Granted ${appRole}: read and append only on ${granted.appendOnly.length} append-only tables, read and write on ${granted.others.length} others.`);
      if (granted.ownedByApp.length > 0) {
        console.warn(`Warning: ${appRole} owns ${granted.ownedByApp.join(', ')}: as a superuser run REASSIGN OWNED BY ${appRole} TO <owner role>, then migrate again.`);
      }
    }
    if (await database.db.transaction((tx) => reanchorAuditChain(tx))) {
      console.log('The audit log’s earlier rows were put under the audit key with one re-anchoring row.');
    }
    const lines = await writeMissingExportTexts(database.db);
    if (lines > 0) console.log(`Lines of the public exports made for ${lines} public incidents that had none.`);
    console.log(`Migrations applied to ${database.driver === 'pglite' ? 'the embedded database' : 'PostgreSQL'} in ${Date.now() - started} ms.`);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
