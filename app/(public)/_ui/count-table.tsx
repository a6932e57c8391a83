import type { ReactNode } from 'react';
import type { Translate } from '@/common/i18n';

export type CountRow = { key: string; label: ReactNode; count: number; depth?: number };

/**
 * The dashboard's figures as a table (the charts and the map state them in text too): a value and
 * how many incidents have it, a narrower term indented under its broader one.
 */
export function CountTable({ caption, heading, rows, t, className = '' }: { caption: string; heading: string; rows: CountRow[]; t: Translate; className?: string }) {
  return (
    <table className={`${className} w-full text-left text-sm`.trim()}>
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>
          <th scope="col" className="py-1 pr-4">
            {heading}
          </th>
          <th scope="col" className="py-1 text-right">
            {t('public.chart.incidents')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} className="border-t border-slate-200">
            <th scope="row" className="py-1 pr-4 font-normal" style={row.depth ? { paddingLeft: `${row.depth * 1}rem` } : undefined}>
              {row.label}
            </th>
            <td className="py-1 text-right tabular-nums">{row.count}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
