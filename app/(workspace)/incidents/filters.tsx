import { incidentSortValues } from '@/common/inputs/incident';
import { reviewStatusEnum } from '@/db/schema';
import type { Translate } from '@/common/i18n';
import type { TermOption } from '@/app/ui/vocabulary';
import { errorClass, inputClass, labelClass, linkClass, primaryButtonClass } from '@/app/ui/styles';
import { clearIncidentFilters, filterIncidents } from '../search-actions';
import { facetFilterNames, type FilterName, type ListParams } from './list-params';
import { incidentScopeValues } from '@/common/inputs/incident-facets';

type Props = { params: ListParams; violationTypes: TermOption[]; regions: { value: string; label: string }[]; t: Translate };

const indent = (depth: number) => '\u00a0\u00a0\u00a0\u00a0'.repeat(depth);

/**
 * The filters live in the URL, so a filtered list can be bookmarked and shared, except the words:
 * they may be a protected person's name, which an address keeps in history, logs and Referer
 * headers. The form posts to a server action that keeps them in a short-lived cookie.
 */
export function IncidentFilters({ params, violationTypes, regions, t }: Props) {
  const { values, rejected } = params;
  const describedBy = (name: FilterName) => (rejected[name] ? `filter-${name}-error` : undefined);
  const problem = (name: FilterName, message: string) =>
    rejected[name] ? (
      <p id={`filter-${name}-error`} className={errorClass}>
        {message}
      </p>
    ) : null;

  return (
    <form action={filterIncidents} className="rounded-lg border border-slate-300 bg-white p-4 sm:p-5">
      <h2 className="text-lg font-semibold">{t('list.filters')}</h2>
      <div className="mt-3 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <div className="sm:col-span-2 lg:col-span-3">
          <label htmlFor="filter-text" className={labelClass}>
            {t('list.text')}
          </label>
          <input id="filter-text" name="text" type="search" defaultValue={values.text ?? ''} maxLength={200} className={`${inputClass} mt-1`} aria-describedby={describedBy('text')} aria-invalid={rejected.text ? true : undefined} />
          {problem('text', t('list.invalidValue'))}
        </div>
        <div>
          <label htmlFor="filter-status" className={labelClass}>
            {t('list.status')}
          </label>
          <select id="filter-status" name="status" defaultValue={values.status ?? ''} className={`${inputClass} mt-1`} aria-describedby={describedBy('status')} aria-invalid={rejected.status ? true : undefined}>
            <option value="">{t('list.anyStatus')}</option>
            {reviewStatusEnum.enumValues.map((status) => (
              <option key={status} value={status}>
                {t(`status.${status}`)}
              </option>
            ))}
          </select>
          {problem('status', t('list.invalidValue'))}
        </div>
        <div>
          <label htmlFor="filter-violationType" className={labelClass}>
            {t('list.violationType')}
          </label>
          <select id="filter-violationType" name="violationType" defaultValue={values.violationType ?? ''} className={`${inputClass} mt-1`} aria-describedby={describedBy('violationType')} aria-invalid={rejected.violationType ? true : undefined}>
            <option value="">{t('list.anyViolationType')}</option>
            {violationTypes.map((option) => (
              <option key={option.code} value={option.code}>
                {indent(option.depth) + option.label}
              </option>
            ))}
          </select>
          {problem('violationType', t('list.invalidValue'))}
        </div>
        <div>
          <label htmlFor="filter-region" className={labelClass}>
            {t('list.region')}
          </label>
          <select id="filter-region" name="region" defaultValue={values.region ?? ''} className={`${inputClass} mt-1`}>
            <option value="">{t('list.anyRegion')}</option>
            {regions.map((region) => (
              <option key={region.value} value={region.value}>
                {region.label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-from" className={labelClass}>
            {t('list.from')}
          </label>
          <input id="filter-from" name="from" type="date" defaultValue={values.from ?? rejected.from ?? ''} className={`${inputClass} mt-1`} aria-describedby={describedBy('from')} aria-invalid={rejected.from ? true : undefined} />
          {problem('from', t('list.invalidDate'))}
        </div>
        <div>
          <label htmlFor="filter-to" className={labelClass}>
            {t('list.to')}
          </label>
          <input id="filter-to" name="to" type="date" defaultValue={values.to ?? rejected.to ?? ''} className={`${inputClass} mt-1`} aria-describedby={describedBy('to')} aria-invalid={rejected.to ? true : undefined} />
          {problem('to', t('list.invalidDate'))}
        </div>
        <div>
          <label htmlFor="filter-scope" className={labelClass}>
            {t('list.scope')}
          </label>
          <select id="filter-scope" name="scope" defaultValue={values.scope ?? ''} className={`${inputClass} mt-1`}>
            <option value="">{t('list.anyScope')}</option>
            {incidentScopeValues.map((scope) => (
              <option key={scope} value={scope}>
                {t(`list.scope.${scope}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-sort" className={labelClass}>
            {t('list.sort')}
          </label>
          <select id="filter-sort" name="sort" defaultValue={params.input.sort} className={`${inputClass} mt-1`} aria-describedby={describedBy('sort')} aria-invalid={rejected.sort ? true : undefined}>
            {incidentSortValues.map((sort) => (
              <option key={sort} value={sort}>
                {t(`sort.${sort}`)}
              </option>
            ))}
          </select>
          {problem('sort', t('list.invalidValue'))}
        </div>
      </div>
      {/* The facets' choices ride along unchanged: the counts beside the list set and clear them. */}
      {facetFilterNames
        .filter((name) => name !== 'scope' && values[name])
        .map((name) => (
          <input key={name} type="hidden" name={name} value={values[name]} />
        ))}
      <div className="mt-4 flex flex-wrap items-center gap-4">
        <button type="submit" className={primaryButtonClass}>
          {t('list.apply')}
        </button>
        <button type="submit" formAction={clearIncidentFilters} className={linkClass}>
          {t('list.clear')}
        </button>
      </div>
    </form>
  );
}
