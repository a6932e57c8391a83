import Link from 'next/link';
import type { listIncidents } from '@/server/services/incidents/list';
import { formatIncidentDateRange, type Locale, type Translate } from '@/common/i18n';
import { Snippet } from '@/app/ui/snippet';
import { StatusBadge } from '@/app/ui/status-badge';
import { linkClass } from '@/app/ui/styles';

/** One row of `incident.list`. */
export type IncidentRow = Awaited<ReturnType<typeof listIncidents>>['items'][number];

type Props = {
  rows: IncidentRow[];
  caption: string;
  violationLabel: (code: string) => string;
  locale: Locale;
  t: Translate;
  /** The form of the bulk actions: each row gets a checkbox that belongs to it (./bulk-actions.tsx). */
  selectFor?: string;
};

export function placeOf(row: { locality: string | null; region: string | null; country: string }): string {
  return [row.locality, row.region, row.country].filter(Boolean).join(', ');
}

/** One page of incidents; the title links to the incident. */
export function IncidentTable({ rows, caption, violationLabel, locale, t, selectFor }: Props) {
  const th = 'px-3 py-2 text-left text-sm font-semibold text-slate-700';
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-300 bg-white">
      <table className="cards min-w-full divide-y divide-slate-200">
        <caption className="px-3 py-2 text-left text-sm text-slate-600">{caption}</caption>
        <thead className="bg-slate-100">
          <tr>
            {selectFor ? (
              <th scope="col" className={th}>
                <span className="sr-only">{t('bulk.selectColumn')}</span>
              </th>
            ) : null}
            <th scope="col" className={th}>
              {t('list.col.title')}
            </th>
            <th scope="col" className={th}>
              {t('list.col.date')}
            </th>
            <th scope="col" className={th}>
              {t('list.col.place')}
            </th>
            <th scope="col" className={th}>
              {t('list.col.violationTypes')}
            </th>
            <th scope="col" className={th}>
              {t('list.col.status')}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {rows.map((row) => (
            <tr key={row.id} className="align-top">
              {selectFor ? (
                <td className="px-3 py-3">
                  <input type="checkbox" form={selectFor} name="item" value={`${row.id}:${row.version}`} className="h-5 w-5" aria-label={t('bulk.select', { title: row.title })} />
                </td>
              ) : null}
              <th scope="row" className="max-w-md px-3 py-3 text-left font-normal">
                <Link href={`/incidents/${row.id}`} className={linkClass}>
                  {row.title}
                </Link>
                <Snippet segments={row.snippet} />
              </th>
              <td className="whitespace-nowrap px-3 py-3">{formatIncidentDateRange(row.startDate, row.endDate, row.datePrecision, locale)}</td>
              <td className="px-3 py-3">{placeOf(row)}</td>
              <td className="px-3 py-3 text-sm">{row.violationTypes.map(violationLabel).join(', ')}</td>
              <td className="px-3 py-3">
                <StatusBadge status={row.status} t={t} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
