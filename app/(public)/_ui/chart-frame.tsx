import type { ReactNode } from 'react';
import type { Translate } from '@/common/i18n';

/**
 * What every dashboard chart has around its picture: a heading, what it counts, the same figures as a
 * table (behind "Show as a table") and a link that downloads them as CSV. The picture is hidden from
 * assistive technology by each chart: the table says the same.
 */
export type ChartFrameProps = {
  id: string;
  title: string;
  /** What the chart counts, and how. */
  counts: string;
  note?: string;
  csvHref: string;
  t: Translate;
};

export function ChartFrame(
  props: ChartFrameProps & {
    /** No figure to draw: the frame says so instead of the picture. */
    empty: boolean;
    picture: ReactNode;
    table: ReactNode;
  },
) {
  const { id, title, counts, note, empty, picture, table, csvHref, t } = props;
  return (
    <section aria-labelledby={`${id}-heading`} className="rounded-lg border border-slate-300 bg-white p-4">
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        {title}
      </h2>
      <p className="mt-1 text-sm text-slate-700">{counts}</p>
      {note ? <p className="mt-1 text-sm text-slate-700">{note}</p> : null}
      {empty ? <p className="mt-3 text-slate-700">{t('public.chart.empty')}</p> : picture}
      <details className="mt-3">
        <summary className="cursor-pointer font-medium text-blue-800 underline">{t('public.chart.table')}</summary>
        {table}
      </details>
      <p className="mt-2 text-sm">
        <a href={csvHref} className="font-medium text-blue-800 underline hover:text-blue-950" download>
          {/* The chart's title in the link's name: six links on the page, each to different figures. */}
          <span className="sr-only">{`${title}: `}</span>
          {t('public.chart.countsCsv')}
        </a>
      </p>
    </section>
  );
}
