'use client';

import Link from 'next/link';
import { useState } from 'react';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/routers';
import { formatMoment } from '@/common/i18n';
import { useI18n } from '@/app/i18n/client';
import { useTRPCClient } from '@/app/trpc';
import { linkClass, secondaryButtonClass } from '@/app/ui/styles';

type Notice = inferRouterOutputs<AppRouter>['session']['notices'][number];

/** At the top of every workspace page until dismissed: a sign-in from a new device, with a way to end it. */
export function NewDeviceNotices({ notices }: { notices: Notice[] }) {
  const { locale, t } = useI18n();
  const client = useTRPCClient();
  const [dismissed, setDismissed] = useState<string[]>([]);
  const shown = notices.filter((notice) => !dismissed.includes(notice.id));
  if (shown.length === 0) return null;
  return (
    <section aria-label={t('account.notice.label')} className="mb-6 space-y-2">
      {shown.map((notice) => (
        <div key={notice.id} className="flex flex-wrap items-center gap-3 rounded-md border border-amber-700 bg-amber-50 p-3 text-amber-950">
          <p className="min-w-0 flex-1">
            {t('account.notice.newDevice', { device: notice.deviceLabel, address: notice.coarseAddress ?? t('account.sessions.unknownAddress'), when: formatMoment(new Date(notice.createdAt), locale) })}{' '}
            <Link href="/account" className={linkClass}>
              {t('account.notice.review')}
            </Link>
          </p>
          <button
            type="button"
            className={secondaryButtonClass}
            onClick={() => {
              setDismissed((ids) => [...ids, notice.id]);
              void client.session.dismissNotice.mutate({ noticeId: notice.id }).catch(() => setDismissed((ids) => ids.filter((id) => id !== notice.id)));
            }}
          >
            {t('account.notice.dismiss')}
          </button>
        </div>
      ))}
    </section>
  );
}
