import type { Metadata } from 'next';
import { regionLabel } from '@/common/regions';
import { getI18n } from '@/app/i18n/server';
import { publicPlaces } from '@/server/public/places';
import { publicDashboard, publicStats, type Grouping } from '@/server/public/stats';
import { BarChart, type Bar } from '../_ui/bar-chart';
import { PublicFilterForm } from '../_ui/filter-form';
import { KazakhstanMap } from '../_ui/kazakhstan-map';
import { MonthChart } from '../_ui/month-chart';
import { publicListHref } from '../_ui/list-link';
import { pageFilters, queryString, type PageSearchParams } from '../_ui/page-filters';
import { regionChoicesOf, termBars, termChoices } from '../_ui/terms';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('public.meta.dashboard') };
}

/**
 * The dots the map draws: the busiest places. A country map this size cannot tell apart more, and
 * every dot is a link in the page (and in its keyboard order): 2,000 of them weighed 2.8 MB.
 */
const mapPlaces = 300;

/** The public dashboard: figures of published incidents, filtered by the address (a GET form), with no client code. */
export default async function DashboardPage({ searchParams }: { searchParams: PageSearchParams }) {
  const { t, locale } = await getI18n();
  const { filters, problems, raw } = await pageFilters(searchParams);
  const [figures, allRegions, places] = await Promise.all([publicDashboard(filters, locale), publicStats('region', {}, locale), publicPlaces(filters, undefined, mapPlaces)]);
  const csvHref = `/api/public/v1/export.csv${queryString(filters, locale === 'en' ? {} : { lang: locale })}`;
  // Each chart's own figures, with the filters it shows and its labels in the page's language.
  const countsCsv = (groupBy: Grouping) => `/api/public/v1/stats.csv${queryString(filters, locale === 'en' ? { groupBy } : { groupBy, lang: locale })}`;
  const regionName = (key: string | null) => regionLabel(key, locale) ?? t('public.region.unknown');
  const simple = (counts: { key: string | null; label: string; count: number }[], label: (key: string | null) => string): Bar[] =>
    counts.map((c) => ({ key: c.key ?? '', label: label(c.key), count: c.count }));

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t('public.dashboard.heading')}</h1>
        <p className="mt-2 max-w-3xl text-slate-800">{t('public.dashboard.intro')}</p>
      </div>

      <PublicFilterForm
        action="/dashboard"
        raw={raw}
        problems={problems}
        regions={regionChoicesOf(allRegions, locale)}
        types={termChoices(figures.vocabulary.terms, 'violation_type', locale)}
        categories={termChoices(figures.vocabulary.terms, 'defender_category', locale)}
        t={t}
      />

      <div className="flex flex-wrap items-baseline gap-x-6 gap-y-2">
        <p className="text-xl font-semibold" role="status" data-testid="public-total">
          {t('public.dashboard.total', { n: figures.year.total })}
        </p>
        <a href={csvHref} className="font-medium text-blue-800 underline hover:text-blue-950" download>
          {t('public.chart.csv')}
        </a>
      </div>

      <div className="grid gap-6 lg:grid-cols-2">
        <BarChart id="year" title={t('public.chart.year')} counts={t('public.chart.year.counts')} bars={simple(figures.year.counts, (k) => k ?? '')} csvHref={countsCsv('year')} hrefFor={(key) => publicListHref(filters, 'year', key)} t={t} />
        <MonthChart
          id="month"
          title={t('public.chart.month')}
          counts={t('public.chart.month.counts')}
          note={t('public.chart.month.unknown', { n: figures.month.unknownMonth ?? 0 })}
          months={figures.month.counts}
          csvHref={countsCsv('month')}
          locale={locale}
          t={t}
        />
        <BarChart id="violation-type" title={t('public.chart.violation_type')} counts={t('public.chart.violation_type.counts')} bars={termBars(figures.violation_type.counts)} csvHref={countsCsv('violation_type')} hrefFor={(key) => publicListHref(filters, 'violation_type', key)} t={t} />
        <BarChart id="defender-category" title={t('public.chart.defender_category')} counts={t('public.chart.defender_category.counts')} bars={termBars(figures.defender_category.counts)} csvHref={countsCsv('defender_category')} hrefFor={(key) => publicListHref(filters, 'defender_category', key)} t={t} />
        <BarChart id="perpetrator-type" title={t('public.chart.perpetrator_type')} counts={t('public.chart.perpetrator_type.counts')} bars={termBars(figures.perpetrator_type.counts)} csvHref={countsCsv('perpetrator_type')} hrefFor={(key) => publicListHref(filters, 'perpetrator_type', key)} t={t} />
        <BarChart id="region" title={t('public.chart.region')} counts={t('public.chart.region.counts')} bars={simple(figures.region.counts, regionName)} csvHref={countsCsv('region')} hrefFor={(key) => publicListHref(filters, 'region', key)} t={t} />
      </div>

      <KazakhstanMap
        places={places.places.map((place) => ({ ...place, region: regionLabel(place.region, locale) }))}
        located={places.located}
        points={places.points}
        regions={figures.region.counts.map((c) => ({ label: regionName(c.key), count: c.count }))}
        withoutPlace={figures.year.total - places.located}
        listHref={(place) => `/public/incidents${queryString({ ...filters, ...(place.locality ? { q: place.locality } : { region: place.region ?? undefined }) })}`}
        t={t}
      />
    </div>
  );
}
