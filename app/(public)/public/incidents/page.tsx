import type { Metadata } from 'next';
import Link from 'next/link';
import { Snippet } from '@/app/ui/snippet';
import { formatIncidentDateRange } from '@/common/i18n';
import { getI18n } from '@/app/i18n/server';
import { decodeCursor, listPublicIncidents } from '@/server/public/incidents';
import { publicStats } from '@/server/public/stats';
import { pageFilters, queryString, type PageSearchParams } from '../../_ui/page-filters';

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
  // The total counts each matching incident once, as the dashboard's does (one piece of code for both).
  const [page, { total }] = await Promise.all([listPublicIncidents({ filters, cursor, limit: 25, lang: locale }), publicStats('year', filters, locale)]);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t('public.search.heading')}</h1>
        <p className="mt-1 text-lg" data-testid="public-list-total">
          {t('public.search.total', { n: total })}
        </p>
      </div>
      <form method="get" action="/public/incidents" role="search" className="flex flex-wrap items-end gap-3">
        <label className="block font-medium">
          {t('public.search.label')}
          <input type="search" name="q" defaultValue={raw.q ?? ''} className="mt-1 block w-72 rounded-md border border-slate-500 bg-white px-3 py-2 text-base" />
        </label>
        {Object.entries(raw)
          .filter(([name]) => name !== 'q')
          .map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
        <button type="submit" className="rounded-md border border-blue-800 bg-blue-800 px-4 py-2 font-medium text-white hover:bg-blue-900">
          {t('public.search.submit')}
        </button>
      </form>
      {problems.length > 0 ? (
        <p role="alert" className="font-medium text-red-800">
          {t('public.filters.invalid', { problems: problems.join('; ') })}
        </p>
      ) : null}
      <p role="status">{page.incidents.length === 0 ? t('public.search.none') : t('public.search.shown', { n: page.incidents.length })}</p>
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
              {[incident.location.locality, incident.location.region, incident.location.country].filter(Boolean).join(', ')}
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
  );
}
