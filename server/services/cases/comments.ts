import { asc, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { cases, incidentComments, users } from '@/db/schema';
import { recordAudit } from '../audit/record';
import { invalidField, notFound } from '../errors';
import { notifyUsers } from '../review/notify';

/**
 * The discussion on a case, oldest first; replies point at their parent. Comments on cases share
 * the incidents' append-only table (a comment concerns exactly one of them), so they read alike.
 */
export function listCaseComments(db: DbOrTx, caseId: string) {
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
    .where(eq(incidentComments.caseId, caseId))
    .orderBy(asc(incidentComments.id));
}

/**
 * Adds a comment (or a reply to one on the same case), tells whoever wrote or last changed the case,
 * and records it in the audit log, all in one transaction.
 */
export async function addCaseComment(
  db: Db,
  params: { caseId: string; authorId: string; body: string; parentId: number | null; field: string | null },
) {
  return db.transaction(async (tx) => {
    if (params.parentId !== null) {
      const [parent] = await tx
        .select({ caseId: incidentComments.caseId })
        .from(incidentComments)
        .where(eq(incidentComments.id, params.parentId));
      if (!parent || parent.caseId !== params.caseId) throw invalidField(['parentId'], 'No such comment on this case');
    }
    const [comment] = await tx
      .insert(incidentComments)
      .values({ caseId: params.caseId, authorId: params.authorId, body: params.body, parentId: params.parentId, field: params.field })
      .returning({ id: incidentComments.id });
    if (!comment) throw new Error('Insert of a comment returned nothing');
    const [record] = await tx
      .select({ organizationId: cases.organizationId, createdBy: cases.createdBy, updatedBy: cases.updatedBy })
      .from(cases)
      .where(eq(cases.id, params.caseId));
    if (!record) throw notFound('case');
    await notifyUsers(tx, { userIds: [record.createdBy, record.updatedBy], kind: 'commented', caseId: params.caseId, actorId: params.authorId });
    // Ids only: the text stays in the discussion, which members of the organization read.
    await recordAudit(tx, {
      actorId: params.authorId,
      action: 'case.comment',
      organizationId: record.organizationId,
      subjectType: 'case',
      subjectId: params.caseId,
      details: { commentId: comment.id, ...(params.parentId !== null ? { replyTo: params.parentId } : {}) },
    });
    return comment;
  });
}
