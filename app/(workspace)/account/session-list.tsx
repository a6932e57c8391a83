'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { AppRouter } from '@/server/routers';
import type { inferRouterOutputs } from '@trpc/server';
import { formatMoment } from '@/common/i18n';
import { useI18n } from '@/app/i18n/client';
import { useTRPCClient } from '@/app/trpc';
import { dangerLinkButtonClass, secondaryButtonClass } from '@/app/ui/styles';
import { ItemEntry, ItemList } from '@/app/ui/item-list';
import { ActionAlert } from '../_actions/action-alert';
import { problemOf, type ActionProblem } from '../_actions/problem';

type Session = inferRouterOutputs<AppRouter>['session']['list'][number];

/** Each signed-in device with "sign out this device"; "sign out everywhere" ends them all, this one too. */
export function SessionList({ sessions }: { sessions: Session[] }) {
  const { locale, t } = useI18n();
  const client = useTRPCClient();
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<ActionProblem | null>(null);

  async function run(action: () => Promise<{ signedOut: boolean }>) {
    setPending(true);
    setProblem(null);
    try {
      const { signedOut } = await action();
      // This browser's own session is over: a full load, so nothing of the workspace stays on screen.
      if (signedOut) window.location.assign('/sign-in');
      else router.refresh();
    } catch (error) {
      setProblem(problemOf(error, t));
    } finally {
      setPending(false);
    }
  }

  const endOne = (id: string) => run(async () => ({ signedOut: (await client.session.end.mutate({ sessionId: id })).endedCurrent }));
  const endAll = () => run(async () => (await client.session.endAll.mutate(), { signedOut: true }));

  return (
    <div className="space-y-4">
      <ActionAlert problem={problem} heading={t('account.sessions.notEnded')} />
      <ItemList>
        {sessions.map((session) => (
          <ItemEntry
            key={session.id}
            title={
              <>
                {session.deviceLabel}
                {session.current ? <span className="ml-2 rounded-full border border-green-700 px-2 text-xs font-semibold text-green-900">{t('account.sessions.thisDevice')}</span> : null}
              </>
            }
            details={t('account.sessions.details', {
              address: session.coarseAddress ?? t('account.sessions.unknownAddress'),
              since: formatMoment(new Date(session.createdAt), locale),
              seen: formatMoment(new Date(session.lastSeenAt), locale),
            })}
          >
            <button type="button" disabled={pending} onClick={() => void endOne(session.id)} className={dangerLinkButtonClass} aria-label={t('account.sessions.endNamed', { device: session.deviceLabel })}>
              {t('account.sessions.end')}
            </button>
          </ItemEntry>
        ))}
      </ItemList>
      <button type="button" disabled={pending} onClick={() => void endAll()} className={secondaryButtonClass}>
        {t('account.sessions.endAll')}
      </button>
    </div>
  );
}
