/**
 * The two-role setup: migrations run as an owner role (MIGRATION_DATABASE_URL), the app runs as a
 * role that owns nothing (DATABASE_URL). That role cannot disable the guards of the append-only
 * tables, alter them, or update, delete or truncate their rows; the app's own work (an import,
 * published records, the public read model) still goes through, and its audit chain verifies.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres, type Database } from '@/db/client';
import { createOrganization, createUser } from '../support/factories';
import { testServerUrl } from '../support/database';

const run = promisify(execFile);
const root = path.resolve(__dirname, '../..');
const fixture = path.join(root, 'fixtures', 'kazakhstan-2017.json');
const suffix = `${Date.now()}_${randomBytes(3).toString('hex')}`;
const owner = `hrd_owner_${suffix}`;
const app = `hrd_app_${suffix}`;
const name = `hrd_test_roles_${suffix}`;

const superuser = postgres(testServerUrl(), { max: 1, onnotice: () => {} });
const urlAs = (user: string) => {
  const url = new URL(testServerUrl());
  url.username = user;
  url.password = '';
  url.pathname = `/${name}`;
  return url.toString();
};
let asApp: ReturnType<typeof postgres>;
let appDatabase: Database;

async function command(script: string, args: string[], env: Record<string, string>) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', script, ...args], { cwd: root, env: { ...process.env, ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

beforeAll(async () => {
  // What a database administrator does once (README, Running on a server).
  await superuser.unsafe(`CREATE ROLE ${owner} LOGIN`);
  await superuser.unsafe(`CREATE ROLE ${app} LOGIN`);
  await superuser.unsafe(`CREATE DATABASE ${name} OWNER ${owner}`);
  await superuser.unsafe(`DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'hrd_public') THEN CREATE ROLE hrd_public NOLOGIN; END IF; END $$`);
  await superuser.unsafe(`GRANT hrd_public TO ${owner} WITH ADMIN OPTION`);

  const migrated = await command('cli/migrate.ts', [], { MIGRATION_DATABASE_URL: urlAs(owner), DATABASE_URL: urlAs(app) });
  expect(migrated.code, migrated.stderr).toBe(0);
  expect(migrated.stdout).toMatch(new RegExp(`Granted ${app}: read and append only on \\d+ append-only tables`));
  asApp = postgres(urlAs(app), { max: 1, onnotice: () => {} });
  appDatabase = openPostgres(urlAs(app), { max: 2 });
}, 120_000);

afterAll(async () => {
  await asApp?.end();
  await appDatabase?.close();
  await superuser.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await superuser.unsafe(`DROP ROLE IF EXISTS ${app}`);
  await superuser.unsafe(`DROP ROLE IF EXISTS ${owner}`);
  await superuser.end();
});

const appendOnlyTables = ['audit_log', 'incident_versions', 'incident_reviews', 'comments', 'case_versions', 'case_reviews', 'person_merges'];

describe('the app role', () => {
  it('owns nothing in the database', async () => {
    const owned = await asApp`SELECT relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND pg_get_userbyid(c.relowner) = ${app}`;
    expect(owned).toEqual([]);
  });

  it.each(appendOnlyTables)('cannot disable the guard of %s, alter it, or update, delete or truncate its rows', async (table) => {
    const refusals = [
      `ALTER TABLE ${table} DISABLE TRIGGER USER`,
      `ALTER TABLE ${table} DISABLE TRIGGER ALL`,
      `ALTER TABLE ${table} ADD COLUMN forged text`,
      `ALTER TABLE ${table} OWNER TO ${app}`,
      `DROP TABLE ${table}`,
      `UPDATE ${table} SET id = id`,
      `DELETE FROM ${table}`,
      `TRUNCATE ${table}`,
      `CREATE TRIGGER forged BEFORE INSERT ON ${table} FOR EACH ROW EXECUTE FUNCTION refuse_change_to_append_only()`,
    ];
    for (const statement of refusals) {
      await expect(asApp.unsafe(statement), statement).rejects.toThrow(/permission denied|must be owner/);
    }
    await expect(asApp.unsafe(`SELECT count(*) FROM ${table}`)).resolves.toBeDefined();
  });

  it('imports the fixture, publishes, and the audit chain it wrote verifies', async () => {
    const organization = await createOrganization(appDatabase.db);
    const reviewer = await createUser(appDatabase.db, organization.id, 'reviewer');
    const imported = await command('cli/import.ts', [fixture, '--org', organization.slug, '--as', reviewer.email], { DATABASE_URL: urlAs(app) });
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toMatch(/incidents\s+26 created/);

    const verified = await command('cli/audit-verify.ts', [], { DATABASE_URL: urlAs(app) });
    expect(verified.code, verified.stderr).toBe(0);
    expect(verified.stdout).toMatch(/Audit chain whole: \d+ rows/);
    // The public side, which reads as hrd_public through the app role, sees the published records.
    const [row] = await asApp`SELECT count(*)::int AS n FROM public_incidents`;
    expect(row?.n).toBe(25);
  });
});
