import type { Metadata } from 'next';
import Link from 'next/link';
import { formatMoment } from '@/app/i18n';
import { getI18n } from '@/app/i18n/server';
import { linkClass } from '@/app/ui/styles';
import { termLabeller } from '@/app/ui/vocabulary';
import { ChangeTable, type ChangeLabels } from '../incidents/change-table';
import { requireViewer } from '../session';
import { QueuedCaseEntry } from './case-entry';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('review.queueMeta') };
}

/**
 * What waits for a reviewer: submitted incidents and cases, each the longest-waiting first, each
 * with what changed since the version that was last approved or published. Deciding happens on the
 * incident's or the case's page.
 */
export default async function ReviewQueuePage() {
  const { caller, viewer } = await requireViewer();
  const { locale, t } = await getI18n();
  const [queue, caseQueue, terms] = await Promise.all([caller.review.queue(), caller.review.caseQueue(), caller.vocabulary.all()]);
  const labels: ChangeLabels = {
    violation: termLabeller(terms, 'violation_type', locale),
    perpetrator: termLabeller(terms, 'perpetrator_type', locale),
  };
  const organizationName = new Map(viewer.memberships.map((m) => [m.organizationId, m.organizationName]));
  const severalOrganizations = viewer.memberships.length > 1;

  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-3xl font-semibold">{t('review.queueHeading')}</h1>
        <p className="mt-2 max-w-3xl text-slate-700">{t('review.queueIntro')}</p>
      </header>

      {queue.length === 0 && caseQueue.length === 0 ? (
        <p className="rounded-lg border border-slate-300 bg-white p-6">{t('review.queueEmpty')}</p>
      ) : (
        <>
          <section aria-labelledby="queue-incidents" className="space-y-4">
            <h2 id="queue-incidents" className="text-2xl font-semibold">
              {t('review.queueIncidentsHeading', { n: queue.length })}
            </h2>
            {queue.length === 0 ? (
              <p className="rounded-lg border border-slate-300 bg-white p-6">{t('review.queueNoIncidents')}</p>
            ) : (
              <ol className="space-y-6" aria-label={t('review.queueListLabel', { n: queue.length })}>
                {queue.map((entry) => (
                  <li key={entry.id}>
                    <section aria-labelledby={`queued-${entry.id}`} className="rounded-lg border border-slate-300 bg-white p-4 sm:p-6">
                      <h3 id={`queued-${entry.id}`} className="text-xl font-semibold">
                        <Link href={`/incidents/${entry.id}`} className={linkClass}>
                          {entry.title}
                        </Link>
                      </h3>
                      <dl className="mt-3 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
                        <dt className="font-medium text-slate-700">{t('review.queueAuthor')}</dt>
                        <dd>{entry.authorName || t('incident.unknownUser')}</dd>
                        <dt className="font-medium text-slate-700">{t('review.queueSubmittedAt')}</dt>
                        <dd>
                          {entry.submittedAt ? (
                            <time dateTime={new Date(entry.submittedAt).toISOString()}>{formatMoment(new Date(entry.submittedAt), locale)}</time>
                          ) : (
                            t('review.queueUnknownTime')
                          )}
                        </dd>
                        <dt className="font-medium text-slate-700">{t('incident.version')}</dt>
                        <dd>{entry.version}</dd>
                        {severalOrganizations ? (
                          <>
                            <dt className="font-medium text-slate-700">{t('review.queueOrganization')}</dt>
                            <dd>{organizationName.get(entry.organizationId) ?? ''}</dd>
                          </>
                        ) : null}
                      </dl>
                      <h4 className="mt-4 font-semibold">
                        {entry.comparedWith != null ? t('review.comparedWith', { n: entry.comparedWith }) : t('review.comparedWithNothing')}
                      </h4>
                      {entry.changes.length === 0 ? (
                        <p className="mt-2 text-slate-600">{t('review.noChanges')}</p>
                      ) : (
                        <div className="mt-2">
                          <ChangeTable changes={entry.changes} caption={t('review.changesOf', { title: entry.title })} labels={labels} t={t} />
                        </div>
                      )}
                      <p className="mt-4">
                        <Link href={`/incidents/${entry.id}`} aria-label={t('review.openToDecideNamed', { title: entry.title })} className={linkClass}>
                          {t('review.openToDecide')}
                        </Link>
                      </p>
                    </section>
                  </li>
                ))}
              </ol>
            )}
          </section>
          <section aria-labelledby="queue-cases" className="space-y-4">
            <h2 id="queue-cases" className="text-2xl font-semibold">
              {t('review.queueCasesHeading', { n: caseQueue.length })}
            </h2>
            {caseQueue.length === 0 ? (
              <p className="rounded-lg border border-slate-300 bg-white p-6">{t('review.queueNoCases')}</p>
            ) : (
              <ol className="space-y-6" aria-label={t('review.caseQueueListLabel', { n: caseQueue.length })}>
                {caseQueue.map((entry) => (
                  <li key={entry.id}>
                    <QueuedCaseEntry
                      entry={entry}
                      organizationName={severalOrganizations ? (organizationName.get(entry.organizationId) ?? '') : null}
                      locale={locale}
                      t={t}
                    />
                  </li>
                ))}
              </ol>
            )}
          </section>
        </>
      )}
    </div>
  );
}
