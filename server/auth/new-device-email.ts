import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { rowsOf } from '@/db/rows';
import { accountNotices, users } from '@/db/schema';

/** One email about one sign-in from a new device: which device and network, when; nothing of any record. */
export type NewDeviceEmail = { to: string; name: string; device: string; network: string | null; at: Date };

/**
 * Emails each new-device notice of the last day once, to the account's owner (the in-app notice
 * stays as it is). Claimed before sending (FOR UPDATE SKIP LOCKED), so two senders never send one
 * twice; a failed send gives it back for the next run. Called by `npm run notify:email`.
 */
export async function emailNewDeviceNotices(db: Db, send: (email: NewDeviceEmail) => Promise<void>, options: { maxAgeHours?: number } = {}) {
  const claimed = rowsOf<{ id: string; user_id: string; device_label: string; coarse_address: string | null; created_at: Date }>(
    await db.execute(sql`
      UPDATE ${accountNotices} SET emailed_at = now()
      WHERE id IN (
        SELECT n.id FROM ${accountNotices} n JOIN ${users} u ON u.id = n.user_id
        WHERE n.emailed_at IS NULL AND u.active AND n.created_at > now() - make_interval(hours => ${options.maxAgeHours ?? 24})
        ORDER BY n.created_at
        FOR UPDATE OF n SKIP LOCKED
      )
      RETURNING id, user_id, device_label, coarse_address, created_at`),
  );
  let sent = 0;
  let failed = 0;
  for (const notice of claimed) {
    const [owner] = await db.select({ email: users.email, name: users.name }).from(users).where(eq(users.id, notice.user_id));
    try {
      await send({ to: owner!.email, name: owner!.name, device: notice.device_label, network: notice.coarse_address, at: new Date(notice.created_at) });
      sent += 1;
    } catch {
      failed += 1;
      await db.update(accountNotices).set({ emailedAt: null }).where(eq(accountNotices.id, notice.id));
    }
  }
  return { sent, failed };
}
