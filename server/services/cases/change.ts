import 'server-only';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { editableReviewStatuses, isEditableReviewStatus } from '@/common/values';
import type { Tx } from '@/db/client';
import { cases } from '@/db/schema';
import { recordAudit } from '../audit/record';
import { conflict, notFound } from '../../errors';
import { recordCaseVersion } from './history';
import { savedEditColumns } from '../records/saved-edit';


/**
 * Locks the case row for the rest of the transaction, so that changes to one case and its parts
 * queue up and each gets its own version. A case that was submitted or deleted since the caller's
 * policy check is refused: the person reloads and sees why.
 */
export async function lockEditableCase(tx: Tx, caseId: string) {
  const [row] = await tx
    .select({ id: cases.id, organizationId: cases.organizationId, reviewStatus: cases.reviewStatus, version: cases.version })
    .from(cases)
    .where(and(eq(cases.id, caseId), isNull(cases.deletedAt)))
    .for('update');
  if (!row) throw notFound('case');
  if (!isEditableReviewStatus(row.reviewStatus)) {
    // Submitted or approved since the policy check: the same refusal the policy gives, as a conflict (reload).
    throw conflict('case.frozen');
  }
  return row;
}

/**
 * Records a change to a locked case or one of its parts: the case gets a new version (a published
 * case becomes a draft again while the public keeps the published version), the history a snapshot,
 * the audit log a row. All in the caller's transaction. Nothing public changes here: the public case
 * is built from the published version's snapshot (server/services/publishing/public-case.ts), so a
 * linked or unlinked incident, a new legal event or intervention shows once the edit is published.
 */
export async function recordCaseChange(
  tx: Tx,
  params: { caseId: string; organizationId: string; actorId: string; action: string; details?: Record<string, unknown> },
): Promise<{ version: number }> {
  const [updated] = await tx
    .update(cases)
    // A retracted case that is changed becomes a draft too, to be reviewed and published again.
    .set(savedEditColumns(cases, params.actorId))
    .where(and(eq(cases.id, params.caseId), inArray(cases.reviewStatus, [...editableReviewStatuses])))
    .returning({ version: cases.version });
  if (!updated) throw new Error('A locked, editable case could not be updated');
  await recordCaseVersion(tx, { caseId: params.caseId, version: updated.version, savedBy: params.actorId, savedVia: 'workspace' });
  await recordAudit(tx, {
    actorId: params.actorId,
    action: params.action,
    organizationId: params.organizationId,
    subjectType: 'case',
    subjectId: params.caseId,
    details: { ...params.details, version: updated.version },
  });
  return updated;
}
