import 'server-only';
import { asc, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { cases, incidentComments, incidents, users } from '@/db/schema';
import { recordAudit } from '../audit/record';
import { invalidField, notFound } from '../../errors';
import { notifyUsers } from './notify';

/** What a discussion is about: comments on incidents and on cases share one append-only table. */
export type CommentSubject = { kind: 'incident'; id: string } | { kind: 'case'; id: string };

const subjectColumn = (subject: CommentSubject) => (subject.kind === 'incident' ? incidentComments.incidentId : incidentComments.caseId);

/** The discussion on an incident or a case, oldest first; replies point at their parent. */
export function listComments(db: DbOrTx, subject: CommentSubject) {
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
    .where(eq(subjectColumn(subject), subject.id))
    .orderBy(asc(incidentComments.id));
}

async function ownerOf(tx: DbOrTx, subject: CommentSubject) {
  const table = subject.kind === 'incident' ? incidents : cases;
  const [record] = await tx
    .select({ organizationId: table.organizationId, createdBy: table.createdBy, updatedBy: table.updatedBy })
    .from(table)
    .where(eq(table.id, subject.id));
  if (!record) throw notFound(subject.kind);
  return record;
}

/**
 * Adds a comment (or a reply to one on the same incident or case), tells whoever wrote or last
 * changed the record, and records it in the audit log, all in one transaction.
 */
export async function addComment(db: Db, params: { subject: CommentSubject; authorId: string; body: string; parentId: number | null; field: string | null }) {
  const { subject } = params;
  return db.transaction(async (tx) => {
    if (params.parentId !== null) {
      const [parent] = await tx.select({ subjectId: subjectColumn(subject) }).from(incidentComments).where(eq(incidentComments.id, params.parentId));
      if (!parent || parent.subjectId !== subject.id) throw invalidField(['parentId'], 'comment.noParent');
    }
    const [comment] = await tx
      .insert(incidentComments)
      .values({
        ...(subject.kind === 'incident' ? { incidentId: subject.id } : { caseId: subject.id }),
        authorId: params.authorId,
        body: params.body,
        parentId: params.parentId,
        field: params.field,
      })
      .returning({ id: incidentComments.id });
    if (!comment) throw new Error('Insert of a comment returned nothing');
    const record = await ownerOf(tx, subject);
    await notifyUsers(tx, {
      userIds: [record.createdBy, record.updatedBy],
      kind: 'commented',
      ...(subject.kind === 'incident' ? { incidentId: subject.id } : { caseId: subject.id }),
      actorId: params.authorId,
    });
    // Ids only: the comment's words stay in the discussion, which members of the organization read; they may name someone confidential.
    await recordAudit(tx, {
      actorId: params.authorId,
      action: `${subject.kind}.comment`,
      organizationId: record.organizationId,
      subjectType: subject.kind,
      subjectId: subject.id,
      details: { commentId: comment.id, ...(params.parentId !== null ? { replyTo: params.parentId } : {}) },
    });
    return comment;
  });
}
