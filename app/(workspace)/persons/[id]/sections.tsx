import Link from 'next/link';
import type { ReactNode } from 'react';
import { formatIncidentDateRange, formatMoment, type Locale, type Translate } from '@/common/i18n';
import { ColumnHeads } from '@/app/ui/data-table';
import { StatusBadge } from '@/app/ui/status-badge';
import { linkClass } from '@/app/ui/styles';
import type { PersonPageData } from './load';

const cellClass = 'px-3 py-2 align-top';
const headClass = 'px-3 py-2 text-left font-semibold';

/** A section's table on the person's page: no frame of its own (the section is one), caption for screen readers. */
function PlainTable({ caption, columns, children }: { caption: string; columns: string[]; children: ReactNode }) {
  return (
    <table className="w-full border-collapse text-left">
      <caption className="sr-only">{caption}</caption>
      <ColumnHeads columns={columns} className="border-b border-slate-300" cellClassName={headClass} />
      <tbody className="divide-y divide-slate-200">{children}</tbody>
    </table>
  );
}

export function IncidentTable({ incidents, locale, t }: { incidents: PersonPageData['incidents']; locale: Locale; t: Translate }) {
  if (incidents.length === 0) return <p className="text-slate-600">{t('persons.noIncidents')}</p>;
  return (
    <PlainTable caption={t('persons.incidentsCaption')} columns={[t('persons.date'), t('persons.title'), t('persons.status')]}>
      {incidents.map((incident) => (
        <tr key={incident.id}>
          <td className={`${cellClass} whitespace-nowrap`}>{formatIncidentDateRange(incident.startDate, incident.endDate, incident.datePrecision, locale)}</td>
          <th scope="row" className={`${cellClass} font-normal`}>
            <Link href={`/incidents/${incident.id}`} className={linkClass}>
              {incident.title}
            </Link>
          </th>
          <td className={cellClass}>
            <StatusBadge status={incident.status} t={t} />
          </td>
        </tr>
      ))}
    </PlainTable>
  );
}

export function CaseTable({ cases, t }: { cases: PersonPageData['cases']; t: Translate }) {
  if (cases.length === 0) return <p className="text-slate-600">{t('persons.noCases')}</p>;
  return (
    <PlainTable caption={t('persons.casesCaption')} columns={[t('persons.case'), t('persons.how'), t('persons.status')]}>
      {cases.map((item) => (
        <tr key={item.id}>
          <th scope="row" className={`${cellClass} font-normal`}>
            <Link href={`/cases/${item.id}`} className={linkClass}>
              {item.title}
            </Link>
          </th>
          <td className={cellClass}>
            {item.connections.map((connection) => t(`persons.connection.${connection}`)).join('; ')}
            {item.role ? <span className="block text-sm text-slate-600">{t('persons.role', { role: item.role })}</span> : null}
          </td>
          <td className={`${cellClass} space-x-2`}>
            <span className="inline-block rounded-full border border-slate-400 px-2.5 py-0.5 text-sm">{t(`persons.caseStatus.${item.status}`)}</span>
            <StatusBadge status={item.reviewStatus} t={t} />
          </td>
        </tr>
      ))}
    </PlainTable>
  );
}

export function MergeHistory({ merges, locale, t }: { merges: PersonPageData['merges']; locale: Locale; t: Translate }) {
  if (merges.length === 0) return <p className="text-slate-600">{t('persons.noMerges')}</p>;
  return (
    <ol className="space-y-4">
      {merges.map((merge) => (
        <li key={merge.id} className="border-l-4 border-slate-300 pl-3">
          <p>
            {t('persons.mergeEntry', {
              merged: merge.merged.name,
              ref: merge.merged.ref,
              by: merge.mergedBy?.name || '—',
              at: formatMoment(merge.mergedAt, locale),
            })}
          </p>
          <p className="text-sm text-slate-700">
            {t('persons.mergeMoved', { incidents: merge.moved.incidents.length, cases: merge.moved.cases.length, events: merge.moved.legalEvents.length })}
          </p>
          <details className="mt-2">
            <summary className="cursor-pointer font-medium text-blue-800 underline">{t('persons.mergeDetails')}</summary>
            <dl className="mt-2 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
              <dt className="font-medium text-slate-700">{t('persons.name')}</dt>
              <dd>
                {merge.merged.name}
                {merge.merged.confidential ? ` (${t('persons.confidential')})` : ''}
              </dd>
              <dt className="font-medium text-slate-700">{t('persons.categories')}</dt>
              <dd>{merge.merged.categories.join(', ') || t('persons.none')}</dd>
              <dt className="font-medium text-slate-700">{t('persons.affiliations')}</dt>
              <dd>{merge.merged.affiliations.map((a) => a.name).join(', ') || t('persons.none')}</dd>
              <dt className="font-medium text-slate-700">{t('persons.roleNote')}</dt>
              <dd>{merge.merged.roleNote || t('persons.none')}</dd>
              <dt className="font-medium text-slate-700">{t('persons.mergeIncidents')}</dt>
              <dd>
                {merge.moved.incidents.length === 0
                  ? t('persons.none')
                  : merge.moved.incidents.map((incident, index) => (
                      <span key={incident.id}>
                        {index > 0 ? ', ' : ''}
                        <Link href={`/incidents/${incident.id}/history`} className={linkClass}>
                          {incident.ref}
                        </Link>{' '}
                        (v{incident.fromVersion} → v{incident.toVersion})
                      </span>
                    ))}
              </dd>
            </dl>
          </details>
        </li>
      ))}
    </ol>
  );
}
