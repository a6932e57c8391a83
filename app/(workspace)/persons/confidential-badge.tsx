import type { Translate } from '@/common/i18n';

/** Marks a confidential person wherever their name is shown in the workspace: the word, not only a colour. */
export function ConfidentialBadge({ t }: { t: Translate }) {
  return (
    <span className="whitespace-nowrap rounded border border-amber-600 bg-amber-50 px-1.5 py-0.5 text-xs font-semibold uppercase tracking-wide text-amber-900">
      {t('persons.confidential')}
    </span>
  );
}
