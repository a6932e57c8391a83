import Link from 'next/link';
import type { Translate } from '@/common/i18n';
import { linkClass } from '@/app/ui/styles';
import type { WorkspaceFacetName, WorkspaceFacets } from '@/server/services/incidents/facets';
import { listHref, type FilterName, type ListParams } from './list-params';

type Props = {
  facets: WorkspaceFacets;
  /** The filters the links carry (the words stay in their cookie). */
  filters: ListParams['values'];
  label: (facet: WorkspaceFacetName, key: string, label: string | null) => string;
  t: Translate;
};

/** Which list filter each facet sets when one of its values is followed. */
const filterOf: Record<WorkspaceFacetName, FilterName> = {
  status: 'status',
  violationType: 'violationType',
  category: 'category',
  perpetrator: 'perpetrator',
  region: 'region',
  year: 'year',
  author: 'author',
};

/**
 * Counts beside the list: each value a link that narrows the list to it, the chosen one a link that
 * widens it again. Plain links, so the counts work without JavaScript and a filtered list is an address.
 */
export function IncidentFacets({ facets, filters, label, t }: Props) {
  const { cursor: _cursor, ...kept } = filters;
  return (
    <nav aria-label={t('facets.label')} className="rounded-lg border border-slate-300 bg-white p-4">
      <h2 className="text-lg font-semibold">{t('facets.heading')}</h2>
      <p className="mt-1 text-slate-700" data-testid="facets-total">
        {facets.more ? t('facets.tooMany', { n: facets.total }) : t('facets.total', { n: facets.total })}
      </p>
      {(Object.keys(filterOf) as WorkspaceFacetName[]).map((facet) => {
        const values = facets[facet];
        if (values.length === 0) return null;
        const name = filterOf[facet];
        return (
          <section key={facet} className="mt-4" aria-labelledby={`facet-${facet}`}>
            <h3 id={`facet-${facet}`} className="font-medium">
              {t(`facets.${facet}`)}
            </h3>
            <ul className="mt-1 space-y-1 text-sm">
              {values.map((value) => {
                const chosen = kept[name] === value.key;
                const text = label(facet, value.key, value.label);
                return (
                  <li key={value.key} className="flex justify-between gap-3">
                    <Link
                      href={listHref({ ...kept, [name]: chosen ? undefined : value.key })}
                      className={chosen ? `${linkClass} font-semibold` : linkClass}
                      aria-current={chosen ? 'true' : undefined}
                      aria-label={chosen ? t('facets.remove', { value: text }) : undefined}
                    >
                      {chosen ? `✓ ${text}` : text}
                    </Link>
                    <span className="tabular-nums text-slate-700">{value.count}</span>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </nav>
  );
}
