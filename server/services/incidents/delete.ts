import 'server-only';
import { TRPCError } from '@trpc/server';
import { and, desc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { incidents, users } from '@/db/schema';
import { recordAudit } from '../audit/record';
import { notFound } from '../../errors';
import { refreshPublicIncident } from '../publishing/public-record';

/** Soft delete: the incident vanishes from every list but stays in the database, restorable by an admin. */
export async function deleteIncident(db: Db, params: { id: string; version: number; actorId: string }) {
  return db.transaction(async (tx) => {
    const [deleted] = await tx
      .update(incidents)
      .set({ deletedAt: sql`now()`, deletedBy: params.actorId })
      .where(and(eq(incidents.id, params.id), eq(incidents.version, params.version), isNull(incidents.deletedAt)))
      .returning({ organizationId: incidents.organizationId });
    if (!deleted) {
      throw new TRPCError({ code: 'CONFLICT', message: 'This incident changed or was deleted meanwhile. Reload it first.' });
    }
    await refreshPublicIncident(tx, params.id);
    await recordAudit(tx, { actorId: params.actorId, action: 'incident.delete', organizationId: deleted.organizationId, subjectType: 'incident', subjectId: params.id });
  });
}

export async function restoreIncident(db: Db, params: { id: string; actorId: string; organizationIds: string[] }) {
  return db.transaction(async (tx) => {
    const [restored] = await tx
      .update(incidents)
      .set({ deletedAt: null, deletedBy: null })
      .where(and(eq(incidents.id, params.id), isNotNull(incidents.deletedAt), inArray(incidents.organizationId, params.organizationIds)))
      .returning({ organizationId: incidents.organizationId });
    if (!restored) throw notFound('deleted incident');
    await refreshPublicIncident(tx, params.id);
    await recordAudit(tx, { actorId: params.actorId, action: 'incident.restore', organizationId: restored.organizationId, subjectType: 'incident', subjectId: params.id });
  });
}

/** Deleted incidents of the given organizations, most recently deleted first. */
export async function listDeletedIncidents(db: DbOrTx, organizationIds: string[]) {
  if (!organizationIds.length) return [];
  return db
    .select({ id: incidents.id, title: incidents.title, status: incidents.reviewStatus, deletedAt: incidents.deletedAt, deletedByName: users.name })
    .from(incidents)
    .leftJoin(users, eq(users.id, incidents.deletedBy))
    .where(and(inArray(incidents.organizationId, organizationIds), isNotNull(incidents.deletedAt)))
    .orderBy(desc(incidents.deletedAt))
    .limit(200);
}
