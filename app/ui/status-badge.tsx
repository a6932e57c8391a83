import type { ReviewStatus } from '@/db/schema';
import type { Translate } from '@/common/i18n';

const tones: Record<ReviewStatus, string> = {
  draft: 'border-slate-400 bg-slate-100 text-slate-800',
  submitted: 'border-blue-300 bg-blue-50 text-blue-900',
  changes_requested: 'border-amber-400 bg-amber-50 text-amber-900',
  approved: 'border-green-400 bg-green-50 text-green-900',
  published: 'border-teal-500 bg-teal-50 text-teal-900',
  archived: 'border-slate-300 bg-white text-slate-600',
};

/** The review status as a labelled pill: the word carries the meaning, the colour only helps. */
export function StatusBadge({ status, t }: { status: ReviewStatus; t: Translate }) {
  return (
    <span className={`inline-block whitespace-nowrap rounded-full border px-2.5 py-0.5 text-sm font-medium ${tones[status]}`}>
      {t(`status.${status}`)}
    </span>
  );
}
