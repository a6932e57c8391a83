'use client';

import Link from 'next/link';
import { useState } from 'react';
import { useI18n } from '@/app/i18n/client';
import { useTRPCClient } from '@/app/trpc';
import { linkClass, secondaryButtonClass } from '@/app/ui/styles';
import { ActionAlert } from '../_actions/action-alert';
import { problemOf, type ActionProblem } from '../_actions/problem';

type Props = { kind: 'incident' | 'case'; id: string; title: string };

/** Restores one deleted incident or case; on success the button gives way to a link to the record. */
export function RestoreRecord({ kind, id, title }: Props) {
  const { t } = useI18n();
  const client = useTRPCClient();
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<ActionProblem | null>(null);
  const [restored, setRestored] = useState(false);

  async function restore() {
    setPending(true);
    setProblem(null);
    try {
      if (kind === 'incident') await client.incident.restore.mutate({ id });
      else await client.case.restore.mutate({ id });
      setRestored(true);
    } catch (error) {
      setProblem(problemOf(error, t));
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="space-y-2">
      <ActionAlert problem={problem} heading={t('deleted.notRestored')} />
      <div role="status">
        {restored ? (
          <p className="text-green-900">
            {t('deleted.restored')}{' '}
            <Link href={kind === 'incident' ? `/incidents/${id}` : `/cases/${id}`} className={linkClass}>
              {t('deleted.openRestored', { title })}
            </Link>
          </p>
        ) : null}
      </div>
      {restored ? null : (
        <button type="button" disabled={pending} onClick={() => void restore()} aria-label={t('deleted.restoreNamed', { title })} className={secondaryButtonClass}>
          {pending ? t('deleted.restoring') : t('deleted.restore')}
        </button>
      )}
    </div>
  );
}
