import { asc, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { incidentComments, incidents, users } from '@/db/schema';
import { recordAudit } from '../audit/record';
import { invalidField } from '../errors';
import { notifyUsers } from './notify';

/** The discussion on an incident, oldest first; replies point at their parent. */
export function listComments(db: DbOrTx, incidentId: string) {
  return db
    .select({
      id: incidentComments.id,
      parentId: incidentComments.parentId,
      field: incidentComments.field,
      body: incidentComments.body,
      createdAt: incidentComments.createdAt,
      author: { id: users.id, name: users.name },
    })
    .from(incidentComments)
    .innerJoin(users, eq(users.id, incidentComments.authorId))
    .where(eq(incidentComments.incidentId, incidentId))
    .orderBy(asc(incidentComments.id));
}

export async function addComment(
  db: Db,
  params: { incidentId: string; authorId: string; body: string; parentId: number | null; field: string | null },
) {
  return db.transaction(async (tx) => {
    if (params.parentId !== null) {
      const [parent] = await tx
        .select({ incidentId: incidentComments.incidentId })
        .from(incidentComments)
        .where(eq(incidentComments.id, params.parentId));
      if (!parent || parent.incidentId !== params.incidentId) throw invalidField(['parentId'], 'No such comment on this incident');
    }
    const [comment] = await tx
      .insert(incidentComments)
      .values({ incidentId: params.incidentId, authorId: params.authorId, body: params.body, parentId: params.parentId, field: params.field })
      .returning({ id: incidentComments.id });
    const [incident] = await tx
      .select({ organizationId: incidents.organizationId, createdBy: incidents.createdBy, updatedBy: incidents.updatedBy })
      .from(incidents)
      .where(eq(incidents.id, params.incidentId));
    await notifyUsers(tx, {
      userIds: [incident?.createdBy ?? null, incident?.updatedBy ?? null],
      kind: 'commented',
      incidentId: params.incidentId,
      actorId: params.authorId,
    });
    // The comment's words stay in the discussion: they may name someone confidential.
    await recordAudit(tx, {
      actorId: params.authorId,
      action: 'incident.comment',
      organizationId: incident?.organizationId ?? null,
      subjectType: 'incident',
      subjectId: params.incidentId,
      details: { commentId: comment!.id, ...(params.parentId !== null ? { replyTo: params.parentId } : {}) },
    });
    return comment!;
  });
}
