import Link from 'next/link';
import type { Locale, Translate } from '@/common/i18n';
import { regionLabel } from '@/common/regions';
import { linkClass } from '@/app/ui/styles';
import { termLabeller, type Term } from '@/app/ui/vocabulary';
import type { WorkspaceFacetName } from '@/server/services/incidents/facets';
import { listHref, type ListParams } from './list-params';

/** A facet value in words: a term's label, a status, a person's name, a region's name; a year as itself. */
export function facetLabeller(terms: Term[], locale: Locale, t: Translate) {
  const types = termLabeller(terms, 'violation_type', locale);
  const categories = termLabeller(terms, 'defender_category', locale);
  const perpetrators = termLabeller(terms, 'perpetrator_type', locale);
  return (facet: WorkspaceFacetName, key: string, label: string | null): string => {
    switch (facet) {
      case 'status':
        return t(`status.${key}` as Parameters<Translate>[0]);
      case 'violationType':
        return types(key);
      case 'category':
        return categories(key);
      case 'perpetrator':
        return perpetrators(key);
      case 'author':
        return label ?? key;
      case 'region':
        return regionLabel(key, locale);
      default:
        return key;
    }
  };
}

/** The narrowings that have no field of their own (a person's or a case's incidents), each with a way back. */
export function NarrowedBy({ values, filters, t }: { values: ListParams['values']; filters: ListParams['values']; t: Translate }) {
  const shown = (['person', 'case'] as const).filter((name) => values[name]);
  if (shown.length === 0) return null;
  return (
    <ul className="mt-4 flex flex-wrap gap-4" aria-label={t('list.narrowedBy')}>
      {shown.map((name) => (
        <li key={name} className="rounded-md border border-slate-400 bg-white px-3 py-1">
          {t(`list.narrowed.${name}`)}{' '}
          <Link href={listHref({ ...filters, cursor: undefined, [name]: undefined })} className={linkClass}>
            {t('list.narrowed.remove')}
          </Link>
        </li>
      ))}
    </ul>
  );
}
