import 'server-only';
import { and, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { cases, users } from '@/db/schema';
import { recordAudit } from '../audit/record';
import { notFound } from '../../errors';
import { refreshPublicCase } from '../publishing/public-case';

/**
 * Brings a deleted case back as it was, for an admin of its organization; any other case (not
 * deleted, or of an organization the viewer does not administer) answers NOT_FOUND.
 */
export async function restoreCase(db: Db, params: { id: string; actorId: string; organizationIds: string[] }): Promise<void> {
  if (!params.organizationIds.length) throw notFound('deleted case');
  await db.transaction(async (tx) => {
    const [restored] = await tx
      .update(cases)
      .set({ deletedAt: null, deletedBy: null })
      .where(and(eq(cases.id, params.id), isNotNull(cases.deletedAt), inArray(cases.organizationId, params.organizationIds)))
      .returning({ organizationId: cases.organizationId });
    if (!restored) throw notFound('deleted case');
    // A case published before its deletion is public again at the moment it is restored.
    await refreshPublicCase(tx, params.id);
    await recordAudit(tx, { actorId: params.actorId, action: 'case.restore', organizationId: restored.organizationId, subjectType: 'case', subjectId: params.id });
  });
}

/** Deleted cases of the given organizations, most recently deleted first. */
export async function listDeletedCases(db: DbOrTx, organizationIds: string[]) {
  if (!organizationIds.length) return [];
  return db
    .select({ id: cases.id, title: cases.title, reviewStatus: cases.reviewStatus, deletedAt: cases.deletedAt, deletedByName: users.name })
    .from(cases)
    .leftJoin(users, eq(users.id, cases.deletedBy))
    .where(and(inArray(cases.organizationId, organizationIds), isNotNull(cases.deletedAt)))
    .orderBy(desc(cases.deletedAt))
    .limit(200);
}
