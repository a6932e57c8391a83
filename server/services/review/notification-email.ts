import 'server-only';
import { inArray, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { rowsOf } from '@/db/rows';
import { notifications, users } from '@/db/schema';

/** One email to one person: how many new notices wait for them in the app. */
export type NoticeEmail = { to: string; name: string; notices: number };

/** Sends one email; throws when it could not be handed over (the notices are then offered again next time). */
export type SendEmail = (email: NoticeEmail) => Promise<void>;

/**
 * Emails each active person with unread notices of the last day that no email has mentioned yet:
 * one email per person, saying how many there are, with no title, name or text of any record
 * (an email leaves the platform, and a title may name someone at risk; the app shows the rest to
 * whoever signs in). Notices are claimed before sending (FOR UPDATE SKIP LOCKED), so two senders
 * running at once never email the same notice; a failed send gives them back.
 */
export async function emailNewNotices(db: Db, send: SendEmail, options: { maxAgeHours?: number } = {}) {
  const maxAgeHours = options.maxAgeHours ?? 24;
  const claimed = rowsOf<{ id: number; user_id: string }>(
    await db.execute(sql`
      UPDATE ${notifications} SET emailed_at = now()
      WHERE id IN (
        SELECT n.id FROM ${notifications} n JOIN ${users} u ON u.id = n.user_id
        WHERE n.emailed_at IS NULL AND n.read_at IS NULL AND u.active
          AND n.created_at > now() - make_interval(hours => ${maxAgeHours})
        ORDER BY n.id
        FOR UPDATE OF n SKIP LOCKED
      )
      RETURNING id, user_id`),
  );
  const byUser = new Map<string, number[]>();
  for (const row of claimed) byUser.set(row.user_id, [...(byUser.get(row.user_id) ?? []), Number(row.id)]);
  if (byUser.size === 0) return { sent: 0, failed: 0, notices: 0 };

  const recipients = await db.select({ id: users.id, email: users.email, name: users.name }).from(users).where(inArray(users.id, [...byUser.keys()]));
  let sent = 0;
  let failed = 0;
  for (const recipient of recipients) {
    const ids = byUser.get(recipient.id)!;
    try {
      await send({ to: recipient.email, name: recipient.name, notices: ids.length });
      sent += 1;
    } catch {
      failed += 1;
      await db.update(notifications).set({ emailedAt: null }).where(inArray(notifications.id, ids));
    }
  }
  return { sent, failed, notices: claimed.length };
}
