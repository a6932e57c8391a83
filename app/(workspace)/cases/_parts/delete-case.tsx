'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useI18n } from '@/app/i18n/client';
import { useTRPCClient } from '@/app/trpc';
import { dangerLinkButtonClass, secondaryButtonClass } from '@/app/ui/styles';
import { ActionAlert } from '../../_actions/action-alert';
import { problemOf, type ActionProblem } from '../../_actions/problem';

/** Deletes a draft case after a confirmation; the case stays in the database with its history. */
export function DeleteCase({ caseId, version, title }: { caseId: string; version: number; title: string }) {
  const { t } = useI18n();
  const client = useTRPCClient();
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<ActionProblem | null>(null);

  async function remove() {
    try {
      await client.case.delete.mutate({ id: caseId, version });
      router.push('/cases');
      router.refresh();
    } catch (error) {
      setProblem(problemOf(error, t));
    }
  }

  if (!confirming) {
    return (
      <button type="button" className={dangerLinkButtonClass} onClick={() => setConfirming(true)}>
        {t('cases.delete.button')}
      </button>
    );
  }
  return (
    <div role="group" aria-label={t('cases.delete.button')} className="space-y-2 rounded-lg border border-red-300 bg-red-50 p-3">
      <p>{t('cases.delete.confirm', { title })}</p>
      <ActionAlert problem={problem} heading={t('cases.delete.notDone')} />
      <div className="flex gap-3">
        <button type="button" className={`${secondaryButtonClass} border-red-700 text-red-800`} onClick={() => void remove()}>
          {t('cases.delete.yes')}
        </button>
        <button type="button" className={secondaryButtonClass} onClick={() => setConfirming(false)}>
          {t('cases.form.cancel')}
        </button>
      </div>
    </div>
  );
}
