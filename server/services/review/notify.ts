import 'server-only';
import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { memberships, notifications } from '@/db/schema';
import type { subjectColumns } from './subject';

type Kind = (typeof notifications.$inferInsert)['kind'];

/** What a notice is about: one incident or one case (the table checks it is exactly one). */
type Subject = ReturnType<typeof subjectColumns>;

/** Notifies the given users, never the person who acted. */
export async function notifyUsers(
  tx: Tx,
  params: { userIds: (string | null)[]; kind: Kind; actorId: string } & Subject,
): Promise<void> {
  const recipients = [...new Set(params.userIds.filter((id): id is string => !!id && id !== params.actorId))];
  if (!recipients.length) return;
  const subject = { incidentId: params.incidentId ?? null, caseId: params.caseId ?? null };
  await tx.insert(notifications).values(recipients.map((userId) => ({ userId, kind: params.kind, ...subject, actorId: params.actorId })));
}

/** Reviewers and admins of the organization, who hear of new submissions. */
export async function reviewersOf(tx: Tx, organizationId: string, except: string): Promise<string[]> {
  const rows = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(
      and(eq(memberships.organizationId, organizationId), inArray(memberships.role, ['reviewer', 'admin']), ne(memberships.userId, except)),
    );
  return rows.map((row) => row.userId);
}
