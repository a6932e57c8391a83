import { describeIssues, filterQuery, publicFilters, type PublicFilters } from '@/server/public/filters';

/** The filters of a public page's address: those it knows, checked like the API's. */
export type PageSearchParams = Promise<Record<string, string | string[] | undefined>>;

const names = ['from', 'to', 'type', 'region', 'category', 'perpetrator', 'q'] as const;

export async function pageFilters(searchParams: PageSearchParams): Promise<{ filters: PublicFilters; problems: string[]; raw: Record<string, string> }> {
  const params = await searchParams;
  const raw: Record<string, string> = {};
  for (const name of names) {
    const value = params[name];
    const text = (Array.isArray(value) ? value[0] : value)?.trim();
    if (text) raw[name] = text;
  }
  const parsed = publicFilters.safeParse(raw);
  return parsed.success ? { filters: parsed.data, problems: [], raw } : { filters: {}, problems: describeIssues(parsed.error), raw };
}

/** `?from=2017&region=…` (or nothing): the filters as a query string. */
export function queryString(filters: PublicFilters, extra: Record<string, string> = {}): string {
  const params = filterQuery(filters);
  for (const [name, value] of Object.entries(extra)) params.set(name, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}
