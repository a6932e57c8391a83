'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, useRef } from 'react';
import { useI18n } from '@/app/i18n/client';
import { useTRPC } from '@/app/trpc';

/**
 * The header's link to the notifications with the unread count. The header stays mounted while
 * people move between pages, so the count is asked again on each page change and every minute.
 */
export function NotificationsLink({ className }: { className: string }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const pathname = usePathname();
  const { data: unread = 0, refetch } = useQuery({ ...trpc.notification.unreadCount.queryOptions(), staleTime: 0, refetchInterval: 60_000 });

  const shownOn = useRef(pathname);
  useEffect(() => {
    if (shownOn.current === pathname) return; // the first fetch is the query's own
    shownOn.current = pathname;
    void refetch();
  }, [pathname, refetch]);

  const label = unread > 0 ? t('notifications.navUnread', { n: unread }) : t('notifications.nav');
  return (
    <Link href="/notifications" aria-label={label} className={className}>
      {t('notifications.nav')}
      {/* The space keeps the visible words ("Notifications 2") inside the accessible name. */}
      {unread > 0 ? ' ' : null}
      {unread > 0 ? (
        <span aria-hidden="true" className="inline-block min-w-6 rounded-full bg-amber-400 px-1.5 text-center text-sm font-semibold text-slate-950 no-underline">
          {unread}
        </span>
      ) : null}
    </Link>
  );
}
