import type { PublicFilters } from '@/server/public/filters';
import type { Grouping } from '@/server/public/groupings';
import { queryString } from './page-filters';

/** The filter a figure's value sets on the public incident list (a month's figure is not one: null). */
export function filterFor(groupBy: Grouping, key: string | null): Partial<PublicFilters> | null {
  if (key === null || key === '') return null;
  switch (groupBy) {
    case 'year':
      return { from: key, to: key };
    case 'violation_type':
      return { type: key };
    case 'defender_category':
      return { category: key };
    case 'perpetrator_type':
      return { perpetrator: key };
    case 'region':
      return { region: key };
    case 'month':
      return null;
  }
}

/** The public incident list behind one figure: the filters in force plus that figure's value. */
export function publicListHref(filters: PublicFilters, groupBy: Grouping, key: string | null): string | null {
  const filter = filterFor(groupBy, key);
  return filter ? `/public/incidents${queryString({ ...filters, ...filter })}` : null;
}

/** Whether the filters already hold this value (a facet then offers to take it away). */
export function isChosen(filters: PublicFilters, groupBy: Grouping, key: string | null): boolean {
  const filter = filterFor(groupBy, key);
  return filter !== null && Object.entries(filter).every(([name, value]) => filters[name as keyof PublicFilters] === value);
}

/** The list without this value's filter. */
export function withoutHref(filters: PublicFilters, groupBy: Grouping, key: string | null): string {
  const filter = filterFor(groupBy, key) ?? {};
  const rest = Object.fromEntries(Object.entries(filters).filter(([name]) => !(name in filter))) as PublicFilters;
  return `/public/incidents${queryString(rest)}`;
}
