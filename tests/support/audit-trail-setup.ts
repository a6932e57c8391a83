import { desc, gt } from 'drizzle-orm';
import type { Database, Db } from '@/db/client';
import { auditLog } from '@/db/schema';
import { createTestDatabase } from './database';

/** The database of the audit stories (tests/integration/audit-trail*.test.ts), and what was logged since a moment. */

export let database: Database;
export let db: Db;

export async function openSetup(): Promise<void> {
  database = await createTestDatabase();
  db = database.db;
}
export async function closeSetup(): Promise<void> {
  await database?.close();
}

/** Entries written after this id, oldest first. */
export async function entriesSince(id: number) {
  return db.select().from(auditLog).where(gt(auditLog.id, id)).orderBy(auditLog.id);
}
export async function lastId(): Promise<number> {
  const [row] = await db.select({ id: auditLog.id }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  return row?.id ?? 0;
}
