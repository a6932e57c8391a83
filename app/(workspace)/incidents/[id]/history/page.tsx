import type { Metadata } from 'next';
import Link from 'next/link';
import { formatMoment } from '@/common/i18n';
import type { MessageKey } from '@/common/i18n/en';
import { getI18n } from '@/app/i18n/server';
import { linkClass } from '@/app/ui/styles';
import { termLabeller } from '@/app/ui/vocabulary';
import { requireViewer } from '../../../session';
import { ChangeTable, type ChangeLabels } from '../../change-table';
import { loadIncident, loadIncidentHistory } from '../load';

const viaKey: Record<string, MessageKey> = { workspace: 'via.workspace', import: 'via.import', review: 'via.review', merge: 'via.merge' };

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('meta.history') };
}

export default async function IncidentHistoryPage({ params }: Props) {
  const { id } = await params;
  const [incident, history, { caller }, { locale, t }] = await Promise.all([
    loadIncident(id),
    loadIncidentHistory(id),
    requireViewer(),
    getI18n(),
  ]);
  const terms = await caller.vocabulary.all();
  const labels: ChangeLabels = {
    violation: termLabeller(terms, 'violation_type', locale),
    perpetrator: termLabeller(terms, 'perpetrator_type', locale),
  };

  return (
    <div className="space-y-6">
      <header>
        <p className="text-sm">
          <Link href={`/incidents/${incident.id}`} className={linkClass}>
            {t('incident.backToIncident')}
          </Link>
        </p>
        <h1 className="mt-3 text-3xl font-semibold">
          {t('history.heading')}: {incident.title}
        </h1>
        <p className="mt-2 text-slate-700">{t('history.intro')}</p>
      </header>

      <ol className="space-y-6">
        {history.map((entry) => (
          <li key={entry.version}>
            <section aria-labelledby={`version-${entry.version}`} className="rounded-lg border border-slate-300 bg-white p-4 sm:p-6">
              <h2 id={`version-${entry.version}`} className="text-xl font-semibold">
                {t('history.version', { n: entry.version })}
              </h2>
              <dl className="mt-3 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
                <dt className="font-medium text-slate-700">{t('history.savedBy')}</dt>
                <dd>{entry.savedBy?.name || t('incident.unknownUser')}</dd>
                <dt className="font-medium text-slate-700">{t('history.savedAt')}</dt>
                <dd>
                  <time dateTime={entry.savedAt.toISOString()}>{formatMoment(entry.savedAt, locale)}</time>
                </dd>
                <dt className="font-medium text-slate-700">{t('history.via')}</dt>
                <dd>{t(viaKey[entry.savedVia] ?? 'via.workspace')}</dd>
              </dl>
              {entry.changes.length === 0 ? (
                <p className="mt-4 text-slate-600">{t('history.noChanges')}</p>
              ) : (
                <div className="mt-4">
                  <ChangeTable changes={entry.changes} caption={t('history.changes', { n: entry.version })} labels={labels} t={t} />
                </div>
              )}
            </section>
          </li>
        ))}
      </ol>
    </div>
  );
}
