import 'server-only';
import { sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { rowsOf } from '@/db/rows';
import { BackupFileError, backupFormat, backupFormatVersion, parseBackupLine, type BackupHeader } from './format';
import { appliedMigrations } from './snapshot';
import { tablesInDependencyOrder } from './tables';

/** Rows inserted per statement: one JSON array parameter each. */
const insertBatch = 1000;

export class DatabaseNotEmptyError extends Error {
  constructor(tables: string[]) {
    super(
      `This database is not empty (${tables.join(', ')} hold rows): a backup restores only into an empty database, so that nothing is mixed or overwritten. ` +
        'Create a new database (or point HRD_DATA_DIR at a new folder) and restore there.',
    );
    this.name = 'DatabaseNotEmptyError';
  }
}

/**
 * Tables whose rows a migration writes (state of the public read model, not anybody's records): a
 * new database has them, and the restore replaces them with the backup's.
 */
const seededByMigrations = ['public_incident_counts_state'];

/** Tables with a row, among those a restore would write (the seeded ones aside): none may have any. */
export async function tablesWithRows(db: DbOrTx): Promise<string[]> {
  const full: string[] = [];
  for (const table of await tablesInDependencyOrder(db)) {
    if (seededByMigrations.includes(table.name)) continue;
    const rows = rowsOf(await db.execute(sql`SELECT 1 FROM ${sql.identifier(table.name)} LIMIT 1`));
    if (rows.length > 0) full.push(table.name);
  }
  return full;
}

/**
 * Restores backup lines into an empty, migrated database, in one transaction: a damaged, truncated
 * or refused file leaves the database as empty as it was. Returns the row count of each table.
 */
export async function restoreSnapshot(db: Db, lines: AsyncIterable<string>): Promise<Record<string, number>> {
  const full = await tablesWithRows(db);
  if (full.length > 0) throw new DatabaseNotEmptyError(full);
  const here = await appliedMigrations(db);
  const known = new Map((await tablesInDependencyOrder(db)).map((table) => [table.name, table]));

  return db.transaction(async (tx) => {
    for (const name of seededByMigrations) if (known.has(name)) await tx.execute(sql`DELETE FROM ${sql.identifier(name)}`);
    let header: BackupHeader | null = null;
    let table: { name: string; columns: string[] } | null = null;
    let pending: string[] = [];
    let rows = 0;
    const counts: Record<string, number> = {};
    let complete = false;
    let number = 0;

    const insert = async (into: { name: string; columns: string[] }, lines: string[]) => {
      const columns = sql.join(into.columns.map((column) => sql.identifier(column)), sql`, `);
      const name = sql.identifier(into.name);
      await tx.execute(sql`INSERT INTO ${name} (${columns}) SELECT ${columns} FROM json_populate_recordset(NULL::${name}, ${`[${lines.join(',')}]`}::json)`);
    };
    // The seeded tables' rows go in last: the public read model's triggers renew its state row
    // (migration 0044's generation) as the other tables fill, and the restore must end with the backup's.
    const last: { into: { name: string; columns: string[] }; lines: string[] }[] = [];
    const flush = async () => {
      if (!table || pending.length === 0) return;
      if (seededByMigrations.includes(table.name)) last.push({ into: table, lines: pending });
      else await insert(table, pending);
      pending = [];
    };

    for await (const line of lines) {
      number++;
      if (line === '') continue;
      if (complete) throw new BackupFileError(`The backup goes on after its end (line ${number}).`);
      const item = parseBackupLine(line, number);
      if (!header) {
        if (item.kind !== 'H' || item.value.format !== backupFormat) throw new BackupFileError('This file is not an HRD Monitor backup (or the key or passphrase is not the one it was made with).');
        if (item.value.version !== backupFormatVersion) throw new BackupFileError(`This backup is in format version ${item.value.version}; this app reads version ${backupFormatVersion}.`);
        if (item.value.migrations.count !== here.count || item.value.migrations.last !== here.last) {
          throw new BackupFileError(
            `The backup was made at database migration ${item.value.migrations.count} and this app is at ${here.count}. ` +
              'Restore it with the version of the app that made it, then upgrade (npm run db:migrate) as usual.',
          );
        }
        header = item.value;
        continue;
      }
      switch (item.kind) {
        case 'T': {
          const target = known.get(item.value.table);
          if (!target) throw new BackupFileError(`The backup holds a table this database does not have: ${item.value.table}.`);
          const missing = item.value.columns.filter((column) => !target.columns.includes(column));
          if (missing.length) throw new BackupFileError(`The backup's ${item.value.table} has columns this database does not have: ${missing.join(', ')}.`);
          table = { name: item.value.table, columns: item.value.columns };
          rows = 0;
          break;
        }
        case 'R':
          if (!table) throw new BackupFileError(`Line ${number} is a row outside any table.`);
          pending.push(item.text);
          rows++;
          if (pending.length >= insertBatch) await flush();
          break;
        case 'E':
          await flush();
          if (!table || item.value.table !== table.name || item.value.rows !== rows) {
            throw new BackupFileError(`The table ${item.value.table} in the backup is incomplete (line ${number}).`);
          }
          counts[table.name] = rows;
          table = null;
          break;
        case 'Z':
          if (table) throw new BackupFileError(`The backup ends inside the table ${table.name}.`);
          complete = true;
          break;
        case 'H':
          throw new BackupFileError(`Line ${number} starts a second backup inside this one.`);
      }
    }
    if (!header) throw new BackupFileError('The backup is empty.');
    if (!complete) throw new BackupFileError('The backup was cut short (its last line is missing): nothing was restored.');
    for (const { into, lines } of last) {
      await tx.execute(sql`DELETE FROM ${sql.identifier(into.name)}`);
      await insert(into, lines);
    }
    await resetSequences(tx);
    return counts;
  });
}

/** Every sequence behind a serial column continues after the largest restored value. */
async function resetSequences(db: DbOrTx): Promise<void> {
  const serials = rowsOf<{ table_name: string; column_name: string; sequence: string }>(
    await db.execute(sql`SELECT table_name, column_name, pg_get_serial_sequence(quote_ident(table_name), column_name) AS sequence
      FROM information_schema.columns WHERE table_schema = 'public' AND column_default LIKE 'nextval(%'`),
  );
  for (const serial of serials) {
    if (!serial.sequence) continue;
    const column = sql.identifier(serial.column_name);
    await db.execute(
      sql`SELECT setval(${serial.sequence}::regclass, coalesce((SELECT max(${column}) FROM ${sql.identifier(serial.table_name)}), 0) + 1, false)`,
    );
  }
}
