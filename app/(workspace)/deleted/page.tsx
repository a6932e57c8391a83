import type { Metadata } from 'next';
import { formatMoment } from '@/app/i18n';
import { getI18n } from '@/app/i18n/server';
import { StatusBadge } from '@/app/ui/status-badge';
import { requireViewer } from '../session';
import { RestoreIncident } from './restore-incident';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('deleted.meta') };
}

/** Administrators see the deleted incidents of their organizations and bring them back. */
export default async function DeletedIncidentsPage() {
  const { caller } = await requireViewer();
  const { locale, t } = await getI18n();
  const deleted = await caller.incident.deleted();
  const th = 'px-3 py-2 text-left text-sm font-semibold text-slate-700';
  const td = 'px-3 py-2 align-top';

  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-3xl font-semibold">{t('deleted.heading')}</h1>
        <p className="mt-2 max-w-3xl text-slate-700">{t('deleted.intro')}</p>
      </header>
      {deleted.length === 0 ? (
        <p className="rounded-lg border border-slate-300 bg-white p-6">{t('deleted.none')}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-300 bg-white">
          <table className="min-w-full divide-y divide-slate-200">
            <caption className="px-3 py-2 text-left text-sm text-slate-600">{t('deleted.caption')}</caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className={th}>
                  {t('list.col.title')}
                </th>
                <th scope="col" className={th}>
                  {t('list.col.status')}
                </th>
                <th scope="col" className={th}>
                  {t('deleted.when')}
                </th>
                <th scope="col" className={th}>
                  {t('deleted.by')}
                </th>
                <th scope="col" className={th}>
                  <span className="sr-only">{t('deleted.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {deleted.map((row) => (
                <tr key={row.id}>
                  <th scope="row" className={`${td} text-left font-medium`}>
                    {row.title}
                  </th>
                  <td className={td}>
                    <StatusBadge status={row.status} t={t} />
                  </td>
                  <td className={td}>{row.deletedAt ? formatMoment(row.deletedAt, locale) : ''}</td>
                  <td className={td}>{row.deletedByName || t('incident.unknownUser')}</td>
                  <td className={td}>
                    <RestoreIncident incidentId={row.id} title={row.title} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
