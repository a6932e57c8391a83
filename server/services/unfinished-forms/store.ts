import 'server-only';
import { and, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db, DbOrTx, Tx } from '@/db/client';
import { unfinishedForms } from '@/db/schema';
import type { KeepUnfinishedFormInput } from '@/common/inputs/unfinished-form';
import { recordAudit } from '../audit/record';

/**
 * Unfinished new-incident forms kept on the server, each its author's alone (server/policy/unfinished-form.ts).
 * The audit log notes that a form was kept, continued, deleted or finished, never what it holds:
 * a half-typed title may name someone.
 */

export type UnfinishedFormListing = { id: string; organizationId: string; title: string; updatedAt: Date };

/** The author's unfinished forms, last touched first, in the organizations they still belong to. */
export async function listUnfinishedForms(db: DbOrTx, authorId: string, organizationIds: string[]): Promise<UnfinishedFormListing[]> {
  if (organizationIds.length === 0) return [];
  return db
    .select({ id: unfinishedForms.id, organizationId: unfinishedForms.organizationId, title: unfinishedForms.title, updatedAt: unfinishedForms.updatedAt })
    .from(unfinishedForms)
    .where(and(eq(unfinishedForms.authorId, authorId), inArray(unfinishedForms.organizationId, organizationIds)))
    .orderBy(desc(unfinishedForms.updatedAt))
    .limit(100);
}

export async function findUnfinishedForm(db: DbOrTx, id: string) {
  const [row] = await db.select().from(unfinishedForms).where(eq(unfinishedForms.id, id));
  return row ?? null;
}

export async function countUnfinishedForms(db: DbOrTx, authorId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(unfinishedForms).where(eq(unfinishedForms.authorId, authorId));
  return Number(row?.n ?? 0);
}

/** Keeps a new form, or replaces the author's kept one (`existing`, already checked by the policy). */
export async function keepUnfinishedForm(
  db: Db,
  authorId: string,
  input: KeepUnfinishedFormInput,
  existing: { id: string } | null,
): Promise<{ id: string; updatedAt: Date }> {
  const values = { organizationId: input.organizationId, form: input.form, title: input.form.title.trim().slice(0, 500) };
  return db.transaction(async (tx) => {
    const [row] = existing
      ? await tx
          .update(unfinishedForms)
          .set({ ...values, updatedAt: sql`now()` })
          .where(eq(unfinishedForms.id, existing.id))
          .returning({ id: unfinishedForms.id, updatedAt: unfinishedForms.updatedAt })
      : await tx.insert(unfinishedForms).values({ ...values, authorId }).returning({ id: unfinishedForms.id, updatedAt: unfinishedForms.updatedAt });
    await recordAudit(tx, {
      actorId: authorId,
      action: existing ? 'unfinished_form.update' : 'unfinished_form.keep',
      organizationId: input.organizationId,
      subjectType: 'unfinished_form',
      subjectId: row!.id,
    });
    return row!;
  });
}

export async function deleteUnfinishedForm(db: Db, authorId: string, form: { id: string; organizationId: string }): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(unfinishedForms).where(eq(unfinishedForms.id, form.id));
    await recordAudit(tx, { actorId: authorId, action: 'unfinished_form.delete', organizationId: form.organizationId, subjectType: 'unfinished_form', subjectId: form.id });
  });
}

/**
 * In the transaction that saves the incident: the form it finishes is erased. Only the author's own,
 * and quietly if it is already gone (deleted from another tab): the incident's save never fails over it.
 */
export async function finishUnfinishedForm(tx: Tx, params: { id: string; authorId: string; incidentId: string; organizationId: string }): Promise<void> {
  const erased = await tx
    .delete(unfinishedForms)
    .where(and(eq(unfinishedForms.id, params.id), eq(unfinishedForms.authorId, params.authorId)))
    .returning({ id: unfinishedForms.id });
  if (erased.length === 0) return;
  await recordAudit(tx, {
    actorId: params.authorId,
    action: 'unfinished_form.finish',
    organizationId: params.organizationId,
    subjectType: 'unfinished_form',
    subjectId: params.id,
    details: { incidentId: params.incidentId },
  });
}
