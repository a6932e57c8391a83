'use client';

import Link from 'next/link';
import type { listIncidents } from '@/server/services/incidents/list';
import { formatIncidentDateRange } from '@/common/i18n';
import { useI18n } from '@/app/i18n/client';
import { placeLine } from '@/common/regions';
import { Snippet } from '@/app/ui/snippet';
import { StatusBadge } from '@/app/ui/status-badge';
import { linkClass } from '@/app/ui/styles';
import { DataTable } from '@/app/ui/data-table';

/** One row of `incident.list`. */
export type IncidentRow = Awaited<ReturnType<typeof listIncidents>>['items'][number];

type Props = {
  rows: IncidentRow[];
  caption: string;
  /** The label of each violation code on this page. */
  violationLabels: Record<string, string>;
  /** The form of the bulk actions: each row gets a checkbox that belongs to it (./bulk-actions.tsx). */
  selectFor?: string;
};

/** One page of incidents; the title links to the incident. */
export function IncidentTable({ rows, caption, violationLabels, selectFor }: Props) {
  const { t, locale } = useI18n();
  return (
    <DataTable caption={caption} columns={[selectFor ? <span className="sr-only">{t('bulk.selectColumn')}</span> : null, t('list.col.title'), t('list.col.date'), t('list.col.place'), t('list.col.violationTypes'), t('list.col.status')]}>
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
          <td className="px-3 py-3">{placeLine(row, locale)}</td>
          <td className="px-3 py-3 text-sm">{row.violationTypes.map((code) => violationLabels[code] ?? code).join(', ')}</td>
          <td className="px-3 py-3">
            <StatusBadge status={row.status} t={t} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
