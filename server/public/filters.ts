import 'server-only';
import { z } from 'zod';
import { hasNul } from '@/common/database-values';
import { regionCodeOf } from '@/common/regions';

/**
 * The filters shared by the public API, the exports and the dashboard, parsed from a query string.
 * Unknown parameters and malformed values are refused (400) rather than ignored, so a typo never
 * silently answers with unfiltered figures. Empty values count as absent (a GET form sends them).
 */

/** "2017", "2017-05" or "2017-05-25": a period, as the dates of incidents are known. */
const period = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** The first and last day of the period a partial date names, or null when it is not a real date. */
export function periodBounds(text: string): { first: string; last: string } | null {
  const match = period.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const month = match[2] === undefined ? null : Number(match[2]);
  const day = match[3] === undefined ? null : Number(match[3]);
  if (year < 1000 || (month !== null && (month < 1 || month > 12))) return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  const lastDay = (m: number) => new Date(Date.UTC(year, m, 0)).getUTCDate();
  if (month === null) return { first: `${match[1]}-01-01`, last: `${match[1]}-12-31` };
  if (day === null) return { first: `${match[1]}-${pad(month)}-01`, last: `${match[1]}-${pad(month)}-${pad(lastDay(month))}` };
  if (day < 1 || day > lastDay(month)) return null;
  const iso = `${match[1]}-${pad(month)}-${pad(day)}`;
  return { first: iso, last: iso };
}

/** The API's terse English for its consumers; the public pages word the same problems from codes (app/(public)/_ui/page-filters.ts). */
export const filterMessages = {
  date: 'must be a real date written YYYY, YYYY-MM or YYYY-MM-DD',
  nul: 'must not contain the invisible NUL character (U+0000)',
  code: 'must be a vocabulary code such as arbitrary_detention',
  order: '`from` must not be after `to`',
} as const;

const dateParam = z
  .string()
  .refine((value) => periodBounds(value) !== null, { message: filterMessages.date });
/** Text the public types into a search or a filter: never the NUL character, which the database refuses. */
export const publicText = (max: number) =>
  z
    .string()
    .refine((text) => !hasNul(text), { message: filterMessages.nul, abort: true })
    .max(max, `must be at most ${max} characters`);

const code = z.string().max(100).regex(/^[a-z][a-z0-9_]*$/, { message: filterMessages.code });

export const filterShape = {
  from: dateParam.optional(),
  to: dateParam.optional(),
  type: code.optional(),
  // A region's code (KZ-35), or any of its names in any language, read as its code; other text matches a region kept as written.
  region: publicText(200)
    .transform((text) => regionCodeOf(text) ?? text)
    .optional(),
  category: code.optional(),
  perpetrator: code.optional(),
  q: publicText(200).optional(),
};

// The object's check runs even when a date failed its own (zod goes on to report every problem): an unreadable date is left to that one.
export const publicFilters = z.strictObject(filterShape).refine((f) => !f.from || !f.to || (periodBounds(f.from)?.first ?? '') <= (periodBounds(f.to)?.last ?? '9999'), {
  message: filterMessages.order,
  path: ['from'],
});
export type PublicFilters = z.infer<typeof publicFilters>;

export const languages = ['en', 'ru', 'kk'] as const;
export type Language = (typeof languages)[number];

/** The query string as one value per name; a repeated name is refused (which value would count?). */
export function queryObject(params: URLSearchParams): { values: Record<string, string>; repeated: string[] } {
  const values: Record<string, string> = {};
  const repeated: string[] = [];
  for (const [name, value] of params) {
    if (name in values) repeated.push(name);
    const trimmed = value.trim();
    if (trimmed !== '') values[name] = trimmed;
  }
  return { values, repeated };
}

/** Why a query was refused, in words a person can act on: "limit: must be at most 100". */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') return `unknown parameter${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}`;
    const where = issue.path.join('.');
    return where ? `${where}: ${issue.message}` : issue.message;
  });
}

/** Keeps only the filters (for links that carry them over, such as the CSV link of a chart). */
export function filterQuery(filters: PublicFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) if (typeof value === 'string' && value !== '') params.set(name, value);
  return params;
}
