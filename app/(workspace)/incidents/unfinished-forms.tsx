'use client';

import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { formatMoment } from '@/common/i18n';
import { useI18n } from '@/app/i18n/client';
import { useTRPC } from '@/app/trpc';
import { linkClass } from '@/app/ui/styles';
import { Panel } from '@/app/ui/panel';
import { ActionAlert, ActionStatus } from '../_actions/action-alert';
import { problemOf, type ActionProblem } from '../_actions/problem';

type Form = { id: string; title: string; updatedAt: Date };

/**
 * "Unfinished forms": the new incidents the viewer kept on the server before they were complete
 * (incidents/_form/keep-unfinished.tsx), theirs alone, each to continue or delete.
 */
export function UnfinishedForms({ forms }: { forms: Form[] }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const remove = useMutation(trpc.unfinishedForm.delete.mutationOptions());
  const [done, setDone] = useState<string | null>(null);
  const [problem, setProblem] = useState<ActionProblem | null>(null);
  if (forms.length === 0 && !done) return null;

  function onDelete(form: Form, title: string) {
    if (!window.confirm(t('unfinished.deleteQuestion'))) return;
    setDone(null);
    setProblem(null);
    remove.mutate(
      { id: form.id },
      {
        onSuccess: () => setDone(t('unfinished.deleted', { title })),
        onError: (error) => setProblem(problemOf(error, t)),
        onSettled: () => router.refresh(),
      },
    );
  }

  return (
    <Panel id="unfinished-heading" heading={t('unfinished.heading')} tone="notice" className="mt-6">
      <p className="text-sm text-slate-800">{t('unfinished.intro')}</p>
      <div className="mt-2 space-y-2">
        <ActionAlert problem={problem} heading={t('unfinished.heading')} />
        <ActionStatus message={done} />
      </div>
      <ul className="mt-2 space-y-2">
        {forms.map((form) => {
          const title = form.title || t('unfinished.untitled');
          return (
            <li key={form.id} className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
              <span className="font-medium">{title}</span>
              <span className="text-sm text-slate-700">{t('unfinished.keptAt', { at: formatMoment(new Date(form.updatedAt), locale) })}</span>
              <Link href={`/incidents/new?unfinished=${form.id}`} className={linkClass} aria-label={t('unfinished.continueNamed', { title })}>
                {t('unfinished.continue')}
              </Link>
              <button type="button" disabled={remove.isPending} onClick={() => onDelete(form, title)} className="font-medium text-red-800 underline" aria-label={t('unfinished.deleteNamed', { title })}>
                {t('unfinished.delete')}
              </button>
            </li>
          );
        })}
      </ul>
    </Panel>
  );
}
