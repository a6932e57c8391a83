import { and, count, desc, eq, inArray, isNull, lt } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { incidents, notifications, users } from '@/db/schema';

export async function unreadNotificationCount(db: DbOrTx, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** A user's notifications, newest first, with the incident title and who acted. */
export function listNotifications(db: DbOrTx, userId: string, before: number | null, limit = 30) {
  return db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
      incidentId: notifications.incidentId,
      incidentTitle: incidents.title,
      actorName: users.name,
    })
    .from(notifications)
    .leftJoin(incidents, eq(incidents.id, notifications.incidentId))
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
