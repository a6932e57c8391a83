import type { Metadata } from 'next';
import Link from 'next/link';
import { formatMoment, type MessageKey } from '@/common/i18n';
import { getI18n } from '@/app/i18n/server';
import { linkClass } from '@/app/ui/styles';
import { CaseChangeTable } from '../../_parts/change-table';
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
                <CaseChangeTable changes={entry.changes} caption={t('cases.history.caption', { n: entry.version })} t={t} />
              )}
            </section>
          </li>
        ))}
      </ol>
    </div>
  );
}
