import type { Metadata } from 'next';
import Link from 'next/link';
import { getI18n } from '@/app/i18n/server';
import { formatDayCount } from '@/common/i18n';
import { linkClass } from '@/app/ui/styles';
import { dayOf, interventionKindLabel, whenOf } from '../../cases/_parts/labels';
import { requireViewer } from '../../session';
import { RecordReply } from './record-reply';
import { BackLink } from '@/app/ui/back-link';
import { DataTable } from '@/app/ui/data-table';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('interventions.awaiting.meta') };
}

/** Interventions that asked for a reply that has not come: overdue first, then by due date. */
export default async function AwaitingRepliesPage() {
  const { caller } = await requireViewer();
  const { locale, t } = await getI18n();
  const rows = await caller.case.awaitingReply();
  return (
    <div className="space-y-6">
      <BackLink href="/cases">{t('cases.page.back')}</BackLink>
      <h1 className="text-3xl font-semibold">{t('interventions.awaiting.heading')}</h1>
      <p className="text-slate-700">{t('interventions.awaiting.intro')}</p>
      {rows.length === 0 ? (
        <p className="rounded-lg border border-slate-300 bg-white p-6">{t('interventions.awaiting.empty')}</p>
      ) : (
        <DataTable
          caption={t('interventions.awaiting.caption')}
          captionHidden
          columns={[t('interventions.awaiting.due'), t('interventions.awaiting.intervention'), t('interventions.awaiting.case'), t('interventions.awaiting.reply')]}
        >
          {rows.map((row) => (
            <tr key={row.id} data-overdue={row.overdue} className="align-top">
              <td className="px-3 py-2">
                <time dateTime={row.replyDueOn}>{dayOf(row.replyDueOn, locale)}</time>
                {row.overdue ? (
                  <span className="mt-1 block text-sm font-semibold text-red-800">{t('interventions.overdueBy', { days: formatDayCount(row.daysOverdue, locale) })}</span>
                ) : null}
              </td>
              <td className="px-3 py-2">
                <span className="font-medium">{interventionKindLabel(row.kind, t)}</span>
                {row.referenceCode ? <span className="ml-2 font-mono text-sm">{row.referenceCode}</span> : null}
                <span className="block text-sm text-slate-700">
                  {whenOf(row, locale, t)}
                  {row.by ? ` · ${row.by}` : ''}
                </span>
              </td>
              <td className="px-3 py-2">
                <Link href={`/cases/${row.caseId}`} className={linkClass}>
                  {row.caseTitle}
                </Link>
              </td>
              <td className="px-3 py-2">
                <RecordReply id={row.id} version={row.version} label={`${interventionKindLabel(row.kind, t)} ${row.referenceCode ?? ''}`.trim()} />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}
