import { type IncidentListInput, incidentListInput } from '@/common/inputs/incident';

/** The facet filters (links from the facet counts, and person, case, author and whose entries): ids and codes, never words. */
export const facetFilterNames = ['category', 'perpetrator', 'year', 'person', 'case', 'author', 'scope'] as const;

/** The list's filters as they appear in the URL; the names are the procedure's input names. */
export const filterNames = ['status', 'violationType', 'region', 'from', 'to', 'text', 'sort', ...facetFilterNames] as const;
export type FilterName = (typeof filterNames)[number];
type ParamName = FilterName | 'cursor';

export type ListParams = {
  /** The accepted values, as written (for the form and the links). */
  values: Partial<Record<ParamName, string>>;
  /** Values that were given but not understood: shown beside their field, not applied. */
  rejected: Partial<Record<FilterName, string>>;
  /** The input for `incident.list`. */
  input: IncidentListInput;
};

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * Reads the filters from the query string one by one with the procedure's own schema, so a bad
 * value (a hand-edited URL, an impossible date) is set aside instead of failing the page.
 */
export function parseListParams(searchParams: SearchParams, limit: number): ListParams {
  const values: ListParams['values'] = {};
  const rejected: ListParams['rejected'] = {};
  const names: ParamName[] = [...filterNames, 'cursor'];
  for (const name of names) {
    const raw = searchParams[name];
    const text = (Array.isArray(raw) ? raw[0] : raw)?.trim();
    if (!text) continue;
    if (incidentListInput.shape[name].safeParse(text).success) values[name] = text;
    else if (name !== 'cursor') rejected[name] = text;
  }
  const input = incidentListInput.parse({ ...values, limit });
  return { values, rejected, input };
}

/** A list URL with these values (empty ones left out). */
export function listHref(values: Partial<Record<ParamName, string>>): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) if (value) query.set(name, value);
  const text = query.toString();
  return text ? `/incidents?${text}` : '/incidents';
}

/** The list URL a submitted filter form asks for, without the words (they travel in a cookie: ../search-cookie.ts). */
export function incidentFilterHref(form: FormData): string {
  const values: Partial<Record<ParamName, string>> = {};
  for (const name of filterNames) {
    const value = form.get(name);
    if (name !== 'text' && typeof value === 'string' && value.trim()) values[name] = value.trim();
  }
  return listHref(values);
}
