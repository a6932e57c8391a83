/**
 * The backup drill, as an NGO's administrator runs it: an encrypted backup of a server database,
 * restored into a new embedded folder (moving off a server), backed up there and restored into a
 * new server database (moving onto one). Every table comes back exactly, the exports are equal,
 * the audit chain is whole, and the backup files hold no readable name.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db } from '@/db/client';
import { rowsOf } from '@/db/rows';
import { organizations, persons } from '@/db/schema';
import { seedDemo } from '@/server/services/demo/seed';
import type { ExchangeDocument } from '@/server/services/exchange/document';
import { exportExchangeDocument } from '@/server/services/exchange/export';
import { createTestDatabase, databaseUrlOf } from '../support/database';

const run = promisify(execFile);
const root = path.resolve(__dirname, '../..');
const canary = `Canaryname Zhaksylykova ${Date.now()}`;

async function command(script: 'backup' | 'restore', file: string, env: Record<string, string>) {
  const { DATABASE_URL: _url, HRD_DATA_DIR: _dir, BACKUP_PASSPHRASE: _p, BACKUP_RECIPIENTS: _r, BACKUP_IDENTITY: _i, ...rest } = process.env;
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', `cli/${script}.ts`, file], { cwd: root, env: { ...rest, ...env }, timeout: 120_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** Every table's rows, as text in primary-key order: equal only if the restore is exact. */
async function everyTable(db: Db): Promise<Record<string, string>> {
  const tables = rowsOf<{ name: string }>(await db.execute(sql`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`));
  const result: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = rowsOf<{ digest: string | null; n: number | string }>(
      await db.execute(sql`SELECT md5(string_agg(row_to_json(t)::text, E'\n' ORDER BY row_to_json(t)::text)) AS digest, count(*) AS n FROM ${sql.identifier(name)} t`),
    );
    result[name] = `${row!.n}:${row!.digest}`;
  }
  return result;
}

const withoutStamps = (doc: ExchangeDocument) => ({ ...doc, exported_at: undefined });

let source: Database;
let restored: Database;
let folder: string;
let identity: string;
let recipient: string;
let sourceTables: Record<string, string>;
beforeAll(async () => {
  source = await createTestDatabase();
  restored = await createTestDatabase();
  folder = mkdtempSync(path.join(os.tmpdir(), 'hrd-backup-'));
  identity = await generateX25519Identity();
  recipient = await identityToRecipient(identity);
  const { organizationId } = await seedDemo(source);
  // A confidential person whose name must never be readable in a backup file.
  await source.db.insert(persons).values({ organizationId, ref: 'person:canary', name: canary, confidential: true, aliases: [`${canary} alias`] });
  sourceTables = await everyTable(source.db);
}, 120_000);
afterAll(async () => {
  await source?.close();
  await restored?.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('the backup drill', { timeout: 180_000 }, () => {
  const passphrase = 'correct horse battery staple for the drill';

  it('backs up a server to public keys, with no readable name in the file', async () => {
    const made = await command('backup', path.join(folder, 'server.age'), { DATABASE_URL: await databaseUrlOf(source.db), BACKUP_RECIPIENTS: recipient });
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toMatch(/encrypted to 1 public key/);
    const bytes = readFileSync(path.join(folder, 'server.age'));
    expect(bytes.subarray(0, 21).toString()).toBe('age-encryption.org/v1');
    for (const name of [canary, 'Zhaksylykova', 'Kharkova', 'hrd-monitor-backup']) expect(bytes.includes(Buffer.from(name)), name).toBe(false);
  });

  it('restores it into a new embedded folder, exactly, with a whole audit chain', async () => {
    const restoredHere = await command('restore', path.join(folder, 'server.age'), { HRD_DATA_DIR: path.join(folder, 'embedded'), BACKUP_IDENTITY: identity });
    expect(restoredHere.code, restoredHere.stderr).toBe(0);
    expect(restoredHere.stdout).toMatch(/Audit chain whole: [1-9]\d* rows/);
    expect(restoredHere.stdout).toMatch(/incidents\s+26/);
  });

  it('backs the embedded folder up with a passphrase and restores it into a new server database: every table equal', async () => {
    const made = await command('backup', path.join(folder, 'embedded.age'), { HRD_DATA_DIR: path.join(folder, 'embedded'), BACKUP_PASSPHRASE: passphrase });
    expect(made.code, made.stderr).toBe(0);
    expect(readFileSync(path.join(folder, 'embedded.age')).includes(Buffer.from(canary))).toBe(false);

    const back = await command('restore', path.join(folder, 'embedded.age'), { DATABASE_URL: await databaseUrlOf(restored.db), BACKUP_PASSPHRASE: passphrase });
    expect(back.code, back.stderr).toBe(0);
    expect(back.stdout).toMatch(/Audit chain whole/);
    expect(await everyTable(restored.db)).toEqual(sourceTables);

    // The canary is in the restored data: the backup held it, encrypted.
    expect(await restored.db.select({ name: persons.name }).from(persons).where(eq(persons.ref, 'person:canary'))).toEqual([{ name: canary }]);
    const [organization] = await source.db.select().from(organizations);
    const [a, b] = [await exportExchangeDocument(source.db, organization!.id), await exportExchangeDocument(restored.db, organization!.id)];
    expect(withoutStamps(b)).toEqual(withoutStamps(a));
    // New rows get new ids after the restored ones: the sequences continue.
    await expect(exportExchangeDocument(restored.db, organization!.id)).resolves.toBeDefined();
  });

  it('refuses a database that is not empty, a wrong key and a file cut short, and restores nothing', async () => {
    const url = await databaseUrlOf(restored.db);
    const notEmpty = await command('restore', path.join(folder, 'embedded.age'), { DATABASE_URL: url, BACKUP_PASSPHRASE: passphrase });
    expect(notEmpty.code).toBe(1);
    expect(notEmpty.stderr).toMatch(/not empty/);

    const wrongKey = await command('restore', path.join(folder, 'embedded.age'), { HRD_DATA_DIR: path.join(folder, 'wrong'), BACKUP_PASSPHRASE: 'not the passphrase at all' });
    expect(wrongKey.code).toBe(1);
    expect(wrongKey.stderr).toMatch(/cannot be decrypted/);

    const whole = readFileSync(path.join(folder, 'server.age'));
    writeFileSync(path.join(folder, 'cut.age'), whole.subarray(0, Math.floor(whole.length * 0.6)));
    const empty = await createTestDatabase();
    try {
      const cut = await command('restore', path.join(folder, 'cut.age'), { DATABASE_URL: await databaseUrlOf(empty.db), BACKUP_IDENTITY: identity });
      expect(cut.code).toBe(1);
      expect(cut.stderr).toMatch(/damaged or was cut short/);
      // Only the row a migration writes (the public counts' state) is there: nothing of the backup.
      const filled = Object.entries(await everyTable(empty.db)).filter(([, value]) => !value.startsWith('0:'));
      expect(filled.map(([table]) => table)).toEqual(['public_incident_counts_state']);
    } finally {
      await empty.close();
    }
  });

  it('refuses to write a backup in the clear', async () => {
    const clear = await command('backup', path.join(folder, 'clear.json'), { DATABASE_URL: await databaseUrlOf(source.db) });
    expect(clear.code).toBe(1);
    expect(clear.stderr).toMatch(/always encrypted/);
  });
});
