import type { Metadata } from 'next';
import Link from 'next/link';
import { formatMoment } from '@/common/i18n';
import { getI18n } from '@/app/i18n/server';
import { StatusBadge } from '@/app/ui/status-badge';
import { inputClass, labelClass, linkClass, primaryButtonClass, secondaryButtonClass } from '@/app/ui/styles';
import { DataTable } from '@/app/ui/data-table';
import { requireViewer } from '../session';
import { searchCases } from '../search-actions';
import { searchTextFor } from '../search-cookie';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('cases.meta.list') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? '';

export default async function CasesPage({ searchParams }: Props) {
  const { caller } = await requireViewer();
  const { locale, t } = await getI18n();
  const params = await searchParams;
  const { text } = await searchTextFor('cases', one(params.q));
  const status = one(params.status);
  const rows = await caller.case.list({ text: text || null, status: status === 'open' || status === 'closed' ? status : null, limit: 100 });

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-3xl font-semibold">{t('cases.list.heading')}</h1>
        <div className="flex flex-wrap gap-3">
          <Link href="/interventions/awaiting" className={secondaryButtonClass}>
            {t('interventions.awaiting.nav')}
          </Link>
          <Link href="/cases/new" className={primaryButtonClass}>
            {t('cases.list.new')}
          </Link>
        </div>
      </div>
      <p className="text-slate-700">{t('cases.list.intro')}</p>

      <form action={searchCases} className="flex flex-wrap items-end gap-4" role="search" aria-label={t('cases.list.filters')}>
        <div>
          <label htmlFor="cases-q" className={labelClass}>
            {t('cases.list.search')}
          </label>
          <input id="cases-q" name="q" type="search" defaultValue={text} className={`${inputClass} mt-1`} />
        </div>
        <div>
          <label htmlFor="cases-status" className={labelClass}>
            {t('cases.form.status')}
          </label>
          <select id="cases-status" name="status" defaultValue={status} className={`${inputClass} mt-1`}>
            <option value="">{t('cases.list.allStatuses')}</option>
            <option value="open">{t('cases.status.open')}</option>
            <option value="closed">{t('cases.status.closed')}</option>
          </select>
        </div>
        <button type="submit" className={secondaryButtonClass}>
          {t('cases.list.apply')}
        </button>
      </form>

      {rows.length === 0 ? (
        <div className="rounded-lg border border-slate-300 bg-white p-6">
          <p className="font-medium">{t('cases.list.empty')}</p>
          <p className="mt-1 text-slate-700">{t('cases.list.emptyHint')}</p>
        </div>
      ) : (
        <DataTable
          caption={t('cases.list.caption')}
          captionHidden
          columns={[t('cases.col.title'), t('cases.form.status'), t('cases.col.review'), { label: t('cases.col.incidents'), numeric: true }, { label: t('cases.col.awaiting'), numeric: true }, t('cases.col.updated')]}
        >
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row" className="px-3 py-2 text-left font-normal">
                <Link href={`/cases/${row.id}`} className={linkClass}>
                  {row.title}
                </Link>
              </th>
              <td className="px-3 py-2">{t(`cases.status.${row.status}`)}</td>
              <td className="px-3 py-2">
                <StatusBadge status={row.reviewStatus} t={t} />
              </td>
              <td className="px-3 py-2 text-right">{row.incidentCount}</td>
              <td className="px-3 py-2 text-right">{row.awaitingReplies}</td>
              <td className="px-3 py-2 text-sm">{formatMoment(row.updatedAt, locale)}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}
