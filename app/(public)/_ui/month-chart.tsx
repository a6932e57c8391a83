import { formatIncidentDate, monthNames, type Locale } from '@/common/i18n';
import { ChartFrame, type ChartFrameProps } from './chart-frame';

type Month = { key: string; year: number; month: number; count: number };

/** Every month from the first counted to the last (0 for a month without incidents), oldest first. */
function monthSeries(counts: { key: string | null; count: number }[]): Month[] {
  const byKey = new Map(counts.flatMap((c) => (c.key && /^\d{4}-\d{2}$/.test(c.key) ? [[c.key, c.count] as const] : [])));
  const keys = [...byKey.keys()].sort();
  if (keys.length === 0) return [];
  const [firstYear, firstMonth] = keys[0]!.split('-').map(Number) as [number, number];
  const [lastYear, lastMonth] = keys.at(-1)!.split('-').map(Number) as [number, number];
  const series: Month[] = [];
  for (let year = firstYear, month = firstMonth; year < lastYear || (year === lastYear && month <= lastMonth); month === 12 ? ((year += 1), (month = 1)) : (month += 1)) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    series.push({ key, year, month, count: byKey.get(key) ?? 0 });
  }
  return series;
}

// The picture's own units (it scales to the card's width): the columns stand on the baseline, the years are written under it.
const width = 600;
const top = 18;
const baseline = 126;
const height = 148;
/** The room a year's label needs, so that on a long period only every second or fifth year is written. */
const labelRoom = 40;

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * Incidents per month as columns along time, and the same figures as a table of years by months.
 * A bar per month, one under the other as the other charts draw, made this chart some 300 rows tall
 * on a long archive (and 160 KB of the page, sent again in its payload); columns show the whole
 * period in one picture, and the table, a row per year, reads it month by month.
 */
export function MonthChart(props: ChartFrameProps & { months: { key: string | null; count: number }[]; locale: Locale }) {
  const { months, locale, ...frame } = props;
  const { id, title, t } = frame;
  const series = monthSeries(months);
  const max = Math.max(1, ...series.map((m) => m.count));
  const step = width / Math.max(1, series.length);
  const column = step > 2 ? step * 0.8 : step;
  const years = [...new Set(series.map((m) => m.year))];
  const byKey = new Map(series.map((m) => [m.key, m.count]));
  const short = monthNames(locale, 'short');
  const long = monthNames(locale, 'long');

  let lastLabel = -Infinity;
  const yearLabels = series.flatMap((m, i) => {
    const x = i * step;
    if ((m.month !== 1 && i !== 0) || x < lastLabel + labelRoom || x + labelRoom - 6 > width) return [];
    lastLabel = x;
    return [{ year: m.year, x: round(x) }];
  });

  return (
    <ChartFrame
      {...frame}
      empty={series.length === 0}
      picture={
        <svg viewBox={`0 0 ${width} ${height}`} className="mt-3 h-auto w-full" aria-hidden="true" data-testid={`${id}-columns`}>
          <line x1="0" x2={width} y1={top} y2={top} className="stroke-slate-300" strokeDasharray="4 3" />
          <text x="0" y={top - 5} fontSize="12" className="fill-slate-700">
            {max}
          </text>
          <g className="fill-blue-800">
            {series.map((m, i) => {
              if (m.count === 0) return null;
              const tall = round(Math.max(1, (m.count / max) * (baseline - top)));
              return (
                <rect key={m.key} x={round(i * step + (step - column) / 2)} width={round(column)} y={round(baseline - tall)} height={tall}>
                  <title>{`${formatIncidentDate(`${m.key}-01`, 'month', locale)}: ${m.count}`}</title>
                </rect>
              );
            })}
          </g>
          <line x1="0" x2={width} y1={baseline} y2={baseline} className="stroke-slate-700" />
          <g fontSize="13" className="fill-slate-800">
            {yearLabels.map((label) => (
              <text key={label.year} x={label.x} y={height - 4}>
                {label.year}
              </text>
            ))}
          </g>
        </svg>
      }
      table={
        // Thirteen columns do not fit a phone: the table scrolls sideways in its own region, which takes focus to be scrolled by keyboard.
        <div className="mt-2 overflow-x-auto" role="region" aria-label={title} tabIndex={0}>
          <table className="w-full text-right text-sm tabular-nums [&_td]:px-1 [&_td]:py-1">
            <caption className="sr-only">{title}</caption>
            <thead>
              <tr>
                <th scope="col" className="py-1 pr-2 text-left">
                  {t('public.chart.yearColumn')}
                </th>
                {long.map((name, i) => (
                  <th key={name} scope="col" className="px-1 py-1">
                    <span aria-hidden="true">{short[i]}</span>
                    <span className="sr-only">{name}</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {years.map((year) => (
                <tr key={year} className="border-t border-slate-200">
                  <th scope="row" className="py-1 pr-2 text-left font-normal">
                    {year}
                  </th>
                  {short.map((_, i) => (
                    // A month outside the period counted stays empty; one inside it without incidents reads 0. (The cells' padding is the table's: 300 cells.)
                    <td key={i}>
                      {byKey.get(`${year}-${String(i + 1).padStart(2, '0')}`)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      }
    />
  );
}
