import type { Metadata } from 'next';
import Link from 'next/link';
import { formatMoment, type MessageKey } from '@/app/i18n';
import { getI18n } from '@/app/i18n/server';
import { linkClass } from '@/app/ui/styles';
import { loadCase, loadCaseHistory } from '../load';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('cases.meta.history') };
}

const viaKey: Record<string, MessageKey> = { workspace: 'via.workspace', import: 'via.import', review: 'cases.history.viaReview', merge: 'via.merge' };

export default async function CaseHistoryPage({ params }: Props) {
  const { id } = await params;
  const [record, history, { locale, t }] = await Promise.all([loadCase(id), loadCaseHistory(id), getI18n()]);
  const show = (field: string, value: string | null) => {
    if (value === null || value === '') return <span className="text-slate-500">{t('cases.history.nothing')}</span>;
    if (field === 'status' && (value === 'open' || value === 'closed')) return t(`cases.status.${value}`);
    if (field === 'reviewStatus') return t(`status.${value}` as MessageKey);
    return <span className="whitespace-pre-wrap">{value}</span>;
  };
  const isList = (field: string) => field === 'persons' || field === 'incidents' || field === 'legalEvents' || field === 'interventions';

  return (
    <div className="space-y-6">
      <header>
        <p className="text-sm">
          <Link href={`/cases/${record.id}`} className={linkClass}>
            {t('cases.page.backToCase')}
          </Link>
        </p>
        <h1 className="mt-3 text-3xl font-semibold">
          {t('cases.meta.history')}: {record.title}
        </h1>
        <p className="mt-2 text-slate-700">{t('cases.history.intro')}</p>
      </header>
      <ol className="space-y-6">
        {history.map((entry) => (
          <li key={entry.version}>
            <section aria-labelledby={`version-${entry.version}`} className="rounded-lg border border-slate-300 bg-white p-4 sm:p-6">
              <h2 id={`version-${entry.version}`} className="text-xl font-semibold">
                {t('cases.page.version', { n: entry.version })}
              </h2>
              <p className="mt-1 text-sm text-slate-700">
                {t('cases.page.changed', { name: entry.savedBy?.name ?? t('incident.unknownUser'), at: formatMoment(entry.savedAt, locale) })} ·{' '}
                {t(viaKey[entry.savedVia] ?? 'via.workspace')}
              </p>
              {entry.changes.length === 0 ? (
                <p className="mt-3 text-slate-600">{t('cases.history.noChanges')}</p>
              ) : (
                <table className="mt-3 w-full text-left text-sm">
                  <caption className="sr-only">{t('cases.history.caption', { n: entry.version })}</caption>
                  <thead>
                    <tr className="border-b border-slate-300">
                      <th scope="col" className="py-1 pr-3">{t('cases.history.field')}</th>
                      <th scope="col" className="py-1 pr-3">{t('cases.history.before')}</th>
                      <th scope="col" className="py-1">{t('cases.history.after')}</th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-200 align-top">
                    {entry.changes.map((change) => (
                      <tr key={change.field}>
                        <th scope="row" className="py-1 pr-3 font-medium">
                          {t(`cases.history.field.${change.field}`)}
                          {isList(change.field) ? <span className="block font-normal text-slate-600">{t('cases.history.listNote')}</span> : null}
                        </th>
                        <td className="py-1 pr-3">{show(change.field, change.before)}</td>
                        <td className="py-1">{show(change.field, change.after)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </section>
          </li>
        ))}
      </ol>
    </div>
  );
}
