import { beforeAll, describe, expect, it } from 'vitest';
import type { PublicSource } from '@/db/schema';
import { getPublicCase, listPublicCases, publicCasesWithIncident } from '@/server/public/cases';
import { publicApiBuckets } from '@/server/public/rate-limit';
import { validateExchangeDocument } from '@/server/services/exchange/validate';
import { GET as incidentsGet } from '@/app/api/public/v1/incidents/route';
import { GET as incidentGet } from '@/app/api/public/v1/incidents/[id]/route';
import { GET as statsGet } from '@/app/api/public/v1/stats/route';
import { GET as statsCsvGet } from '@/app/api/public/v1/stats.csv/route';
import { GET as exportJsonGet } from '@/app/api/public/v1/export.json/route';
import { GET as exportCsvGet } from '@/app/api/public/v1/export.csv/route';
import { GET as openApiGet } from '@/app/api/public/v1/openapi.json/route';
import { GET as casesGet } from '@/app/api/public/v1/cases/route';
import { GET as caseGet } from '@/app/api/public/v1/cases/[id]/route';
import { canariesIn } from '../support/canary-search';
import { seedLeakCanaries, type LeakCanaries } from '../support/leak-canaries';
import { fileDatabase } from '../support/file-database';

/**
 * The public side's promise, tested as an attacker would: unique canary strings go into every
 * confidential field and every record that is not public (tests/support/leak-canaries.ts), then
 * every public API answer is read. Not one canary may appear; the published, public data must (so
 * the test cannot pass vacuously). The public pages' HTML and RSC payloads are crawled the same way,
 * on the same seed, in e2e/public-leaks.spec.ts.
 */

const { database } = fileDatabase({ publicSide: true });
let seeded: LeakCanaries;

beforeAll(async () => {
  seeded = await seedLeakCanaries(database.db);
  await publicApiBuckets.reset();
});

let requestCount = 0;
// Each request from its own address, so the rate limit (tested in public-api.test.ts) stays out of the way.
const request = (path: string) => new Request(`http://test/api/public/v1${path}`, { headers: { 'x-hrd-peer-address': `leak-test-${++requestCount}` } });
const filterSets = ['', 'from=2017', 'from=2016&to=2016', 'from=2017-05&to=2017-05', 'type=judicial_harassment', 'region=Mangystau%20Region', 'category=trade_unionist', 'perpetrator=police', 'q=detained', 'q=Canary', 'q=Aigerim', 'q=Marat', 'q=Correction', 'lang=ru'];

/** Every public API answer, as text, with the address it came from. */
async function everyPublicAnswer(): Promise<{ path: string; status: number; body: string }[]> {
  const answers: { path: string; status: number; body: string }[] = [];
  const read = async (path: string, response: Response) => answers.push({ path, status: response.status, body: await response.text() });
  for (const filters of filterSets) {
    const q = filters ? `&${filters}` : '';
    await read(`/incidents?limit=100${q}`, await incidentsGet(request(`/incidents?limit=100${q}`)));
    for (const groupBy of ['year', 'month', 'violation_type', 'region', 'defender_category', 'perpetrator_type']) {
      await read(`/stats?groupBy=${groupBy}${q}`, await statsGet(request(`/stats?groupBy=${groupBy}${q}`)));
      await read(`/stats.csv?groupBy=${groupBy}${q}`, await statsCsvGet(request(`/stats.csv?groupBy=${groupBy}${q}`)));
    }
    if (!filters.startsWith('lang')) {
      await read(`/export.json?${filters}`, await exportJsonGet(request(`/export.json?${filters}`)));
      await read(`/export.csv?${filters}`, await exportCsvGet(request(`/export.csv?${filters}`)));
    }
  }
  for (const [what, id] of Object.entries(seeded.incidents)) {
    await read(`/incidents/${id} (${what})`, await incidentGet(request(`/incidents/${id}`), { params: Promise.resolve({ id }) }));
  }
  // Cases: the list (also searched for words of what must not show), each case by id, and what the public
  // case pages and the incident pages render (the same functions; the pages themselves are crawled in e2e).
  for (const query of ['', '&q=prosecution', '&q=Aigerim', '&q=Yerlan', '&q=Canary', '&q=Dauren', '&q=Marat', '&q=Dana']) {
    await read(`/cases?limit=100${query}`, await casesGet(request(`/cases?limit=100${query}`)));
    const page = await listPublicCases({ q: query.replace('&q=', '') || undefined, cursor: null, limit: 100 });
    answers.push({ path: `public cases page ${query}`, status: 200, body: JSON.stringify(page) });
  }
  for (const [what, id] of Object.entries(seeded.cases)) {
    await read(`/cases/${id} (case ${what})`, await caseGet(request(`/cases/${id}`), { params: Promise.resolve({ id }) }));
    answers.push({ path: `public case page of ${what}`, status: 200, body: JSON.stringify(await getPublicCase(id)) });
  }
  for (const [what, id] of Object.entries(seeded.incidents)) {
    answers.push({ path: `cases on the public page of incident ${what}`, status: 200, body: JSON.stringify(await publicCasesWithIncident(id)) });
  }
  await read('/openapi.json', await openApiGet(request('/openapi.json')));
  return answers;
}

