import 'server-only';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { rowsOf } from '@/db/rows';
import journal from '@/db/migrations/meta/_journal.json';

/**
 * Whether this process should be sent requests: the database answers, and it has every migration
 * this build of the app was made with (drizzle records each applied migration with the `when` of
 * its journal entry). A process started before `npm run db:migrate` is not ready, so a load
 * balancer keeps sending traffic to the processes that are. Says nothing about the data.
 */
export type Readiness = { ready: true } | { ready: false; reason: 'database unreachable' | 'migrations pending' | 'shutting down' };

const expectedLast = Math.max(...journal.entries.map((entry) => entry.when));

export async function checkReadiness(db: DbOrTx): Promise<Readiness> {
  let last: number | null;
  try {
    const [row] = rowsOf<{ last: string | number | null }>(await db.execute(sql`SELECT max(created_at) AS last FROM drizzle.__drizzle_migrations`));
    last = row?.last == null ? null : Number(row.last);
  } catch (error) {
    // No migrations table yet is "pending"; anything else (refused connection, timeout) is "unreachable".
    if (/__drizzle_migrations|schema "drizzle"/.test(String((error as { cause?: unknown }).cause ?? error))) return { ready: false, reason: 'migrations pending' };
    return { ready: false, reason: 'database unreachable' };
  }
  if (last === null || last < expectedLast) return { ready: false, reason: 'migrations pending' };
  return { ready: true };
}
