import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { placeLine } from '@/common/regions';
import { formatIncidentDateRange, type Translate } from '@/common/i18n';
import { getI18n } from '@/app/i18n/server';
import { PublicAttachments } from '@/app/(public)/_ui/public-attachments';
import { PublishedBy, RecordOverview, RecordSection, SourceList } from '@/app/(public)/_ui/public-record';
import { publicCasesWithIncident } from '@/server/public/cases';
import { getPublicIncident } from '@/server/public/incidents';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  // Generic on purpose: page titles end up in browser histories and bookmarks.
  return { title: t('public.meta.incident') };
}

/** A section's plain list, or a word saying there is nothing to list. */
function ListOrNone<T>({ items, t, render }: { items: T[]; t: Translate; render: (item: T) => ReactNode }) {
  if (items.length === 0) return <p className="text-slate-700">{t('public.incident.none')}</p>;
  return (
    <ul className="mt-2 list-disc pl-6">
      {items.map((item, index) => (
        <li key={index}>{render(item)}</li>
      ))}
    </ul>
  );
}

/** One published incident as the public sees it, citing its sources. */
export default async function PublicIncidentPage({ params }: { params: Promise<{ id: string }> }) {
  const { t, locale } = await getI18n();
  const incident = await getPublicIncident((await params).id, locale);
  if (!incident) notFound();
  const inCases = await publicCasesWithIncident(incident.id);
  return (
    <article className="space-y-4">
      <RecordOverview back="/public/incidents" backLabel={t('public.incident.back')} title={incident.title} summary={incident.summary}>
        <dt className="font-medium">{t('public.incident.when')}</dt>
        <dd>{formatIncidentDateRange(incident.date.start, incident.date.end, incident.date.precision, locale)}</dd>
        <dt className="font-medium">{t('public.incident.where')}</dt>
        <dd>{placeLine(incident.location, locale)}</dd>
        <dt className="font-medium">{t('public.incident.types')}</dt>
        <dd>{incident.violationTypes.map((type) => type.label).join(', ')}</dd>
      </RecordOverview>
      <RecordSection id="victims" heading={t('public.incident.victims')}>
        <ListOrNone
          items={incident.victims}
          t={t}
          render={(victim) => (
            <>
              {victim.kind === 'group' && victim.count !== null ? t('public.incident.group', { name: victim.name, count: victim.count }) : victim.name}
              {victim.kind === 'person' && victim.protected ? <span className="text-slate-700"> ({t('public.incident.protected')})</span> : null}
            </>
          )}
        />
      </RecordSection>
      <RecordSection id="perpetrators" heading={t('public.incident.perpetrators')}>
        <ListOrNone items={incident.perpetrators} t={t} render={(perpetrator) => [perpetrator.typeLabel, perpetrator.name].filter(Boolean).join(': ')} />
      </RecordSection>
      <RecordSection id="legal" heading={t('public.incident.legal')}>
        <ListOrNone items={incident.legal} t={t} render={(provision) => [provision.code, provision.article, provision.title].filter(Boolean).join(', ')} />
      </RecordSection>
      <RecordSection id="sources" heading={t('public.incident.sources')}>
        {incident.sources.length === 0 ? <p className="text-slate-700">{t('public.incident.noSources')}</p> : <SourceList sources={incident.sources} t={t} />}
      </RecordSection>
      <PublicAttachments attachments={incident.attachments} t={t} />
      {inCases.length > 0 ? (
        <RecordSection id="cases" heading={t('public.case.inCases')}>
          <ul className="mt-2 list-disc pl-6">
            {inCases.map((item) => (
              <li key={item.id}>
                <Link href={`/public/cases/${item.id}`} className="text-blue-800 underline hover:text-blue-950">
                  {item.title}
                </Link>
              </li>
            ))}
          </ul>
        </RecordSection>
      ) : null}
      <PublishedBy record={incident} t={t} locale={locale} json={{ href: `/api/public/v1/incidents/${incident.id}`, label: t('public.incident.json') }} />
    </article>
  );
}
