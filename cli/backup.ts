/**
 * `npm run backup -- FILE`: one consistent, encrypted snapshot of the whole database (the
 * configured one: DATABASE_URL, or the embedded folder with the app stopped). Encrypted to
 * BACKUP_RECIPIENTS (age public keys) or with BACKUP_PASSPHRASE; never written in the clear.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { openConfiguredDatabase } from '../db/client';
import { BackupKeyError, backupEncrypter } from '../server/services/backup/encryption';
import { writeEncryptedBackup } from '../server/services/backup/streams';
import { say, sharedRefusal } from './language';

class UserError extends Error {}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.length !== 1 || args[0]!.startsWith('-')) throw new UserError(say('cli.backup.usage'));
  const file = path.resolve(args[0]!);
  backupEncrypter(); // Refuse a missing key before opening anything.
  const started = Date.now();
  const database = await openConfiguredDatabase();
  try {
    const { counts, encryptedTo } = await writeEncryptedBackup(database.db, file);
    const rows = Object.values(counts).reduce((sum, n) => sum + n, 0);
    const size = (await stat(file)).size;
    const to = encryptedTo.keys ? say('cli.backup.toKeys', { n: encryptedTo.keys }) : say('cli.backup.toPassphrase');
    const [megabytes, seconds] = [(size / 1024 / 1024).toFixed(1), ((Date.now() - started) / 1000).toFixed(1)];
    console.log(say('cli.backup.wrote', { file, rows, tables: Object.keys(counts).length, megabytes, to, seconds }));
    for (const table of ['organizations', 'users', 'incidents', 'cases', 'persons', 'audit_log']) {
      if (table in counts) console.log(`  ${table.padEnd(14)} ${counts[table]}`);
    }
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof UserError || error instanceof BackupKeyError) console.error(error.message);
  else console.error(sharedRefusal(error) ?? say('cli.backup.failed', { error: error instanceof Error ? error.message : String(error) }));
  process.exit(1);
});
