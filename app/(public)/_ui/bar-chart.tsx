import { ChartFrame, type ChartFrameProps } from './chart-frame';
import { CountTable } from './count-table';

export type Bar = { key: string; label: string; count: number; depth?: number };

/**
 * A horizontal bar chart in plain HTML: every bar carries its number in text (readable without
 * colour or sight of the bar), in a ChartFrame (its table and CSV link). For counts by category;
 * counts over time are a MonthChart.
 */
export function BarChart(
  props: ChartFrameProps & {
    bars: Bar[];
    /** The incident list behind a bar, when there is one: the charts click through to the matching incidents. */
    hrefFor?: (key: string) => string | null;
  },
) {
  const { bars, hrefFor, ...frame } = props;
  const { title, t } = frame;
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
    <ChartFrame
      {...frame}
      empty={bars.length === 0}
      picture={
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
      }
      table={<CountTable caption={title} heading={t('public.chart.value')} rows={bars.map((bar) => ({ ...bar, label: named(bar, true) }))} t={t} className="mt-2" />}
    />
  );
}
