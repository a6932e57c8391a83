import type { Metadata } from 'next';
import { getI18n } from '@/app/i18n/server';
import { termLabeller } from '@/app/ui/vocabulary';
import { caseWording } from '../cases/_parts/change-table';
import { incidentWording } from '../incidents/change-table';
import { requireViewer } from '../session';
import { ChangeTable } from './change-table';
import { QueuedEntry } from './queued-entry';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('review.queueMeta') };
}

/**
 * What waits for a reviewer: submitted incidents and cases, each the longest-waiting first, each
 * with what changed since the version that was last approved, published or returned for changes, changed
 * words marked. Deciding happens on the
 * incident's or the case's page.
 */
export default async function ReviewQueuePage() {
  const { caller, viewer } = await requireViewer();
  const { locale, t } = await getI18n();
  const [queue, caseQueue, terms] = await Promise.all([caller.review.queue(), caller.review.caseQueue(), caller.vocabulary.all()]);
  const wording = {
    incident: incidentWording({ violation: termLabeller(terms, 'violation_type', locale), perpetrator: termLabeller(terms, 'perpetrator_type', locale) }, locale, t),
    case: caseWording(locale, t),
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
                    <QueuedEntry
                      entry={{ ...entry, changeCount: entry.changes.length }}
                      kind="incident"
                      href={`/incidents/${entry.id}`}
                      organizationName={severalOrganizations ? (organizationName.get(entry.organizationId) ?? '') : null}
                      changes={<ChangeTable changes={entry.changes} caption={t('review.changesOf', { title: entry.title })} wording={wording.incident} t={t} />}
                      locale={locale}
                      t={t}
                    />
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
                    <QueuedEntry
                      entry={{ ...entry, changeCount: entry.changes.length }}
                      kind="case"
                      href={`/cases/${entry.id}`}
                      organizationName={severalOrganizations ? (organizationName.get(entry.organizationId) ?? '') : null}
                      changes={<ChangeTable changes={entry.changes} caption={t('review.changesOf', { title: entry.title })} wording={wording.case} t={t} />}
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
