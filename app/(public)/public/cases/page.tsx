import type { Metadata } from 'next';
import Link from 'next/link';
import { formatMoment } from '@/common/i18n';
import { getI18n } from '@/app/i18n/server';
import { decodeCaseCursor, listPublicCases } from '@/server/public/cases';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('public.meta.cases') };
}

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() ?? '';

/** Published cases, latest published first, 25 a page; words narrow them (title, summary, people, incidents). */
export default async function PublicCasesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { t, locale } = await getI18n();
  const params = await searchParams;
  // The API refuses a search longer than 200 characters; a page just reads the first 200.
  const q = one(params.q).slice(0, 200);
  const cursorParam = one(params.cursor);
  const cursor = cursorParam ? decodeCaseCursor(cursorParam) : null;
  const page = await listPublicCases({ q: q || undefined, cursor, limit: 25 });
  const withQuery = (extra: Record<string, string> = {}) => {
    const query = new URLSearchParams({ ...(q ? { q } : {}), ...extra }).toString();
    return query ? `/public/cases?${query}` : '/public/cases';
  };
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t('public.cases.heading')}</h1>
        <p className="mt-2 max-w-3xl text-slate-800">{t('public.cases.intro')}</p>
      </div>
      <form method="get" action="/public/cases" role="search" className="flex flex-wrap items-end gap-3">
        <label className="block font-medium">
          {t('public.search.label')}
          <input type="search" name="q" defaultValue={q} maxLength={200} className="mt-1 block w-72 rounded-md border border-slate-500 bg-white px-3 py-2 text-base" />
        </label>
        <button type="submit" className="rounded-md border border-blue-800 bg-blue-800 px-4 py-2 font-medium text-white hover:bg-blue-900">
          {t('public.search.submit')}
        </button>
      </form>
      <p role="status">
        {page.cases.length > 0 ? t('public.cases.shown', { n: page.cases.length }) : q || cursor ? t('public.cases.noMatch') : t('public.cases.none')}
      </p>
      <ol className="space-y-3">
        {page.cases.map((item) => (
          <li key={item.id} className="rounded-lg border border-slate-300 bg-white p-4">
            <h2 className="text-lg font-semibold">
              <Link href={`/public/cases/${item.id}`} className="text-blue-800 underline hover:text-blue-950">
                {item.title}
              </Link>
            </h2>
            {item.summary ? <p className="mt-1 max-w-3xl text-slate-900">{item.summary}</p> : null}
            <p className="mt-1 text-sm text-slate-700">
              {t(item.status === 'open' ? 'public.cases.status.open' : 'public.cases.status.closed')}
              {' · '}
              {t('public.cases.incidents', { n: item.incidents })}
              {' · '}
              {t('public.incident.published', { publisher: item.publisher, date: formatMoment(new Date(item.publishedAt), locale) })}
            </p>
          </li>
        ))}
      </ol>
      <p className="flex gap-6">
        {cursor ? (
          <Link href={withQuery()} className="font-medium text-blue-800 underline">
            {t('public.cases.first')}
          </Link>
        ) : null}
        {page.nextCursor ? (
          <Link href={withQuery({ cursor: page.nextCursor })} className="font-medium text-blue-800 underline">
            {t('public.cases.more')}
          </Link>
        ) : null}
      </p>
    </div>
  );
}