describe('the public side leaks nothing', () => {
  it('no canary in any public API answer, export or description; the published data is there', async () => {
    await publicApiBuckets.reset();
    const answers = await everyPublicAnswer();
    expect(answers.filter((a) => a.status !== 200 && !a.path.includes('(')).map((a) => `${a.path}: ${a.status}`)).toEqual([]);

    const leaks: string[] = [];
    for (const answer of answers) {
      for (const what of canariesIn(answer.body, seeded.canaries)) leaks.push(`${what} in ${answer.path}`);
    }
    expect(leaks).toEqual([]);

    // Only the two public incidents answer by id; every other id answers exactly like an unknown one.
    const byId = Object.fromEntries(answers.filter((a) => a.path.includes('(')).map((a) => [a.path.replace(/.*\((.*)\)/, '$1'), a]));
    expect(byId.published!.status).toBe(200);
    expect(byId.edited!.status).toBe(200);
    const notFound = ['draft', 'submitted', 'returned', 'approved', 'retracted', 'deleted'].map((what) => byId[what]!);
    expect(notFound.map((a) => a.status)).toEqual([404, 404, 404, 404, 404, 404]);
    expect(new Set(notFound.map((a) => a.body)).size).toBe(1);

    // Not vacuous: the public tokens (titles, summary, public person, source, publisher) are all there.
    const everything = answers.map((a) => a.body).join('\n');
    for (const token of seeded.publicTokens) expect(everything, token).toContain(token);
    expect(byId.published!.body).toContain('Protected person 1');

    // Cases alike: the two published ones answer; every other answers exactly like an unknown id.
    expect([byId['case published']!.status, byId['case edited']!.status]).toEqual([200, 200]);
    const hiddenCases = ['draft', 'submitted', 'returned', 'approved', 'retracted', 'deleted'].map((what) => byId[`case ${what}`]!);
    expect(hiddenCases.map((a) => a.status)).toEqual([404, 404, 404, 404, 404, 404]);
    expect(new Set(hiddenCases.map((a) => a.body)).size).toBe(1);
    const shownCase = JSON.parse(byId['case published']!.body) as { persons: unknown[]; timeline: { kind: string; legalEvent?: { person: string } }[] };
    expect(shownCase.persons).toEqual([{ name: 'Protected person 1', protected: true, role: 'defendant, relative of Protected person 1 and of Protected person' }]);
    expect(shownCase.timeline.flatMap((e) => (e.legalEvent ? [e.legalEvent.person] : []))).toEqual(['Protected person 1', 'Protected person 2']);
    // Of its three incidents only the published one shows; the reply follow-up of interventions is not public.
    expect(shownCase.timeline.filter((e) => e.kind === 'incident')).toHaveLength(1);
    expect(byId['case published']!.body).toContain(seeded.incidents.published);
    expect(byId['case published']!.body).not.toContain(seeded.incidents.draft);
    expect(byId['case published']!.body).not.toContain(seeded.incidents.retracted);
    expect(byId['case published']!.body).not.toContain('2017-08-30');
    expect(JSON.parse(answers.find((a) => a.path === '/cases?limit=100')!.body).cases).toHaveLength(2);
    expect(JSON.parse(answers.find((a) => a.path === 'cases on the public page of incident published')!.body)).toHaveLength(1);

    // A published incident counts where its published version is: the edited one in 2016, although its
    // unpublished edit moves it to May 2017.
    const idsAt = (path: string) => (JSON.parse(answers.find((a) => a.path === path)!.body) as { incidents: { id: string }[] }).incidents.map((i) => i.id);
    expect(idsAt('/incidents?limit=100&from=2016&to=2016')).toEqual([seeded.incidents.edited]);
    expect(idsAt('/incidents?limit=100&from=2017-05&to=2017-05')).toEqual([seeded.incidents.published]);
    expect(idsAt('/incidents?limit=100&q=Correction')).toEqual([]);

    // Source fields that name a protected person are redacted; an address that names one is left out, the others kept.
    const shownIncident = JSON.parse(byId.published!.body) as { sources: PublicSource[] };
    expect(shownIncident.sources[1]).toEqual({ title: expect.stringMatching(/^Statement Public/), publisher: 'Blog of Protected person 2', publishedOn: null, referenceCode: 'KAZ Protected person 3/2017', url: null });
    expect(shownIncident.sources[2]!.url).toMatch(/^https:\/\/hrd-news\.kz\/report\/Public[0-9a-f]+$/);
    // Addresses naming a protected person in a transliterated slug or a %-encoded declined form are left out too.
    expect(shownIncident.sources.slice(3).map((source) => [source.publisher, source.url])).toEqual([['Court of Protected person 5', null], [null, null]]);
    // A mention of a confidential victim in a source title reads as their label: no name, no token.
    expect((JSON.parse(byId.edited!.body) as { sources: PublicSource[] }).sources.map((source) => source.title)).toEqual([expect.stringMatching(/^Appeal for Protected person 1 Public/)]);
    expect(answers.filter((a) => a.body.includes('@[')).map((a) => a.path)).toEqual([]);
    const intervention = (JSON.parse(byId['case published']!.body) as { timeline: { intervention?: { referenceCode: string | null; source: PublicSource | null } }[] }).timeline.find((e) => e.intervention)!.intervention!;
    expect(intervention.referenceCode).toBe('UA KAZ Protected person');
    expect(intervention.source).toMatchObject({ referenceCode: 'Appeal for Protected person', url: null });

    const exported = JSON.parse(answers.find((a) => a.path === '/export.json?')!.body) as { incidents: unknown[] };
    expect(validateExchangeDocument(exported)).toEqual([]);
    expect(exported.incidents).toHaveLength(2);
    expect(answers.find((a) => a.path === '/export.csv?')!.body.trimEnd().split('\r\n')).toHaveLength(3);
  });
});
