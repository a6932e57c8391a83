import 'server-only';
/**
 * The backup format, inside the age encryption: UTF-8 text, one line per item, each line a letter
 * and a space before JSON (JSON never holds a raw newline, so a line is always one item):
 *
 *   H {"format":"hrd-monitor-backup","version":1,"createdAt":…,"migrations":{"count":…,"last":…}}
 *   T {"table":"organizations","columns":[…]}       a table begins (tables in dependency order)
 *   R {…}                                            one row, as PostgreSQL's row_to_json gives it
 *   E {"table":"organizations","rows":2}             the table ends, with its row count
 *   Z {"tables":{"organizations":2,…}}               the backup is complete
 *
 * Why rows as JSON rather than pg_dump: the embedded default has no pg_dump, and the same file must
 * restore into either driver. row_to_json writes every type the schema uses (timestamps with
 * microseconds and zone, dates, jsonb, arrays, enums, numbers) in a form that
 * json_populate_recordset reads back to the same value, so a restore is exact. Sequences are set
 * past the largest restored id afterwards. A file without its Z line was cut short and is refused.
 */
export const backupFormat = 'hrd-monitor-backup';
export const backupFormatVersion = 1;

export type BackupHeader = {
  format: typeof backupFormat;
  version: typeof backupFormatVersion;
  createdAt: string;
  /** The schema the rows fit: a backup restores into a database at the same migration. */
  migrations: { count: number; last: string | null };
};

export type BackupLine =
  | { kind: 'H'; value: BackupHeader }
  | { kind: 'T'; value: { table: string; columns: string[] } }
  | { kind: 'R'; text: string }
  | { kind: 'E'; value: { table: string; rows: number } }
  | { kind: 'Z'; value: { tables: Record<string, number> } };

export class BackupFileError extends Error {}

export function parseBackupLine(line: string, number: number): BackupLine {
  const kind = line.slice(0, 1);
  const body = line.slice(2);
  if (line[1] !== ' ' || !'HTREZ'.includes(kind) || kind === '') throw new BackupFileError(`Line ${number} of the backup is not in the backup format.`);
  if (kind === 'R') return { kind, text: body };
  try {
    return { kind, value: JSON.parse(body) } as BackupLine;
  } catch {
    throw new BackupFileError(`Line ${number} of the backup is damaged.`);
  }
}
