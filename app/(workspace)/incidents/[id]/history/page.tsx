import type { Metadata } from 'next';
import Link from 'next/link';
import { reviewStatusEnum, type ReviewStatus } from '@/db/schema';
import type { FieldChange } from '@/server/services/incidents/diff';
import { formatMoment, type Translate } from '@/app/i18n';
import { getI18n } from '@/app/i18n/server';
import { linkClass } from '@/app/ui/styles';
import { termLabeller } from '@/app/ui/vocabulary';
import { requireViewer } from '../../../session';
import { loadIncident, loadIncidentHistory } from '../load';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('meta.history') };
}

const isStatus = (value: string): value is ReviewStatus => (reviewStatusEnum.enumValues as readonly string[]).includes(value);

type Labels = { violation: (code: string) => string; perpetrator: (code: string) => string };

/** "court: Shymkent City Court; police" with each leading code shown as its label. */
function labelPerpetrators(value: string, label: (code: string) => string): string {
  return value
    .split('; ')
    .map((part) => {
      const [code = '', ...name] = part.split(': ');
      return /^[a-z][a-z0-9_]*$/.test(code) ? [label(code), ...name].join(': ') : part;
    })
    .join('; ');
}

/**
 * The history describes values in words made on the server; where those words are vocabulary
 * codes (status, violation types, perpetrator types) they are shown with their labels here.
 */
function describeValue(change: FieldChange, value: string | null, labels: Labels, t: Translate) {
  if (value == null || value === '') return <span className="text-slate-500">{t('history.empty')}</span>;
  if (change.field === 'status' && isStatus(value)) return t(`status.${value}`);
  if (change.field === 'violationTypes') return value.split(', ').map(labels.violation).join(', ');
  if (change.field === 'perpetrators') return labelPerpetrators(value, labels.perpetrator);
  return <span className="whitespace-pre-wrap">{value}</span>;
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
  const labels: Labels = {
    violation: termLabeller(terms, 'violation_type', locale),
    perpetrator: termLabeller(terms, 'perpetrator_type', locale),
  };
  const cell = 'px-3 py-2 align-top';

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
                <dd>{entry.savedVia === 'import' ? t('via.import') : t('via.workspace')}</dd>
              </dl>
              {entry.changes.length === 0 ? (
                <p className="mt-4 text-slate-600">{t('history.noChanges')}</p>
              ) : (
                <div className="mt-4 overflow-x-auto">
                  <table className="min-w-full divide-y divide-slate-200 border border-slate-200 text-sm">
                    <caption className="sr-only">{t('history.changes', { n: entry.version })}</caption>
                    <thead className="bg-slate-100 text-left">
                      <tr>
                        <th scope="col" className={cell}>
                          {t('history.field')}
                        </th>
                        <th scope="col" className={cell}>
                          {t('history.before')}
                        </th>
                        <th scope="col" className={cell}>
                          {t('history.after')}
                        </th>
                      </tr>
                    </thead>
                    <tbody className="divide-y divide-slate-200">
                      {entry.changes.map((change) => (
                        <tr key={change.field}>
                          <th scope="row" className={`${cell} text-left font-medium`}>
                            {t(`field.${change.field}`)}
                          </th>
                          <td className={`${cell} text-slate-700`}>{describeValue(change, change.before, labels, t)}</td>
                          <td className={cell}>{describeValue(change, change.after, labels, t)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </section>
          </li>
        ))}
      </ol>
    </div>
  );
}
