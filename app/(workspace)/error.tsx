'use client';

import { useI18n } from '@/app/i18n/client';
import { secondaryButtonClass } from '@/app/ui/styles';

/** Shown when a workspace page fails unexpectedly; the details stay in the server log. */
export default function WorkspaceError({ reset }: { error: Error; reset: () => void }) {
  const { t } = useI18n();
  return (
    <div className="max-w-2xl py-8">
      <h1 className="text-2xl font-semibold">{t('error.heading')}</h1>
      <p className="mt-4 text-slate-700">{t('error.body')}</p>
      <button type="button" onClick={reset} className={`${secondaryButtonClass} mt-6`}>
        {t('error.retry')}
      </button>
    </div>
  );
}
