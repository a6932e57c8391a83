import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { formatIncidentDate, type Locale, type Translate } from '@/common/i18n';
import { en, type MessageKey } from '@/common/i18n/en';
import { getI18n } from '@/app/i18n/server';
import { getPublicCase, type TimelineEntry } from '@/server/public/cases';
import { SourceCitation } from '@/app/(public)/_ui/source-citation';
import { PublicAttachments } from '@/app/(public)/_ui/public-attachments';
import { PublishedBy, RecordOverview, RecordSection, SourceList } from '@/app/(public)/_ui/public-record';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  // Generic on purpose, as for incidents: page titles end up in browser histories.
  return { title: t('public.meta.case') };
}

/** A kind's label when the workspace has one (interventions' kinds are free text in the exchange format). */
function kindLabel(t: Translate, prefix: 'cases.legal.kind.' | 'interventions.kind.', kind: string): string {
  const key = `${prefix}${kind}`;
  return key in en ? t(key as MessageKey) : kind;
}

/** The date only as precise as it is known: "May 2017", never "1 May 2017". */
function when(entry: TimelineEntry, t: Translate, locale: Locale): string {
  return entry.date ? formatIncidentDate(entry.date, entry.datePrecision, locale) : t('public.case.dateUnknown');
}

function Step({ entry, t }: { entry: TimelineEntry; t: Translate }) {
  const detail = 'text-sm text-slate-800';
  if (entry.kind === 'incident') {
    return (
      <p className="font-medium">
        {t('public.case.incident')}:{' '}
        <Link href={`/public/incidents/${entry.incident.id}`} className="text-blue-800 underline hover:text-blue-950">
          {entry.incident.title}
        </Link>
      </p>
    );
  }
  if (entry.kind === 'legal_event') {
    const event = entry.legalEvent;
    const provisions = event.provisions.map((p) => [p.code, p.article, p.title].filter(Boolean).join(', ')).join('; ');
    return (
      <>
        <p className="font-medium">
          {t('public.case.legalEvent')}: {kindLabel(t, 'cases.legal.kind.', event.kind)}
        </p>
        {event.person ? <p className={detail}>{t('public.case.person', { name: event.person })}</p> : null}
        {event.court ? <p className={detail}>{t('public.case.court', { court: event.court })}</p> : null}
        {event.summary ? <p className={`${detail} whitespace-pre-line`}>{event.summary}</p> : null}
        {event.outcome ? <p className={detail}>{t('public.case.outcome', { outcome: event.outcome })}</p> : null}
        {provisions ? <p className={detail}>{t('public.case.provisions', { provisions })}</p> : null}
      </>
    );
  }
  const intervention = entry.intervention;
  return (
    <>
      <p className="font-medium">
        {t('public.case.intervention')}: {kindLabel(t, 'interventions.kind.', intervention.kind)}
      </p>
      {intervention.by ? <p className={detail}>{t('public.case.by', { by: intervention.by })}</p> : null}
      {intervention.referenceCode ? <p className={detail}>{t('public.incident.reference', { code: intervention.referenceCode })}</p> : null}
      {intervention.summary ? <p className={`${detail} whitespace-pre-line`}>{intervention.summary}</p> : null}
      {intervention.source ? (
        <p className={detail}>
          {t('public.case.source')} <SourceCitation source={intervention.source} referenceLabel={(code) => t('public.incident.reference', { code })} />
        </p>
      ) : null}
    </>
  );
}

/** One published case: the people concerned (protected ones by label), its timeline, and the sources it rests on. */
export default async function PublicCasePage({ params }: { params: Promise<{ id: string }> }) {
  const { t, locale } = await getI18n();
  const found = await getPublicCase((await params).id);
  if (!found) notFound();
  return (
    <article className="space-y-4">
      <RecordOverview back="/public/cases" backLabel={t('public.case.back')} title={found.title} summary={found.summary}>
        <dt className="font-medium">{t('public.case.status')}</dt>
        <dd>{t(found.status === 'open' ? 'public.cases.status.open' : 'public.cases.status.closed')}</dd>
        <dt className="font-medium">{t('public.case.persons')}</dt>
        <dd>
          {found.persons.length === 0 ? (
            t('public.incident.none')
          ) : (
            <ul>
              {found.persons.map((person, index) => (
                <li key={index}>
                  {person.name}
                  {person.role ? `, ${person.role}` : ''}
                  {person.protected ? <span className="text-slate-700"> ({t('public.incident.protected')})</span> : null}
                </li>
              ))}
            </ul>
          )}
        </dd>
      </RecordOverview>
      <RecordSection id="timeline" heading={t('public.case.timeline')}>
        {found.timeline.length === 0 ? (
          <p className="mt-2 text-slate-700">{t('public.case.timelineEmpty')}</p>
        ) : (
          <ol aria-labelledby="timeline" className="mt-2 space-y-3">
            {found.timeline.map((entry, index) => (
              <li key={index} className="grid gap-x-4 sm:grid-cols-[10rem_1fr]">
                <p className="text-sm font-medium text-slate-700">{when(entry, t, locale)}</p>
                <div>
                  <Step entry={entry} t={t} />
                </div>
              </li>
            ))}
          </ol>
        )}
      </RecordSection>
      <RecordSection id="sources" heading={t('public.case.sources')}>
        {found.sources.length === 0 ? (
          <p className="mt-2 text-slate-700">{t('public.case.noSources')}</p>
        ) : (
          <>
            <p className="mt-1 text-sm text-slate-700">{t('public.case.sourcesNote')}</p>
            <SourceList sources={found.sources} t={t} />
          </>
        )}
      </RecordSection>
      <PublicAttachments attachments={found.attachments} t={t} />
      <PublishedBy record={found} t={t} locale={locale} json={{ href: `/api/public/v1/cases/${found.id}`, label: t('public.case.json') }} />
    </article>
  );
}
