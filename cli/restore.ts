/**
 * `npm run restore -- FILE`: restores an encrypted backup into the configured database, which must
 * be empty (a new PostgreSQL database, or a new embedded folder). Then checks the audit log's hash
 * chain and prints what was restored. With BACKUP_IDENTITY (age secret key or its file) or
 * BACKUP_PASSPHRASE. Moving from the embedded default to a server is a backup there and a restore here.
 */
import { access } from 'node:fs/promises';
import path from 'node:path';
import { openConfiguredDatabase } from '../db/client';
import { applyMigrations } from '../db/migrate';
import { describeAuditChainReport, verifyAuditChain } from '../server/services/audit/verify';
import { say, sharedRefusal } from './language';
import { BackupKeyError, backupDecrypter } from '../server/services/backup/encryption';
import { BackupFileError } from '../server/services/backup/format';
import { DatabaseNotEmptyError, restoreSnapshot } from '../server/services/backup/restore';
import { readEncryptedBackup } from '../server/services/backup/streams';

class UserError extends Error {}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.length !== 1 || args[0]!.startsWith('-')) throw new UserError(say('cli.restore.usage'));
  const file = path.resolve(args[0]!);
  await access(file).catch(() => {
    throw new UserError(say('cli.restore.cannotRead', { file }));
  });
  backupDecrypter(); // Refuse a missing key before opening anything.
  const started = Date.now();
  const database = await openConfiguredDatabase();
  try {
    await applyMigrations(database);
    const counts = await restoreSnapshot(database.db, readEncryptedBackup(file));
    const rows = Object.values(counts).reduce((sum, n) => sum + n, 0);
    console.log(say('cli.restore.restored', { file, rows, tables: Object.keys(counts).length, seconds: ((Date.now() - started) / 1000).toFixed(1) }));
    for (const table of ['organizations', 'users', 'incidents', 'cases', 'persons', 'audit_log']) {
      if (table in counts) console.log(`  ${table.padEnd(14)} ${counts[table]}`);
    }
    const report = await verifyAuditChain(database.db);
    for (const line of describeAuditChainReport(report, say)) (report.whole ? console.log : console.error)(line);
    return report.whole ? 0 : 1;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if ([UserError, BackupKeyError, BackupFileError, DatabaseNotEmptyError].some((kind) => error instanceof kind)) console.error((error as Error).message);
    else console.error(sharedRefusal(error) ?? say('cli.restore.failed', { error: error instanceof Error ? error.message : String(error) }));
    process.exit(1);
  },
);
