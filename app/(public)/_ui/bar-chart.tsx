import type { Translate } from '@/common/i18n';
import { CountTable } from './count-table';

export type Bar = { key: string; label: string; count: number; depth?: number };

/**
 * A horizontal bar chart in plain HTML: every bar carries its number in text (readable without
 * colour or sight of the bar), a table states the same figures, and a link downloads them as CSV.
 */
export function BarChart(props: {
  id: string;
  title: string;
  counts: string;
  bars: Bar[];
  csvHref: string;
  t: Translate;
  note?: string;
  /** The incident list behind a bar, when there is one: the charts click through to the matching incidents. */
  hrefFor?: (key: string) => string | null;
}) {
  const { id, title, counts, bars, csvHref, t, note, hrefFor } = props;
  // The bars are hidden from assistive technology (the table says the same), so their links leave the tab order; the table's links stay in it.
  const named = (bar: Bar, focusable: boolean) => {
    const href = hrefFor?.(bar.key);
    return href ? (
      <a href={href} className="text-blue-800 underline hover:text-blue-950" tabIndex={focusable ? undefined : -1}>
        {bar.label}
      </a>
    ) : (
      bar.label
    );
  };
  const max = Math.max(1, ...bars.map((bar) => bar.count));
  return (
    <section aria-labelledby={`${id}-heading`} className="rounded-lg border border-slate-300 bg-white p-4">
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        {title}
      </h2>
      <p className="mt-1 text-sm text-slate-700">{counts}</p>
      {note ? <p className="mt-1 text-sm text-slate-700">{note}</p> : null}
      {bars.length === 0 ? (
        <p className="mt-3 text-slate-700">{t('public.chart.empty')}</p>
      ) : (
        <ul className="mt-3 space-y-1" aria-hidden="true">
          {bars.map((bar) => (
            <li key={bar.key} className="grid grid-cols-[minmax(8rem,14rem)_1fr] items-center gap-2 text-sm">
              <span className="truncate" style={{ paddingLeft: `${(bar.depth ?? 0) * 1}rem` }} title={bar.label}>
                {named(bar, false)}
              </span>
              <span className="flex items-center gap-2">
                <span className="h-4 rounded-sm border border-slate-700 bg-blue-800" style={{ width: `${(bar.count / max) * 85}%`, minWidth: '2px' }} />
                <span className="tabular-nums">{bar.count}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
      <details className="mt-3">
        <summary className="cursor-pointer font-medium text-blue-800 underline">{t('public.chart.table')}</summary>
        <CountTable caption={title} heading={t('public.chart.value')} rows={bars.map((bar) => ({ ...bar, label: named(bar, true) }))} t={t} className="mt-2" />
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
