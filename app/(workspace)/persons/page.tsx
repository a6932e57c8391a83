import type { Metadata } from 'next';
import Link from 'next/link';
import { getI18n } from '@/app/i18n/server';
import { inputClass, labelClass, linkClass, primaryButtonClass } from '@/app/ui/styles';
import { termLabeller } from '@/app/ui/vocabulary';
import { DataTable } from '@/app/ui/data-table';
import { requireViewer } from '../session';
import { ConfidentialBadge } from './confidential-badge';
import { searchPersons } from '../search-actions';
import { searchTextFor } from '../search-cookie';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('persons.meta.list') };
}

function one(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value)?.trim().slice(0, 200) ?? '';
}

function listHref(text: string, page: number): string {
  const params = new URLSearchParams();
  if (text) params.set('q', text);
  if (page > 0) params.set('page', String(page));
  const query = params.toString();
  return query ? `/persons?${query}` : '/persons';
}

/** The persons of the viewer's organizations, searchable by name, each linking to their page. */
export default async function PersonsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { caller, viewer } = await requireViewer();
  const { locale, t } = await getI18n();
  const params = await searchParams;
  const { text, inAddress } = await searchTextFor('persons', one(params.q));
  const page = Math.min(Math.max(Number.parseInt(one(params.page), 10) || 0, 0), 10_000);
  const [result, terms] = await Promise.all([caller.person.list({ text: text || null, page }), caller.vocabulary.all()]);
  const categoryLabel = termLabeller(terms, 'defender_category', locale);

  return (
    <>
      <h1 className="text-3xl font-semibold">{t('persons.heading')}</h1>
      <p className="mt-2 max-w-3xl text-slate-700">{t('persons.intro')}</p>
      {viewer.memberships.some((m) => m.role !== 'monitor') ? (
        <p className="mt-2">
          <Link href="/persons/duplicates" className={linkClass}>
            {t('personDuplicates.link')}
          </Link>
        </p>
      ) : null}

      <form action={searchPersons} role="search" className="mt-6 flex flex-wrap items-end gap-3">
        <div className="min-w-64 flex-1 sm:max-w-md">
          <label htmlFor="persons-q" className={labelClass}>
            {t('persons.searchLabel')}
          </label>
          <input id="persons-q" name="q" type="search" defaultValue={text} maxLength={200} className={`${inputClass} mt-1`} />
        </div>
        <button type="submit" className={primaryButtonClass}>
          {t('persons.search')}
        </button>
      </form>

      <div className="mt-8">
        {result.persons.length === 0 ? (
          <p className="rounded-lg border border-slate-300 bg-white p-6 font-medium">{t('persons.empty')}</p>
        ) : (
          <DataTable
            caption={text ? t('persons.captionFiltered', { text }) : t('persons.caption')}
            captionHidden
            columns={[t('persons.name'), t('persons.categories'), { label: t('persons.incidentCount'), numeric: true }]}
          >
            {result.persons.map((person) => (
              <tr key={person.id}>
                <th scope="row" className="px-3 py-2 text-left font-normal">
                  <Link href={`/persons/${person.id}`} className={linkClass}>
                    {person.name}
                  </Link>
                  {person.confidential ? (
                    <>
                      {' '}
                      <ConfidentialBadge t={t} />
                    </>
                  ) : null}
                </th>
                <td className="px-3 py-2">{person.categories.map(categoryLabel).join(', ') || '—'}</td>
                <td className="px-3 py-2 text-right tabular-nums">{person.incidents}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </div>

      {page > 0 || result.hasMore ? (
        <nav aria-label={t('persons.pagination')} className="mt-6 flex flex-wrap gap-6">
          {page > 0 ? (
            <Link href={listHref(inAddress ? text : '', 0)} className={linkClass}>
              {t('persons.firstPage')}
            </Link>
          ) : null}
          {result.hasMore ? (
            <Link href={listHref(inAddress ? text : '', page + 1)} className={linkClass}>
              {t('persons.nextPage')}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
