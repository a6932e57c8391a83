import type { z } from 'zod';
import type { MessageKey, Translate } from '@/common/i18n';
import { sayProblem, type Problem } from '@/common/i18n/problems';
import { filterMessages, filterQuery, publicFilters, type PublicFilters } from '@/server/public/filters';

/** The filters of a public page's address: those it knows, checked like the API's. */
export type PageSearchParams = Promise<Record<string, string | string[] | undefined>>;

const names = ['from', 'to', 'type', 'region', 'category', 'perpetrator', 'q'] as const;
type FilterName = (typeof names)[number];

/** A filter the page set aside, and why: worded in the visitor's language (the API says it in English). */
export type FilterProblem = { filter: FilterName | null; problem: Problem };

const labels: Record<FilterName, MessageKey> = {
  from: 'public.filters.from',
  to: 'public.filters.to',
  type: 'public.filters.type',
  region: 'public.filters.region',
  category: 'public.filters.category',
  perpetrator: 'public.filters.perpetrator',
  q: 'public.filters.words',
};

function problemOf(issue: z.core.$ZodIssue): FilterProblem {
  const filter = (names as readonly PropertyKey[]).includes(issue.path[0]!) ? (issue.path[0] as FilterName) : null;
  if (issue.code === 'too_big') return { filter, problem: { code: 'field.tooLong', params: { maximum: Number(issue.maximum) } } };
  if (issue.message === filterMessages.nul) return { filter, problem: { code: 'text.controlCharacter' } };
  if (issue.message === filterMessages.order) return { filter, problem: { code: 'date.endBeforeStart' } };
  if (issue.message === filterMessages.date) return { filter, problem: { code: 'publicFilter.date' } };
  if (issue.message === filterMessages.code) return { filter, problem: { code: 'field.choose' } };
  return { filter, problem: { code: 'field.invalid' } };
}

/** "Words: Contains an invisible control character…", in the visitor's language. */
export function sayFilterProblem(t: Translate, { filter, problem }: FilterProblem): string {
  const words = sayProblem(t, problem.code, problem.params);
  return filter ? `${t(labels[filter])}: ${words}` : words;
}

export async function pageFilters(searchParams: PageSearchParams): Promise<{ filters: PublicFilters; problems: FilterProblem[]; raw: Record<string, string> }> {
  const params = await searchParams;
  const raw: Record<string, string> = {};
  for (const name of names) {
    const value = params[name];
    const text = (Array.isArray(value) ? value[0] : value)?.trim();
    if (text) raw[name] = text;
  }
  const parsed = publicFilters.safeParse(raw);
  return parsed.success ? { filters: parsed.data, problems: [], raw } : { filters: {}, problems: parsed.error.issues.map(problemOf), raw };
}

/** `?from=2017&region=…` (or nothing): the filters as a query string. */
export function queryString(filters: PublicFilters, extra: Record<string, string> = {}): string {
  const params = filterQuery(filters);
  for (const [name, value] of Object.entries(extra)) params.set(name, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}
