'use client';

import { useI18n } from '@/app/i18n/client';
import { formatMoment } from '@/common/i18n';
import { secondaryButtonClass } from '@/app/ui/styles';

type Props = { offer: { savedAt: number } | null; onRestore: () => void; onDiscard: () => void };

/** "Unsaved typing from 7 Dec 2026, 14:05 UTC was kept: restore it?" at the top of a form. */
export function DraftOffer({ offer, onRestore, onDiscard }: Props) {
  const { t, locale } = useI18n();
  return (
    // A live region, not role="status": the form's own status line stays the one a test or a screen reader finds.
    <div aria-live="polite">
      {offer ? (
        <div className="rounded-lg border border-amber-700 bg-amber-50 p-4 text-amber-950">
          <p>{t('draft.offer', { when: formatMoment(new Date(offer.savedAt), locale) })}</p>
          <div className="mt-3 flex flex-wrap gap-3">
            <button type="button" className={secondaryButtonClass} onClick={onRestore}>
              {t('draft.restore')}
            </button>
            <button type="button" className={secondaryButtonClass} onClick={onDiscard}>
              {t('draft.discard')}
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
