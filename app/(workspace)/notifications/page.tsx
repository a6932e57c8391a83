import type { Metadata } from 'next';
import Link from 'next/link';
import { getI18n } from '@/app/i18n/server';
import { linkClass } from '@/app/ui/styles';
import { requireViewer } from '../session';
import { NotificationList } from './notification-list';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('notifications.meta') };
}

const pageSize = 30;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The signed-in person's notifications, newest first, thirty at a time. */
export default async function NotificationsPage({ searchParams }: Props) {
  const { caller } = await requireViewer();
  const { t } = await getI18n();
  const raw = (await searchParams).before;
  const before = typeof raw === 'string' && /^\d{1,15}$/.test(raw) ? Number(raw) : null;
  const [items, unread] = await Promise.all([caller.notification.list({ before }), caller.notification.unreadCount()]);
  const last = items.at(-1);

  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-3xl font-semibold">{t('notifications.heading')}</h1>
        <p className="mt-2 text-slate-700">{t('notifications.unreadSummary', { n: unread })}</p>
      </header>
      <NotificationList items={items} unread={unread} />
      <nav aria-label={t('notifications.pages')} className="flex flex-wrap gap-4">
        {before !== null ? (
          <Link href="/notifications" className={linkClass}>
            {t('notifications.newest')}
          </Link>
        ) : null}
        {items.length === pageSize && last ? (
          <Link href={`/notifications?before=${last.id}`} className={linkClass}>
            {t('notifications.older')}
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
