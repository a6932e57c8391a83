import type { Metadata } from 'next';
import type { listDeleted } from '@/server/services/records/deletion';
import { formatMoment, type Locale, type Translate } from '@/common/i18n';
import { getI18n } from '@/app/i18n/server';
import { StatusBadge } from '@/app/ui/status-badge';
import { requireViewer } from '../session';
import { DeletedFiles } from './deleted-files';
import { RestoreRecord } from './restore-record';
import { DataTable } from '@/app/ui/data-table';
import { PageSection } from '@/app/ui/page-section';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('deleted.meta') };
}

type Row = Awaited<ReturnType<typeof listDeleted>>[number];

/** Administrators see the deleted incidents and cases of their organizations and bring them back. */
export default async function DeletedRecordsPage() {
  const { caller } = await requireViewer();
  const { locale, t } = await getI18n();
  const [incidents, cases] = await Promise.all([caller.incident.deleted(), caller.case.deleted()]);

  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-3xl font-semibold">{t('deleted.heading')}</h1>
        <p className="mt-2 max-w-3xl text-slate-700">{t('deleted.intro')}</p>
      </header>
      <PageSection id="deleted-incidents" heading={t('deleted.incidentsHeading')}>
        <DeletedTable kind="incident" rows={incidents} caption={t('deleted.caption')} none={t('deleted.none')} locale={locale} t={t} />
      </PageSection>
      <PageSection id="deleted-cases" heading={t('deleted.casesHeading')}>
        <DeletedTable kind="case" rows={cases} caption={t('deleted.casesCaption')} none={t('deleted.casesNone')} locale={locale} t={t} />
      </PageSection>
      <DeletedFiles />
    </div>
  );
}

function DeletedTable({ kind, rows, caption, none, locale, t }: { kind: 'incident' | 'case'; rows: Row[]; caption: string; none: string; locale: Locale; t: Translate }) {
  const td = 'px-3 py-2 align-top';
  if (rows.length === 0) return <p className="rounded-lg border border-slate-300 bg-white p-6">{none}</p>;
  return (
    <DataTable caption={caption} columns={[t('list.col.title'), t('list.col.status'), t('deleted.when'), t('deleted.by'), <span className="sr-only">{t('deleted.actions')}</span>]}>
      {rows.map((row) => (
        <tr key={row.id}>
          <th scope="row" className={`${td} text-left font-medium`}>
            {row.title}
          </th>
          <td className={td}>
            <StatusBadge status={row.reviewStatus} t={t} />
          </td>
          <td className={td}>{row.deletedAt ? formatMoment(row.deletedAt, locale) : ''}</td>
          <td className={td}>{row.deletedByName || t('incident.unknownUser')}</td>
          <td className={td}>
            <RestoreRecord kind={kind} id={row.id} title={row.title} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
