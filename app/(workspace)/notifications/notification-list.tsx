'use client';

import { useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { listNotifications } from '@/server/services/review/notifications';
import { formatMoment } from '@/common/i18n';
import { useI18n } from '@/app/i18n/client';
import { useTRPC, useTRPCClient } from '@/app/trpc';
import { linkClass, secondaryButtonClass } from '@/app/ui/styles';
import { ItemEntry, ItemList } from '@/app/ui/item-list';
import { ActionAlert } from '../_actions/action-alert';
import { problemOf, type ActionProblem } from '../_actions/problem';

type Item = Awaited<ReturnType<typeof listNotifications>>[number];

/** The list with "mark as read", one by one or all; the header's unread count follows. */
export function NotificationList({ items, unread }: { items: Item[]; unread: number }) {
  const { locale, t } = useI18n();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<ActionProblem | null>(null);

  async function markRead(ids: number[] | null) {
    setPending(true);
    setProblem(null);
    try {
      await client.notification.markRead.mutate({ ids });
    } catch (error) {
      setProblem(problemOf(error, t));
    } finally {
      setPending(false);
      await queryClient.invalidateQueries(trpc.notification.unreadCount.queryFilter());
      router.refresh();
    }
  }

  if (items.length === 0) return <p className="rounded-lg border border-slate-300 bg-white p-6">{t('notifications.none')}</p>;

  return (
    <div className="space-y-4">
      <ActionAlert problem={problem} heading={t('notifications.notMarked')} />
      {unread > 0 ? (
        <button type="button" disabled={pending} onClick={() => void markRead(null)} className={secondaryButtonClass}>
          {t('notifications.markAllRead')}
        </button>
      ) : null}
      <ItemList>
        {items.map((item) => {
          const isUnread = item.readAt === null;
          const actor = item.actorName || t('notifications.someone');
          const what = item.aboutCase
            ? t(`notifications.caseKind.${item.kind}`, { actor, title: item.caseTitle ?? t('notifications.untitledCase') })
            : t(`notifications.kind.${item.kind}`, { actor, title: item.incidentTitle ?? t('notifications.untitled') });
          const createdAt = new Date(item.createdAt);
          return (
            <ItemEntry
              key={item.id}
              className={isUnread ? 'bg-blue-50' : undefined}
              titleClassName={isUnread ? 'font-semibold' : ''}
              title={
                <>
                  {isUnread ? <span className="sr-only">{t('notifications.unread')}: </span> : null}
                  {what}
                </>
              }
              details={
                <>
                  <time dateTime={createdAt.toISOString()}>{formatMoment(createdAt, locale)}</time>
                  {isUnread ? (
                    <span aria-hidden="true" className="ml-2 rounded-full border border-blue-700 px-2 text-xs font-semibold text-blue-900">
                      {t('notifications.unread')}
                    </span>
                  ) : null}
                </>
              }
            >
              <div className="flex flex-wrap items-center gap-3">
                {item.incidentId ? (
                  <Link
                    href={`/incidents/${item.incidentId}`}
                    aria-label={t('notifications.openNamed', { what })}
                    className={linkClass}
                    onClick={() => isUnread && void markRead([item.id])}
                  >
                    {t('notifications.open')}
                  </Link>
                ) : null}
                {item.caseId ? (
                  <Link
                    href={`/cases/${item.caseId}`}
                    aria-label={t('notifications.openCaseNamed', { what })}
                    className={linkClass}
                    onClick={() => isUnread && void markRead([item.id])}
                  >
                    {t('notifications.openCase')}
                  </Link>
                ) : null}
                {isUnread ? (
                  <button
                    type="button"
                    disabled={pending}
                    onClick={() => void markRead([item.id])}
                    aria-label={t('notifications.markReadNamed', { what })}
                    className="text-sm font-medium text-blue-800 underline hover:text-blue-950 disabled:opacity-60"
                  >
                    {t('notifications.markRead')}
                  </button>
                ) : null}
              </div>
            </ItemEntry>
          );
        })}
      </ItemList>
    </div>
  );
}
