import { sql } from 'drizzle-orm';
import type { Db } from './client';
import { rowsOf } from './rows';

/**
 * The two-role setup: `npm run db:migrate` runs as the owner of the schema (MIGRATION_DATABASE_URL)
 * and gives the app's role (the user of DATABASE_URL) only what the app needs, so that the app,
 * or whoever takes it over, cannot rewrite its own history:
 *   - no ownership of anything (an owner can ALTER TABLE … DISABLE TRIGGER and drop the guards);
 *   - SELECT and INSERT only on the append-only tables: those guarded by the trigger function
 *     refuse_change_to_append_only (audit log, versions, reviews, comments, merges), found in the
 *     catalog so that a new append-only table is covered by its trigger alone;
 *   - SELECT, INSERT, UPDATE, DELETE on the other tables, the sequences it needs, and membership
 *     of hrd_public (the public side reads as it).
 * Safe to run again; grants follow the tables as they are at each migrate.
 */
export async function grantAppRole(db: Db, appRole: string): Promise<{ appendOnly: string[]; others: string[]; ownedByApp: string[] }> {
  const role = quoteIdent(appRole);
  const tables = rowsOf<{ name: string; owner: string; append_only: boolean }>(
    await db.execute(sql`
      SELECT c.relname AS name, pg_get_userbyid(c.relowner) AS owner,
             EXISTS (SELECT 1 FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
                     WHERE t.tgrelid = c.oid AND p.proname = 'refuse_change_to_append_only') AS append_only
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
      ORDER BY c.relname`),
  );
  const appendOnly = tables.filter((t) => t.append_only).map((t) => t.name);
  const others = tables.filter((t) => !t.append_only).map((t) => t.name);
  const ownedByApp = tables.filter((t) => t.owner === appRole).map((t) => t.name);

  await db.execute(sql.raw(`GRANT USAGE ON SCHEMA public TO ${role}`));
  // Start from nothing on every table, so that rights given by hand earlier do not linger.
  const all = tables.map((t) => quoteIdent(t.name)).join(', ');
  if (all) await db.execute(sql.raw(`REVOKE ALL ON TABLE ${all} FROM ${role}`));
  if (appendOnly.length > 0) await db.execute(sql.raw(`GRANT SELECT, INSERT ON TABLE ${appendOnly.map(quoteIdent).join(', ')} TO ${role}`));
  if (others.length > 0) await db.execute(sql.raw(`GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE ${others.map(quoteIdent).join(', ')} TO ${role}`));
  await db.execute(sql.raw(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role}`));
  // The commands check that the migrations are current before they work (db/migrate.ts).
  await db.execute(sql.raw(`GRANT USAGE ON SCHEMA drizzle TO ${role}`));
  await db.execute(sql.raw(`GRANT SELECT ON TABLE drizzle.__drizzle_migrations TO ${role}`));
  await db.execute(
    sql.raw(`DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'hrd_public') AND NOT pg_has_role(${quoteLiteral(appRole)}, 'hrd_public', 'MEMBER') THEN
    BEGIN
      GRANT hrd_public TO ${role};
    EXCEPTION WHEN insufficient_privilege THEN
      RAISE WARNING 'could not make % a member of hrd_public: run GRANT hrd_public TO % as a superuser', ${quoteLiteral(appRole)}, ${quoteLiteral(appRole)};
    END;
  END IF;
END
$$`),
  );
  return { appendOnly, others, ownedByApp };
}

/** The user name in a postgres:// address. */
export function roleOfUrl(url: string): string {
  const user = decodeURIComponent(new URL(url).username);
  if (!user) throw new Error('DATABASE_URL names no user: the app role must be given as postgres://USER@HOST/DB.');
  return user;
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function quoteLiteral(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}
