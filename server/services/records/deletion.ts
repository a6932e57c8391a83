import 'server-only';
import { and, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db, DbOrTx, Tx } from '@/db/client';
import { rowsOf } from '@/db/rows';
import { cases, incidents, users } from '@/db/schema';
import type { ProblemCode } from '@/common/i18n/problems';
import { recordAudit } from '../audit/record';
import { conflict, notFound } from '../../errors';
import { refreshPublicCase } from '../publishing/public-case';
import { refreshPublicIncident } from '../publishing/public-record';

/**
 * Soft deletion of incidents and cases, one rule for both: a deleted record vanishes from every list
 * and from the public side at once but stays in the database, and an admin of its organization can
 * bring it back as it was. The write, the public refresh and the audit entry share one transaction.
 * Who may delete is the policy's question (server/policy/deletion.ts), asked by the router first.
 */

/** What differs between the kinds: their table, how their public row is refreshed, how a stale delete is said. */
const deletable = {
  incident: { table: incidents, refreshPublic: (tx: Tx, id: string) => refreshPublicIncident(tx, id), stale: 'incident.changedOrDeleted' },
  case: { table: cases, refreshPublic: refreshPublicCase, stale: 'case.changedOrDeleted' },
} as const satisfies Record<string, { table: typeof incidents | typeof cases; refreshPublic: (tx: Tx, id: string) => Promise<void>; stale: ProblemCode }>;

export type DeletableKind = keyof typeof deletable;

type Changed = { organization_id: string };

/** Deletes the record at this version; a record changed or deleted meanwhile is a CONFLICT. */
export async function deleteRecord(db: Db, kind: DeletableKind, params: { id: string; version: number; actorId: string }): Promise<void> {
  const { table, refreshPublic, stale } = deletable[kind];
  await db.transaction(async (tx) => {
    const [deleted] = rowsOf<Changed>(
      await tx.execute(sql`UPDATE ${table} SET deleted_at = now(), deleted_by = ${params.actorId}
        WHERE id = ${params.id} AND version = ${params.version} AND deleted_at IS NULL RETURNING organization_id`),
    );
    if (!deleted) throw conflict(stale);
    // A published record (should the policy ever allow deleting one) leaves the public side at once.
    await refreshPublic(tx, params.id);
    await recordAudit(tx, { actorId: params.actorId, action: `${kind}.delete`, organizationId: deleted.organization_id, subjectType: kind, subjectId: params.id });
  });
}

/**
 * Brings a deleted record back as it was, for an admin of its organization (`organizationIds`); any
 * other record (not deleted, or of an organization the viewer does not administer) is NOT_FOUND.
 */
export async function restoreRecord(db: Db, kind: DeletableKind, params: { id: string; actorId: string; organizationIds: string[] }): Promise<void> {
  if (!params.organizationIds.length) throw notFound(`deleted ${kind}`);
  const { table, refreshPublic } = deletable[kind];
  await db.transaction(async (tx) => {
    const [restored] = rowsOf<Changed>(
      await tx.execute(sql`UPDATE ${table} SET deleted_at = NULL, deleted_by = NULL
        WHERE id = ${params.id} AND deleted_at IS NOT NULL AND organization_id IN ${sql`(${sql.join(params.organizationIds.map((id) => sql`${id}`), sql`, `)})`}
        RETURNING organization_id`),
    );
    if (!restored) throw notFound(`deleted ${kind}`);
    // A record published before its deletion is public again at the moment it is restored.
    await refreshPublic(tx, params.id);
    await recordAudit(tx, { actorId: params.actorId, action: `${kind}.restore`, organizationId: restored.organization_id, subjectType: kind, subjectId: params.id });
  });
}

/** Deleted records of the given organizations, most recently deleted first, with who deleted them. */
export async function listDeleted(db: DbOrTx, kind: DeletableKind, organizationIds: string[]) {
  if (!organizationIds.length) return [];
  const { table } = deletable[kind];
  return db
    .select({ id: table.id, title: table.title, reviewStatus: table.reviewStatus, deletedAt: table.deletedAt, deletedByName: users.name })
    .from(table)
    .leftJoin(users, eq(users.id, table.deletedBy))
    .where(and(inArray(table.organizationId, organizationIds), isNotNull(table.deletedAt)))
    .orderBy(desc(table.deletedAt))
    .limit(200);
}
