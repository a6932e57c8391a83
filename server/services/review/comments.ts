import 'server-only';
import { asc, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { cases, comments, incidents, users } from '@/db/schema';
import { recordAudit } from '../audit/record';
import { invalidField, notFound } from '../../errors';
import { notifyUsers } from './notify';
import { subjectColumns, type ReviewSubject } from './subject';

/** What a discussion is about: comments on every kind of record share one append-only table, keyed by subject. */
export type CommentSubject = ReviewSubject;

const subjectColumn = (subject: CommentSubject) => (subject.kind === 'incident' ? comments.incidentId : comments.caseId);

/** The discussion on an incident or a case, oldest first; replies point at their parent. */
export function listComments(db: DbOrTx, subject: CommentSubject) {
  return db
    .select({
      id: comments.id,
      parentId: comments.parentId,
      field: comments.field,
      body: comments.body,
      createdAt: comments.createdAt,
      author: { id: users.id, name: users.name },
    })
    .from(comments)
    .innerJoin(users, eq(users.id, comments.authorId))
    .where(eq(subjectColumn(subject), subject.id))
    .orderBy(asc(comments.id));
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
 * changed the record (and, for a reply, whoever wrote the comment answered), and records it in the audit log, all in one transaction.
 */
export async function addComment(db: Db, params: { subject: CommentSubject; authorId: string; body: string; parentId: number | null; field: string | null }) {
  const { subject } = params;
  return db.transaction(async (tx) => {
    let parentAuthor: string | null = null;
    if (params.parentId !== null) {
      const [parent] = await tx
        .select({ subjectId: subjectColumn(subject), authorId: comments.authorId })
        .from(comments)
        .where(eq(comments.id, params.parentId));
      if (!parent || parent.subjectId !== subject.id) throw invalidField(['parentId'], 'comment.noParent');
      parentAuthor = parent.authorId;
    }
    const [comment] = await tx
      .insert(comments)
      .values({
        ...subjectColumns(subject),
        authorId: params.authorId,
        body: params.body,
        parentId: params.parentId,
        field: params.field,
      })
      .returning({ id: comments.id });
    if (!comment) throw new Error('Insert of a comment returned nothing');
    const record = await ownerOf(tx, subject);
    // A reply also reaches whoever wrote the comment it answers: the reviewer who asked hears the author's answer.
    await notifyUsers(tx, {
      userIds: [record.createdBy, record.updatedBy, parentAuthor],
      kind: 'commented',
      ...subjectColumns(subject),
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
