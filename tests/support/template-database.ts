import postgres from 'postgres';
import { openPostgres } from '@/db/client';
import { applyMigrations } from '@/db/migrate';
import { migrationsFingerprint } from './migrations-fingerprint';

/**
 * The migrated template of the integration tests' databases. Applying the migrations takes
 * seconds; `CREATE DATABASE … TEMPLATE` copies a migrated database in a fraction of that, and every
 * test file makes one. The template is named by the migrations' fingerprint, so a change to them
 * makes a new one; it is made once, by whichever process first needs it, under an advisory lock
 * (vitest's global setup, tests/support/integration-setup.ts, usually; test files run on their own
 * make it too). Templates that no run has used for a while are dropped by the global setup.
 */
const prefix = 'hrd_template_';
// Any constant no other code of the project locks; one key serialises making and sweeping.
const lockKey = 4_711_031_207;
// Longer than any run (CI allows 30 minutes): a template used this recently may still be copied.
const staleAfterMs = 3 * 60 * 60_000;

export function templateName(): string {
  return `${prefix}${migrationsFingerprint()}`;
}

/** Makes the template for the current migrations unless it exists, and returns its name. */
export async function ensureTemplate(serverUrl: string): Promise<string> {
  const name = templateName();
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    // Checked before the lock too: once it exists it is complete (see makeTemplate), and most callers find it so.
    if (await exists(admin, name)) return name;
    await withLock(admin, async () => {
      if (!(await exists(admin, name))) await makeTemplate(admin, serverUrl, name);
    });
    return name;
  } finally {
    await admin.end();
  }
}

/**
 * Once per run (the global setup): makes sure the template exists, notes that it is in use, and
 * drops the templates of other migrations (other branches, earlier commits) that no run has noted
 * for `staleAfterMs`, and the half-made ones left by a process killed while making one.
 */
export async function prepareTemplates(serverUrl: string): Promise<string> {
  const name = templateName();
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await withLock(admin, async () => {
      if (!(await exists(admin, name))) await makeTemplate(admin, serverUrl, name);
      await admin.unsafe(`COMMENT ON DATABASE ${name} IS '${usedNote(Date.now())}'`);
      const others = await admin<{ name: string; note: string | null }[]>`
        SELECT datname AS name, shobj_description(oid, 'pg_database') AS note FROM pg_database
        WHERE starts_with(datname, ${prefix}) AND datname <> ${name}`;
      for (const other of others) {
        const used = lastUsed(other.note);
        if (used !== undefined && Date.now() - used < staleAfterMs) continue;
        await dropTemplate(admin, other.name).catch((error: unknown) => {
          console.warn(`Could not drop the stale test template ${other.name}: ${String(error)}`);
        });
      }
    });
    return name;
  } finally {
    await admin.end();
  }
}

async function makeTemplate(admin: postgres.Sql, serverUrl: string, name: string): Promise<void> {
  // Made under another name and renamed when complete, so that a template that exists is a whole one.
  const making = `${name}_making`;
  await admin.unsafe(`DROP DATABASE IF EXISTS ${making} WITH (FORCE)`); // left by a process killed while making it
  await admin.unsafe(`CREATE DATABASE ${making}`);
  const url = new URL(serverUrl);
  url.pathname = `/${making}`;
  const database = openPostgres(url.toString(), { max: 1 });
  try {
    await applyMigrations(database);
  } finally {
    await database.close();
  }
  // No connections from now on: a copy fails while anyone is connected to its template.
  await admin.unsafe(`ALTER DATABASE ${making} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`);
  await admin.unsafe(`COMMENT ON DATABASE ${making} IS '${usedNote(Date.now())}'`);
  await admin.unsafe(`ALTER DATABASE ${making} RENAME TO ${name}`);
}

async function dropTemplate(admin: postgres.Sql, name: string): Promise<void> {
  await admin.unsafe(`ALTER DATABASE ${name} WITH IS_TEMPLATE false`);
  await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}

async function exists(admin: postgres.Sql, name: string): Promise<boolean> {
  const rows = await admin`SELECT 1 FROM pg_database WHERE datname = ${name}`;
  return rows.length > 0;
}

/** Runs `work` holding the advisory lock on this connection (max: 1, so every query uses the same session). */
async function withLock(admin: postgres.Sql, work: () => Promise<void>): Promise<void> {
  await admin`SELECT pg_advisory_lock(${lockKey})`;
  try {
    await work();
  } finally {
    await admin`SELECT pg_advisory_unlock(${lockKey})`;
  }
}

const notePrefix = 'HRD Monitor test template (tests/support/template-database.ts), last used at ';

function usedNote(at: number): string {
  return `${notePrefix}${new Date(at).toISOString()}`;
}

function lastUsed(note: string | null): number | undefined {
  if (!note?.startsWith(notePrefix)) return undefined;
  const at = Date.parse(note.slice(notePrefix.length));
  return Number.isNaN(at) ? undefined : at;
}
