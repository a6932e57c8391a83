import 'server-only';
import { and, asc, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { caseInterventions, cases } from '@/db/schema';

/**
 * Interventions that asked for a reply that has not come, across the given organizations' cases:
 * earliest due first, so the overdue ones (due before `today`) lead the list.
 */
export async function listAwaitingReply(db: DbOrTx, organizationIds: string[], today: string) {
  if (!organizationIds.length) return [];
  const rows = await db
    .select({
      id: caseInterventions.id,
      version: caseInterventions.version,
      kind: caseInterventions.kind,
      date: caseInterventions.date,
      datePrecision: caseInterventions.datePrecision,
      by: caseInterventions.by,
      referenceCode: caseInterventions.referenceCode,
      replyDueOn: caseInterventions.replyDueOn,
      caseId: cases.id,
      caseTitle: cases.title,
    })
    .from(caseInterventions)
    .innerJoin(cases, eq(cases.id, caseInterventions.caseId))
    .where(
      and(
        inArray(cases.organizationId, organizationIds),
        isNull(cases.deletedAt),
        isNotNull(caseInterventions.replyDueOn),
        isNull(caseInterventions.replyReceivedOn),
        isNull(caseInterventions.deletedAt),
      ),
    )
    .orderBy(asc(caseInterventions.replyDueOn), asc(caseInterventions.id))
    .limit(500);
  return rows.map((row) => {
    const due = row.replyDueOn as string;
    const daysOverdue = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${due}T00:00:00Z`)) / 86_400_000);
    return { ...row, replyDueOn: due, overdue: due < today, daysOverdue: Math.max(0, daysOverdue) };
  });
}
