import type { Metadata } from 'next';
import Link from 'next/link';
import { Snippet } from '@/app/ui/snippet';
import { formatIncidentDateRange } from '@/common/i18n';
import { placeLine } from '@/common/regions';
import { getI18n } from '@/app/i18n/server';
import { decodeCursor, listPublicIncidents } from '@/server/public/incidents';
import { publicDashboard, publicStats } from '@/server/public/stats';
import { PublicFilterForm } from '../../_ui/filter-form';
import { pageFilters, queryString, type PageSearchParams } from '../../_ui/page-filters';
import { PublicFacets } from '../../_ui/public-facets';
import { regionChoicesOf, termChoices } from '../../_ui/terms';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('public.meta.incidents') };
}

/** Public search: published incidents matching words and filters, newest first, 25 a page. */
export default async function PublicIncidentsPage({ searchParams }: { searchParams: PageSearchParams }) {
  const { t, locale } = await getI18n();
  const { filters, problems, raw } = await pageFilters(searchParams);
  const cursorParam = (await searchParams).cursor;
  const cursor = typeof cursorParam === 'string' ? decodeCursor(cursorParam) : null;
  // The counts beside the list come from the same figures as the dashboard's charts (the rollup when it can answer).
  const [page, figures, allRegions] = await Promise.all([
    listPublicIncidents({ filters, cursor, limit: 25, lang: locale }),
    publicDashboard(filters, locale),
    publicStats('region', {}, locale),
  ]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t('public.search.heading')}</h1>
      <PublicFilterForm
        action="/public/incidents"
        raw={raw}
        problems={problems}
        regions={regionChoicesOf(allRegions, locale)}
        types={termChoices(figures.vocabulary.terms, 'violation_type', locale)}
        categories={termChoices(figures.vocabulary.terms, 'defender_category', locale)}
        perpetrators={termChoices(figures.vocabulary.terms, 'perpetrator_type', locale)}
        withWords
        t={t}
      />
      <p className="text-xl font-semibold" role="status" data-testid="public-list-total">
        {t('public.search.total', { n: figures.year.total })}
      </p>
      <div className="grid gap-6 lg:grid-cols-[16rem_1fr]">
        <div className="min-w-0 space-y-3">
      <p>{page.incidents.length === 0 ? t('public.search.none') : t('public.search.shown', { n: page.incidents.length })}</p>
      <ol className="space-y-3">
        {page.incidents.map((incident) => (
          <li key={incident.id} className="rounded-lg border border-slate-300 bg-white p-4">
            <h2 className="text-lg font-semibold">
              <Link href={`/public/incidents/${incident.id}`} className="text-blue-800 underline hover:text-blue-950">
                {incident.title}
              </Link>
            </h2>
            <p className="text-sm text-slate-700">
              {formatIncidentDateRange(incident.date.start, incident.date.end, incident.date.precision, locale)}
              {' · '}
              {placeLine(incident.location, locale)}
              {' · '}
              {incident.violationTypes.map((type) => type.label).join(', ')}
            </p>
            <Snippet segments={incident.snippet} />
          </li>
        ))}
      </ol>
      <p className="flex gap-6">
        {cursor ? (
          <Link href={`/public/incidents${queryString(filters)}`} className="font-medium text-blue-800 underline">
            {t('public.search.first')}
          </Link>
        ) : null}
        {page.nextCursor ? (
          <Link href={`/public/incidents${queryString(filters, { cursor: page.nextCursor })}`} className="font-medium text-blue-800 underline">
            {t('public.search.more')}
          </Link>
        ) : null}
      </p>
        </div>
        {/* After the results in reading order (a screen reader meets the incidents first), beside them on a wide screen. */}
        <div className="lg:order-first">
          <PublicFacets counts={figures} filters={filters} t={t} />
        </div>
      </div>
    </div>
  );
}
