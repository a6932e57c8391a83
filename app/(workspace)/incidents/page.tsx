import type { Metadata } from 'next';
import Link from 'next/link';
import { getI18n } from '@/app/i18n/server';
import { regionLabel } from '@/common/regions';
import { linkClass, secondaryButtonClass } from '@/app/ui/styles';
import { termLabeller, termOptions } from '@/app/ui/vocabulary';
import { searchTextFor } from '../search-cookie';
import { requireViewer } from '../session';
import { ExportLinks } from './export-links';
import { IncidentFacets } from './facets';
import { facetLabeller, NarrowedBy } from './narrowed-by';
import { IncidentFilters } from './filters';
import { BulkActions, bulkFormId } from './bulk-actions';
import { IncidentTable } from './incident-table';
import { SavedSearches } from './saved-searches';
import { UnfinishedForms } from './unfinished-forms';
import { filterNames, listHref, parseListParams } from './list-params';

const pageSize = 25;

const labelsOf = (codes: string[], label: (code: string) => string) => Object.fromEntries(codes.map((code) => [code, label(code)]));

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('meta.incidents') };
}

export default async function IncidentsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { caller, viewer } = await requireViewer();
  const { locale, t } = await getI18n();
  const fromAddress = await searchParams;
  // The words come from the cookie the filter form set, or from an old or hand-typed link.
  const words = await searchTextFor('incidents', (Array.isArray(fromAddress.text) ? fromAddress.text[0] : fromAddress.text)?.trim() ?? '');
  const params = parseListParams({ ...fromAddress, text: words.text }, pageSize);
  const { cursor: _c, sort: _s, limit: _l, ...facetInput } = params.input;
  const [page, terms, regions, facets, savedSearches, unfinishedForms] = await Promise.all([
    caller.incident.list(params.input),
    caller.vocabulary.all(),
    caller.incident.regions({}),
    caller.incident.facets(facetInput),
    caller.savedSearch.list(),
    caller.unfinishedForm.list(),
  ]);

  const { cursor: _cursor, ...shown } = params.values;
  // Links (pages, exports) carry the words only when the address did: otherwise the cookie carries them.
  const filters = words.inAddress ? shown : { ...shown, text: undefined };
  const filtered = filterNames.some((name) => name !== 'sort' && params.values[name]);

  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-3xl font-semibold">{t('list.heading')}</h1>
        <Link href="/incidents/new" className={secondaryButtonClass}>
          {t('nav.newIncident')}
        </Link>
      </div>

      <UnfinishedForms forms={unfinishedForms} />

      <div className="mt-6">
        <IncidentFilters params={params} violationTypes={termOptions(terms, 'violation_type', locale)} regions={regions.map((region) => ({ value: region, label: regionLabel(region, locale) })).sort((a, b) => a.label.localeCompare(b.label, locale))} t={t} />
      </div>

      {viewer.memberships.length > 0 ? <SavedSearches searches={savedSearches} values={params.values} viewer={viewer} t={t} /> : null}
      <NarrowedBy values={params.values} filters={filters} t={t} />

      <div className="mt-8 grid gap-6 lg:grid-cols-[16rem_1fr]">
        <div className="min-w-0">
        {page.items.length === 0 ? (
          <div className="rounded-lg border border-slate-300 bg-white p-6">
            <p className="font-medium">{t('list.empty')}</p>
            <p className="mt-1 text-slate-700">{t('list.emptyHint')}</p>
          </div>
        ) : (
          <>
          <BulkActions
            titles={Object.fromEntries(page.items.map((item) => [item.id, item.title]))}
            violationTypes={termOptions(terms, 'violation_type', locale)}
            exportOrganizations={viewer.memberships.filter((m) => m.role !== 'monitor')}
          />
          <IncidentTable
            selectFor={bulkFormId}
            rows={page.items}
            caption={filtered ? t('list.captionFiltered') : t('list.caption')}
            violationLabels={labelsOf(page.items.flatMap((item) => item.violationTypes), termLabeller(terms, 'violation_type', locale))}
          />
          </>
        )}
        </div>
        {/* After the list in reading order, beside it on a wide screen. */}
        <div className="lg:order-first">
          <IncidentFacets facets={facets} filters={filters} label={facetLabeller(terms, locale, t)} t={t} />
        </div>
      </div>

      <ExportLinks viewer={viewer} filters={filters} t={t} />

      {page.nextCursor || params.values.cursor ? (
        <nav aria-label={t('list.pagination')} className="mt-6 flex flex-wrap gap-6">
          {params.values.cursor ? (
            <Link href={listHref(filters)} className={linkClass}>
              {t('list.firstPage')}
            </Link>
          ) : null}
          {page.nextCursor ? (
            <Link href={listHref({ ...filters, cursor: page.nextCursor })} className={linkClass}>
              {t('list.nextPage')}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
