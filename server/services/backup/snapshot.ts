import 'server-only';
import { sql } from 'drizzle-orm';
import type { Db, DbOrTx, Tx } from '@/db/client';
import { rowsOf } from '@/db/rows';
import { backupFormat, backupFormatVersion, type BackupHeader } from './format';
import { rowsInInsertOrder, tablesInDependencyOrder } from './tables';

/** Rows read per round trip: large enough to be fast, small enough to keep memory flat on any table size. */
const fetchSize = 2000;

/** Which migrations the database has: a restore needs the same schema. */
export async function appliedMigrations(db: DbOrTx): Promise<BackupHeader['migrations']> {
  const [row] = rowsOf<{ count: number | string; last: string | null }>(
    await db.execute(sql`SELECT count(*) AS count, (SELECT hash FROM drizzle.__drizzle_migrations ORDER BY created_at DESC, id DESC LIMIT 1) AS last
      FROM drizzle.__drizzle_migrations`),
  );
  return { count: Number(row?.count ?? 0), last: row?.last ?? null };
}

/**
 * The whole database as backup lines (see format.ts), read in one transaction: on a server at
 * REPEATABLE READ, so every table is read as of one moment even while the app keeps writing.
 * Rows come through a cursor, a few thousand at a time, so memory stays flat however large the
 * database is. `consume` receives each chunk of text and may wait (back-pressure from the file).
 */
export async function writeSnapshot(db: Db, consume: (text: string) => Promise<void>): Promise<Record<string, number>> {
  return db.transaction(
    async (tx: Tx) => {
      const header: BackupHeader = {
        format: backupFormat,
        version: backupFormatVersion,
        createdAt: new Date().toISOString(),
        migrations: await appliedMigrations(tx),
      };
      await consume(`H ${JSON.stringify(header)}\n`);
      const counts: Record<string, number> = {};
      for (const table of await tablesInDependencyOrder(tx)) {
        await consume(`T ${JSON.stringify({ table: table.name, columns: table.columns })}\n`);
        await tx.execute(sql`DECLARE backup_rows NO SCROLL CURSOR FOR ${rowsInInsertOrder(table)}`);
        let rows = 0;
        for (;;) {
          const batch = rowsOf<{ line: string }>(await tx.execute(sql.raw(`FETCH ${fetchSize} FROM backup_rows`)));
          if (batch.length === 0) break;
          rows += batch.length;
          await consume(batch.map((row) => `R ${row.line}\n`).join(''));
        }
        await tx.execute(sql`CLOSE backup_rows`);
        // A row the insert order could not reach (a self-reference in a loop) would be lost silently: refuse instead.
        const [total] = rowsOf<{ n: number | string }>(await tx.execute(sql`SELECT count(*) AS n FROM ${sql.identifier(table.name)}`));
        if (Number(total?.n) !== rows) throw new Error(`The table ${table.name} has ${total?.n} rows but ${rows} could be ordered for the backup.`);
        counts[table.name] = rows;
        await consume(`E ${JSON.stringify({ table: table.name, rows })}\n`);
      }
      await consume(`Z ${JSON.stringify({ tables: counts })}\n`);
      return counts;
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}
