import 'server-only';
import { and, count, desc, eq, inArray, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { cases, incidents, notifications, users } from '@/db/schema';

export async function unreadNotificationCount(db: DbOrTx, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/**
 * A user's notifications, newest first, with the incident's or the case's title and who acted.
 * The title and the link come only for records the user may still open through their current
 * memberships: someone who left an organization, or lost a role in it, keeps the notice ("an
 * incident was published") but reads no title of it, not even the one it has now.
 */
export function listNotifications(db: DbOrTx, userId: string, organizationIds: string[], before: number | null, limit = 30) {
  const stillMember = (organizationId: typeof incidents.organizationId | typeof cases.organizationId) =>
    organizationIds.length ? inArray(organizationId, organizationIds) : sql`false`;
  return db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
      // From the joins, which leave out deleted records: their notifications read "an incident" or
      // "a case", with no title and no link. `aboutCase` keeps the wording right either way.
      incidentId: incidents.id,
      incidentTitle: incidents.title,
      aboutCase: isNotNull(notifications.caseId),
      caseId: cases.id,
      caseTitle: cases.title,
      actorName: users.name,
    })
    .from(notifications)
    .leftJoin(incidents, and(eq(incidents.id, notifications.incidentId), isNull(incidents.deletedAt), stillMember(incidents.organizationId)))
    .leftJoin(cases, and(eq(cases.id, notifications.caseId), isNull(cases.deletedAt), stillMember(cases.organizationId)))
    .leftJoin(users, eq(users.id, notifications.actorId))
    .where(and(eq(notifications.userId, userId), before ? lt(notifications.id, before) : undefined))
    .orderBy(desc(notifications.id))
    .limit(limit);
}

/** Marks the given notifications (or all) of this user as read; other users' ids are ignored. */
export async function markNotificationsRead(db: DbOrTx, userId: string, ids: number[] | null): Promise<void> {
  await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt), ids ? inArray(notifications.id, ids) : undefined));
}
