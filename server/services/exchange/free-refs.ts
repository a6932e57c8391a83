import 'server-only';
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { caseInterventions, caseLegalEvents } from '@/db/schema';

/**
 * A part of a case deleted earlier (in the workspace or by an earlier import) keeps its ref, which
 * is unique within the case. When a file lists that ref again, the import writes a new row (deleted
 * parts are not brought back by a file): the deleted row lets go of the ref first, else the insert
 * would fail on the unique key. Done before any row of the case is written.
 */
export async function freeRefsOfDeleted(
  tx: Tx,
  table: typeof caseInterventions | typeof caseLegalEvents,
  caseId: string,
  refs: (string | null | undefined)[],
): Promise<void> {
  const wanted = refs.filter((ref): ref is string => typeof ref === 'string');
  if (wanted.length === 0) return;
  await tx
    .update(table)
    .set({ ref: null })
    .where(and(eq(table.caseId, caseId), isNotNull(table.deletedAt), inArray(table.ref, wanted)));
}
