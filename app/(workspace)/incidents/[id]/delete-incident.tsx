'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '@/app/i18n/client';
import { useTRPCClient } from '@/app/trpc';
import { secondaryButtonClass } from '@/app/ui/styles';
import { ActionAlert } from '../../_actions/action-alert';
import { problemOf, type ActionProblem } from '../../_actions/problem';

/**
 * The author deletes their own draft, after saying yes to a question that names it. Deleting is soft:
 * an administrator can restore it from the deleted list.
 */
export function DeleteIncident({ incidentId, version, title }: { incidentId: string; version: number; title: string }) {
  const { t } = useI18n();
  const client = useTRPCClient();
  const router = useRouter();
  const [asking, setAsking] = useState(false);
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<ActionProblem | null>(null);
  const questionRef = useRef<HTMLParagraphElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);
  // Set when the person says "keep it", so focus goes back to where they were; not after a failure (the alert takes it).
  const returnFocus = useRef(false);

  useEffect(() => {
    if (asking) questionRef.current?.focus();
    else if (returnFocus.current) openerRef.current?.focus();
    returnFocus.current = false;
  }, [asking]);

  async function confirm() {
    setPending(true);
    setProblem(null);
    try {
      await client.incident.delete.mutate({ id: incidentId, version });
      router.push('/incidents');
      router.refresh();
    } catch (error) {
      setProblem(problemOf(error, t));
      setAsking(false);
      setPending(false);
      router.refresh();
    }
  }

  function keep() {
    returnFocus.current = true;
    setAsking(false);
  }

  return (
    <div className="space-y-3">
      <ActionAlert problem={problem} heading={t('deleted.notDeleted')} />
      {asking ? (
        <div className="rounded-lg border border-red-700 bg-red-50 p-4" role="group" aria-labelledby="delete-question">
          <p id="delete-question" ref={questionRef} tabIndex={-1} className="font-semibold text-red-950">
            {t('deleted.confirmQuestion', { title })}
          </p>
          <p className="mt-1 text-red-950">{t('deleted.confirmExplain')}</p>
          <div className="mt-3 flex flex-wrap gap-3">
            <button
              type="button"
              disabled={pending}
              onClick={() => void confirm()}
              className="inline-flex items-center justify-center rounded-md border border-red-800 bg-red-800 px-4 py-2 font-medium text-white hover:bg-red-900 disabled:opacity-60"
            >
              {pending ? t('deleted.deleting') : t('deleted.confirmYes')}
            </button>
            <button type="button" disabled={pending} onClick={keep} className={secondaryButtonClass}>
              {t('deleted.confirmNo')}
            </button>
          </div>
        </div>
      ) : (
        <button ref={openerRef} type="button" onClick={() => setAsking(true)} className={secondaryButtonClass}>
          {t('deleted.deleteDraft')}
        </button>
      )}
    </div>
  );
}
