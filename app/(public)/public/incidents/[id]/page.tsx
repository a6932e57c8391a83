import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { formatIncidentDateRange, formatMoment } from '@/common/i18n';
import { getI18n } from '@/app/i18n/server';
import { SourceCitation } from '@/app/(public)/_ui/source-citation';
import { PublicAttachments } from '@/app/(public)/_ui/public-attachments';
import { publicCasesWithIncident } from '@/server/public/cases';
import { getPublicIncident } from '@/server/public/incidents';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  // Generic on purpose: page titles end up in browser histories and bookmarks.
  return { title: t('public.meta.incident') };
}

/** One published incident as the public sees it, citing its sources. */
export default async function PublicIncidentPage({ params }: { params: Promise<{ id: string }> }) {
  const { t, locale } = await getI18n();
  const incident = await getPublicIncident((await params).id, locale);
  if (!incident) notFound();
  const inCases = await publicCasesWithIncident(incident.id);
  const none = <p className="text-slate-700">{t('public.incident.none')}</p>;
  const section = 'rounded-lg border border-slate-300 bg-white p-4';
  return (
    <article className="space-y-4">
      <p>
        <Link href="/public/incidents" className="font-medium text-blue-800 underline">
          {t('public.incident.back')}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">{incident.title}</h1>
      {incident.summary ? <p className="max-w-3xl whitespace-pre-line text-slate-900">{incident.summary}</p> : null}
      <dl className={`${section} grid gap-x-6 gap-y-2 sm:grid-cols-[12rem_1fr]`}>
        <dt className="font-medium">{t('public.incident.when')}</dt>
        <dd>{formatIncidentDateRange(incident.date.start, incident.date.end, incident.date.precision, locale)}</dd>
        <dt className="font-medium">{t('public.incident.where')}</dt>
        <dd>{[incident.location.locality, incident.location.region, incident.location.country].filter(Boolean).join(', ')}</dd>
        <dt className="font-medium">{t('public.incident.types')}</dt>
        <dd>{incident.violationTypes.map((type) => type.label).join(', ')}</dd>
      </dl>
      <section aria-labelledby="victims" className={section}>
        <h2 id="victims" className="text-lg font-semibold">
          {t('public.incident.victims')}
        </h2>
        {incident.victims.length === 0 ? none : (
          <ul className="mt-2 list-disc pl-6">
            {incident.victims.map((victim, index) => (
              <li key={index}>
                {victim.kind === 'group' && victim.count !== null ? t('public.incident.group', { name: victim.name, count: victim.count }) : victim.name}
                {victim.kind === 'person' && victim.protected ? <span className="text-slate-700"> ({t('public.incident.protected')})</span> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="perpetrators" className={section}>
        <h2 id="perpetrators" className="text-lg font-semibold">
          {t('public.incident.perpetrators')}
        </h2>
        {incident.perpetrators.length === 0 ? none : (
          <ul className="mt-2 list-disc pl-6">
            {incident.perpetrators.map((perpetrator, index) => (
              <li key={index}>{[perpetrator.typeLabel, perpetrator.name].filter(Boolean).join(': ')}</li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="legal" className={section}>
        <h2 id="legal" className="text-lg font-semibold">
          {t('public.incident.legal')}
        </h2>
        {incident.legal.length === 0 ? none : (
          <ul className="mt-2 list-disc pl-6">
            {incident.legal.map((provision, index) => (
              <li key={index}>{[provision.code, provision.article, provision.title].filter(Boolean).join(', ')}</li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="sources" className={section}>
        <h2 id="sources" className="text-lg font-semibold">
          {t('public.incident.sources')}
        </h2>
        {incident.sources.length === 0 ? (
          <p className="text-slate-700">{t('public.incident.noSources')}</p>
        ) : (
          <ol className="mt-2 list-decimal space-y-1 pl-6">
            {incident.sources.map((source, index) => (
              <li key={index}>
                <SourceCitation source={source} referenceLabel={(code) => t('public.incident.reference', { code })} />
              </li>
            ))}
          </ol>
        )}
      </section>
      <PublicAttachments attachments={incident.attachments} t={t} className={section} />
      {inCases.length > 0 ? (
        <section aria-labelledby="cases" className={section}>
          <h2 id="cases" className="text-lg font-semibold">
            {t('public.case.inCases')}
          </h2>
          <ul className="mt-2 list-disc pl-6">
            {inCases.map((item) => (
              <li key={item.id}>
                <Link href={`/public/cases/${item.id}`} className="text-blue-800 underline hover:text-blue-950">
                  {item.title}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p className="text-sm text-slate-700">
        {t('public.incident.published', { publisher: incident.publisher, date: formatMoment(new Date(incident.publishedAt), locale) })}{' '}
        <a href={`/api/public/v1/incidents/${incident.id}`} className="text-blue-800 underline">
          {t('public.incident.json')}
        </a>
      </p>
    </article>
  );
}
