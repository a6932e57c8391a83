import type { Metadata } from 'next';
import { formatIncidentDate } from '@/common/i18n';
import { getI18n } from '@/app/i18n/server';
import { publicPlaces } from '@/server/public/places';
import { publicDashboard, publicStats, type Grouping } from '@/server/public/stats';
import { BarChart, type Bar } from '../_ui/bar-chart';
import { KazakhstanMap } from '../_ui/kazakhstan-map';
import { pageFilters, queryString, type PageSearchParams } from '../_ui/page-filters';
import { termBars, termChoices } from '../_ui/terms';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('public.meta.dashboard') };
}

const inputClass = 'mt-1 block w-full rounded-md border border-slate-500 bg-white px-3 py-2 text-base text-slate-900';

/** The public dashboard: figures of published incidents, filtered by the address (a GET form), with no client code. */
export default async function DashboardPage({ searchParams }: { searchParams: PageSearchParams }) {
  const { t, locale } = await getI18n();
  const { filters, problems, raw } = await pageFilters(searchParams);
  const [figures, allRegions, places] = await Promise.all([publicDashboard(filters, locale), publicStats('region', {}, locale), publicPlaces(filters)]);
  const csvHref = `/api/public/v1/export.csv${queryString(filters)}`;
  // Each chart's own figures, with the filters it shows and its labels in the page's language.
  const countsCsv = (groupBy: Grouping) => `/api/public/v1/stats.csv${queryString(filters, locale === 'en' ? { groupBy } : { groupBy, lang: locale })}`;
  const regionLabel = (key: string | null) => key ?? t('public.region.unknown');
  const simple = (counts: { key: string | null; label: string; count: number }[], label: (key: string | null) => string): Bar[] =>
    counts.map((c) => ({ key: c.key ?? '', label: label(c.key), count: c.count }));
  const typeChoices = termChoices(figures.vocabulary.terms, 'violation_type', locale);
  const categoryChoices = termChoices(figures.vocabulary.terms, 'defender_category', locale);

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t('public.dashboard.heading')}</h1>
        <p className="mt-2 max-w-3xl text-slate-800">{t('public.dashboard.intro')}</p>
      </div>

      <form method="get" action="/dashboard" className="rounded-lg border border-slate-300 bg-white p-4">
        <fieldset>
          <legend className="px-1 text-lg font-semibold">{t('public.filters.legend')}</legend>
          {problems.length > 0 ? (
            <p role="alert" className="mt-2 font-medium text-red-800">
              {t('public.filters.invalid', { problems: problems.join('; ') })}
            </p>
          ) : null}
          <div className="mt-3 grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
            <label className="block font-medium">
              {t('public.filters.from')}
              <input name="from" defaultValue={raw.from ?? ''} inputMode="numeric" className={inputClass} placeholder="2017" />
            </label>
            <label className="block font-medium">
              {t('public.filters.to')}
              <input name="to" defaultValue={raw.to ?? ''} inputMode="numeric" className={inputClass} placeholder="2017-12" />
            </label>
            <label className="block font-medium">
              {t('public.filters.type')}
              <select name="type" defaultValue={raw.type ?? ''} className={inputClass}>
                <option value="">{t('public.filters.any')}</option>
                {typeChoices.map((choice) => (
                  <option key={choice.code} value={choice.code}>
                    {`${'\u2003'.repeat(choice.depth)}${choice.label}`}
                  </option>
                ))}
              </select>
            </label>
            <label className="block font-medium">
              {t('public.filters.region')}
              <select name="region" defaultValue={raw.region ?? ''} className={inputClass}>
                <option value="">{t('public.filters.any')}</option>
                {allRegions.counts.flatMap((c) =>
                  c.key ? [<option key={c.key} value={c.key}>{c.key}</option>] : [],
                )}
              </select>
            </label>
            <label className="block font-medium">
              {t('public.filters.category')}
              <select name="category" defaultValue={raw.category ?? ''} className={inputClass}>
                <option value="">{t('public.filters.any')}</option>
                {categoryChoices.map((choice) => (
                  <option key={choice.code} value={choice.code}>
                    {`${'\u2003'.repeat(choice.depth)}${choice.label}`}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <div className="mt-4 flex flex-wrap items-center gap-4">
            <button type="submit" className="rounded-md border border-blue-800 bg-blue-800 px-4 py-2 font-medium text-white hover:bg-blue-900">
              {t('public.filters.apply')}
            </button>
            <a href="/dashboard" className="font-medium text-blue-800 underline">
              {t('public.filters.clear')}
            </a>
          </div>
        </fieldset>
      </form>

      <div className="flex flex-wrap items-baseline gap-x-6 gap-y-2">
        <p className="text-xl font-semibold" role="status" data-testid="public-total">
          {t('public.dashboard.total', { n: figures.year.total })}
        </p>
        <a href={csvHref} className="font-medium text-blue-800 underline hover:text-blue-950" download>
          {t('public.chart.csv')}
        </a>
      </div>

      <div className="grid gap-6 lg:grid-cols-2">
        <BarChart id="year" title={t('public.chart.year')} counts={t('public.chart.year.counts')} bars={simple(figures.year.counts, (k) => k ?? '')} csvHref={countsCsv('year')} t={t} />
        <BarChart
          id="month"
          title={t('public.chart.month')}
          counts={t('public.chart.month.counts')}
          note={t('public.chart.month.unknown', { n: figures.month.unknownMonth ?? 0 })}
          bars={simple(figures.month.counts, (k) => (k ? formatIncidentDate(`${k}-01`, 'month', locale) : ''))}
          csvHref={countsCsv('month')}
          t={t}
        />
        <BarChart id="violation-type" title={t('public.chart.violation_type')} counts={t('public.chart.violation_type.counts')} bars={termBars(figures.violation_type.counts)} csvHref={countsCsv('violation_type')} t={t} />
        <BarChart id="defender-category" title={t('public.chart.defender_category')} counts={t('public.chart.defender_category.counts')} bars={termBars(figures.defender_category.counts)} csvHref={countsCsv('defender_category')} t={t} />
        <BarChart id="perpetrator-type" title={t('public.chart.perpetrator_type')} counts={t('public.chart.perpetrator_type.counts')} bars={termBars(figures.perpetrator_type.counts)} csvHref={countsCsv('perpetrator_type')} t={t} />
        <BarChart id="region" title={t('public.chart.region')} counts={t('public.chart.region.counts')} bars={simple(figures.region.counts, regionLabel)} csvHref={countsCsv('region')} t={t} />
      </div>

      <KazakhstanMap
        places={places.places}
        located={places.located}
        regions={figures.region.counts.map((c) => ({ label: regionLabel(c.key), count: c.count }))}
        withoutPlace={figures.year.total - places.located}
        listHref={(place) => `/public/incidents${queryString({ ...filters, q: place.locality ?? place.region ?? undefined })}`}
        t={t}
      />
    </div>
  );
}
