import 'server-only';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { rowsOf } from '@/db/rows';

/** One table of the backup: its columns, and a column that points at its own rows, if any. */
export type BackupTable = { name: string; columns: string[]; primaryKey: string | null; selfReference: string | null };

/**
 * Every table of the app (schema public), in an order in which each table comes after the tables
 * it references, so that rows can be inserted in that order without breaking a foreign key. Read
 * from the database's catalog, not from a list in code, so a table added by a later migration is
 * backed up without anybody remembering to add it here.
 */
export async function tablesInDependencyOrder(db: DbOrTx): Promise<BackupTable[]> {
  const tableRows = rowsOf<{ name: string }>(
    await db.execute(sql`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`),
  );
  const columnRows = rowsOf<{ table_name: string; column_name: string }>(
    await db.execute(sql`SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = 'public' AND is_generated = 'NEVER' ORDER BY table_name, ordinal_position`),
  );
  const keyRows = rowsOf<{ name: string; column_name: string }>(
    await db.execute(sql`SELECT c.conrelid::regclass::text AS name, a.attname AS column_name
      FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
      WHERE c.contype = 'p' AND c.connamespace = 'public'::regnamespace AND array_length(c.conkey, 1) = 1`),
  );
  const foreignRows = rowsOf<{ name: string; target: string; column_name: string }>(
    await db.execute(sql`SELECT c.conrelid::regclass::text AS name, c.confrelid::regclass::text AS target, a.attname AS column_name
      FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
      WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace`),
  );

  const unquote = (name: string) => name.replace(/^"|"$/g, '');
  const tables = new Map<string, BackupTable>(
    tableRows.map(({ name }) => [name, { name, columns: [], primaryKey: null, selfReference: null }]),
  );
  for (const row of columnRows) tables.get(row.table_name)?.columns.push(row.column_name);
  for (const row of keyRows) {
    const table = tables.get(unquote(row.name));
    if (table) table.primaryKey = row.column_name;
  }
  const dependsOn = new Map<string, Set<string>>([...tables.keys()].map((name) => [name, new Set<string>()]));
  for (const row of foreignRows) {
    const [from, to] = [unquote(row.name), unquote(row.target)];
    if (from === to) tables.get(from)!.selfReference = row.column_name;
    else dependsOn.get(from)?.add(to);
  }

  const ordered: BackupTable[] = [];
  const placed = new Set<string>();
  while (placed.size < tables.size) {
    const ready = [...tables.keys()].filter((name) => !placed.has(name) && [...dependsOn.get(name)!].every((to) => placed.has(to) || !tables.has(to)));
    if (ready.length === 0) throw new Error('The tables reference each other in a cycle: the backup cannot order them.');
    for (const name of ready) {
      placed.add(name);
      ordered.push(tables.get(name)!);
    }
  }
  return ordered;
}

/**
 * The rows of a table in an order that inserts cleanly: for a table that points at its own rows (a
 * merged person at the person that remains, a reply at the comment it answers), each row after the
 * row it points at, by depth in that tree; otherwise by primary key, so backups of the same data are equal.
 */
export function rowsInInsertOrder(table: BackupTable) {
  const name = sql.identifier(table.name);
  const order = table.primaryKey ? sql`ORDER BY t.${sql.identifier(table.primaryKey)}` : sql``;
  if (!table.selfReference || !table.primaryKey) return sql`SELECT row_to_json(t)::text AS line FROM ${name} t ${order}`;
  const key = sql.identifier(table.primaryKey);
  const parent = sql.identifier(table.selfReference);
  return sql`WITH RECURSIVE depth AS (
      SELECT ${key} AS id, 0 AS level FROM ${name} WHERE ${parent} IS NULL
      UNION ALL SELECT child.${key}, depth.level + 1 FROM ${name} child JOIN depth ON child.${parent} = depth.id
    )
    SELECT row_to_json(t)::text AS line FROM ${name} t JOIN depth ON depth.id = t.${key} ORDER BY depth.level, t.${key}`;
}
