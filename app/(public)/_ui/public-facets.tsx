import type { Translate } from '@/common/i18n';
import type { PublicFilters } from '@/server/public/filters';
import type { Grouping } from '@/server/public/groupings';
import type { StatsCount } from '@/server/public/stats';
import { isChosen, publicListHref, withoutHref } from './list-link';

type Facet = Exclude<Grouping, 'month'>;
const facets: Facet[] = ['violation_type', 'defender_category', 'perpetrator_type', 'region', 'year'];
/** The most values a facet lists (the filter form offers every one). */
const shown = 15;

/** Counts of published incidents by value beside the public list; each value narrows the list, a chosen one widens it again. */
export function PublicFacets({ counts, filters, t }: { counts: Record<Facet, { counts: StatsCount[] }>; filters: PublicFilters; t: Translate }) {
  return (
    <nav aria-label={t('facets.label')} className="rounded-lg border border-slate-300 bg-white p-4">
      <h2 className="text-lg font-semibold">{t('facets.heading')}</h2>
      {facets.map((facet) => {
        const values = counts[facet].counts
          .filter((c) => c.key !== null && c.count > 0)
          .sort((a, b) => (facet === 'year' ? (b.key ?? '').localeCompare(a.key ?? '') : b.count - a.count))
          .slice(0, shown);
        if (values.length === 0) return null;
        return (
          <section key={facet} className="mt-4" aria-labelledby={`facet-${facet}`}>
            <h3 id={`facet-${facet}`} className="font-medium">
              {t(`public.chart.${facet}`)}
            </h3>
            <ul className="mt-1 space-y-1 text-sm">
              {values.map((value) => {
                const chosen = isChosen(filters, facet, value.key);
                const href = chosen ? withoutHref(filters, facet, value.key) : publicListHref(filters, facet, value.key);
                return (
                  <li key={value.key} className="flex justify-between gap-3">
                    <a
                      href={href ?? '#'}
                      className={`text-blue-800 underline hover:text-blue-950 ${chosen ? 'font-semibold' : ''}`}
                      aria-current={chosen ? 'true' : undefined}
                      aria-label={chosen ? t('facets.remove', { value: value.label }) : undefined}
                    >
                      {chosen ? `✓ ${value.label}` : value.label}
                    </a>
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
