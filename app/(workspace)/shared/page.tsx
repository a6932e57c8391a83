import type { Metadata } from 'next';
import Link from 'next/link';
import { formatIncidentDate } from '@/common/i18n';
import { getI18n } from '@/app/i18n/server';
import { linkClass } from '@/app/ui/styles';
import { requireViewer } from '../session';
import { DataTable } from '@/app/ui/data-table';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('sharing.sharedWithUsMeta') };
}

/** Incidents other organizations have shared with ours: read-only, with confidential names replaced. */
export default async function SharedWithUsPage() {
  const { caller } = await requireViewer();
  const { locale, t } = await getI18n();
  const shared = await caller.incident.sharedWithMe();
  const td = 'px-3 py-2 align-top';

  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-3xl font-semibold">{t('sharing.sharedWithUsHeading')}</h1>
        <p className="mt-2 max-w-3xl text-slate-700">{t('sharing.sharedWithUsIntro')}</p>
      </header>
      {shared.length === 0 ? (
        <p className="rounded-lg border border-slate-300 bg-white p-6">{t('sharing.sharedWithUsNone')}</p>
      ) : (
        <DataTable caption={t('sharing.sharedWithUsCaption')} columns={[t('list.col.title'), t('sharing.owner'), t('list.col.date')]}>
          {shared.map((row) => (
            <tr key={row.id}>
              <td className={td}>
                <Link href={`/incidents/${row.id}`} className={linkClass}>
                  {row.title}
                </Link>
              </td>
              <td className={td}>{row.ownerName}</td>
              <td className={td}>{formatIncidentDate(row.startDate, row.datePrecision, locale)}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}
