'use client';

import { useI18n } from '@/app/i18n/client';
import { primaryButtonClass } from '@/app/ui/styles';
import { Panel } from '@/app/ui/panel';

/** The ten recovery codes, shown once, right after they are made. */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useI18n();
  return (
    <Panel id="recovery-codes-heading" heading={t('factor.codes.heading')} tone="notice" className="space-y-3 text-amber-950">
      <p className="text-amber-950">{t('factor.codes.intro')}</p>
      <ol aria-label={t('factor.codes.heading')} className="grid grid-cols-2 gap-2 font-mono text-lg">
        {codes.map((code) => (
          <li key={code} className="rounded bg-white px-2 py-1">
            {code}
          </li>
        ))}
      </ol>
      <button type="button" onClick={onDone} className={primaryButtonClass}>
        {t('factor.codes.done')}
      </button>
    </Panel>
  );
}
