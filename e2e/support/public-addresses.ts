import { expect, type APIRequestContext } from '@playwright/test';
import { chartHeadings } from './public-dashboard';
import { readE2eState } from './server-state';

const groupings = Object.keys(chartHeadings);

/** Every public page and API address, with the ids of all published incidents and cases. */
export async function publicAddresses(request: APIRequestContext): Promise<{ pages: string[]; api: string[] }> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const response = await request.get(`/api/public/v1/incidents?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(response.status()).toBe(200);
    const body = (await response.json()) as { incidents: { id: string }[]; nextCursor: string | null };
    ids.push(...body.incidents.map((i) => i.id));
    cursor = body.nextCursor;
  } while (cursor);
  expect(ids.length).toBeGreaterThan(10);
  const { leak } = readE2eState();
  expect(ids).toEqual(expect.arrayContaining([leak.incidents.published, leak.incidents.edited]));
  const cases = await request.get('/api/public/v1/cases?limit=100');
  expect(cases.status()).toBe(200);
  const caseIds = ((await cases.json()) as { cases: { id: string }[] }).cases.map((c) => c.id);
  expect(caseIds.length).toBeGreaterThanOrEqual(6);
  expect(caseIds).toEqual(expect.arrayContaining([leak.cases.published, leak.cases.edited]));
  const filters = [
    '',
    '?from=2017&to=2017',
    '?from=2016&to=2016',
    '?region=Almaty',
    '?region=Mangystau%20Region',
    '?type=judicial_harassment',
    '?category=trade_unionist',
    '?perpetrator=police',
    '?from=2017-05&to=2017-06',
    '?q=Canary',
  ];
  // Words of what must not show: canaries, the first names of protected persons, the unpublished edit.
  const searches = ['Canary', 'Aigerim', 'Dana', 'Marat', 'Yerlan', 'Dauren', 'Correction'];
  return {
    pages: [
      '/dashboard',
      ...filters.filter(Boolean).map((f) => `/dashboard${f}`),
      '/public/incidents',
      '/public/incidents?q=Kazakhstan',
      ...searches.map((q) => `/public/incidents?q=${q}`),
      ...ids.map((id) => `/public/incidents/${id}`),
      '/public/cases',
      '/public/cases?q=Kharkova',
      ...searches.map((q) => `/public/cases?q=${q}`),
      ...caseIds.map((id) => `/public/cases/${id}`),
      '/public/open-data',
      '/public/open-data/api',
    ],
    api: [
      ...filters.map((f) => `/api/public/v1/incidents${f}`),
      ...filters.map((f) => `/api/public/v1/incidents${f ? `${f}&` : '?'}lang=ru`),
      ...groupings.flatMap((g) =>
        filters.flatMap((f) => [`/api/public/v1/stats?groupBy=${g}${f ? `&${f.slice(1)}` : ''}`, `/api/public/v1/stats.csv?groupBy=${g}${f ? `&${f.slice(1)}` : ''}`]),
      ),
      ...ids.map((id) => `/api/public/v1/incidents/${id}`),
      ...filters.flatMap((f) => [`/api/public/v1/export.json${f}`, `/api/public/v1/export.csv${f}`]),
      '/api/public/v1/cases',
      '/api/public/v1/cases?q=Abzhan',
      ...searches.map((q) => `/api/public/v1/cases?q=${q}`),
      ...caseIds.map((id) => `/api/public/v1/cases/${id}`),
      '/api/public/v1/openapi.json',
    ],
  };
}
