import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { demoAccounts } from '../server/services/demo/accounts';
import { canariesIn } from '../tests/support/canary-search';
import { seriousViolations } from './support/axe';
import { publicAddresses } from './support/public-addresses';
import { readE2eState } from './support/server-state';

/**
 * A crawl of every public page (HTML and RSC payload) and API answer for anything that must never be
 * public (the demo's secrets, and the canaries that e2e/support/server.ts plants through
 * tests/support/leak-canaries.ts); then axe-core on every public page.
 */

type Fixture = {
  persons: { name: string; confidential?: boolean; role_note?: string | null }[];
  incidents: { title: string; summary?: string | null; status?: string }[];
};
const fixture = JSON.parse(readFileSync(path.join(__dirname, '..', 'fixtures', 'kazakhstan-2017.json'), 'utf8')) as Fixture;

/** What must never appear publicly in the seeded demo (see server/services/demo/{accounts,workflow}.ts). */
const secrets = [
  ...fixture.persons.filter((p) => p.confidential).flatMap((p) => [p.name, p.role_note ?? '']),
  ...fixture.incidents.filter((i) => i.status !== 'published').flatMap((i) => [i.title, i.summary ?? '']),
  ...demoAccounts.flatMap((a) => [a.name, a.email]),
  'Foreign Policy website blocked in Kazakhstan', // unpublished corrections waiting for review
  'Journalist Zhanbolat Mamay beaten in pre-trial detention in Almaty',
  'Please cite the source that describes the beating', // a reviewer's comment
  'Trade unionist charged with inciting discord', // drafts logged by the monitor spec, when it ran first
  'Prosecution of Mahkambet Abzhan', // a case submitted for review, never published (server/services/demo/publish-cases.ts)
  'Fraud investigation of the head of Shanyrak',
  'Prosecution of the Mangystau union leaders', // cases the monitor spec builds, when it ran first
].filter((text) => text.length > 3);

test('no public page, RSC payload or API answer holds anything confidential or unpublished', async ({ request }) => {
  test.setTimeout(240_000);
  const { leak } = readE2eState();
  const canaries = Object.entries(leak.canaries);
  expect(canaries.length).toBeGreaterThan(40);
  const { pages, api } = await publicAddresses(request);
  const hidden = (kind: 'incidents' | 'cases') =>
    (['draft', 'submitted', 'returned', 'approved', 'retracted', 'deleted'] as const).map((state) => ({ state, id: leak[kind][state] }));
  const leaks: string[] = [];
  const bodies: string[] = [];
  const check = (address: string, body: string) => {
    for (const secret of secrets) if (body.includes(secret)) leaks.push(`"${secret}" in ${address}`);
    for (const what of canariesIn(body, leak.canaries)) leaks.push(`canary of ${what} in ${address}`);
    bodies.push(body);
  };
  const readPage = async (address: string, status: number) => {
    const html = await request.get(address);
    expect(html.status(), address).toBe(status);
    expect(html.headers()['content-type'], address).toMatch(/^text\/html/);
    check(address, await html.text());
    // The same page as the client router fetches it: the RSC payload, never HTML a second time.
    const rscAddress = `${address}${address.includes('?') ? '&' : '?'}_rsc=1`;
    const rsc = await request.get(rscAddress, { headers: { RSC: '1' } });
    // A page that is not found says so inside its payload; the payload itself answers 200.
    if (status === 200) expect(rsc.status(), rscAddress).toBe(200);
    expect(rsc.headers()['content-type'], rscAddress).toMatch(/^text\/x-component/);
    check(`${rscAddress} (RSC)`, await rsc.text());
  };
  for (const address of pages) await readPage(address, 200);
  // What is not public answers like an address that never existed, and says nothing either.
  for (const { id } of hidden('incidents')) await readPage(`/public/incidents/${id}`, 404);
  for (const { id } of hidden('cases')) await readPage(`/public/cases/${id}`, 404);
  for (const address of api) {
    const response = await request.get(address, { headers: { 'x-forwarded-for': `e2e-crawl-${address}` } });
    expect(response.status(), address).toBe(200);
    check(address, await response.text());
  }
  const notFound = new Set<string>();
  for (const [kind, list] of [['incidents', hidden('incidents')], ['cases', hidden('cases')]] as const) {
    for (const { id } of list) {
      const address = `/api/public/v1/${kind}/${id}`;
      const response = await request.get(address, { headers: { 'x-forwarded-for': `e2e-crawl-${address}` } });
      expect(response.status(), address).toBe(404);
      const body = await response.text();
      check(address, body);
      notFound.add(body);
    }
  }
  expect(notFound.size).toBe(2); // one answer for every hidden incident, one for every hidden case

  expect(leaks).toEqual([]);
  // Not vacuous: published names and titles are there, protected persons as their label, and every
  // public token of the canary organization's published records.
  const publicText = bodies.join('\n');
  expect(publicText).toContain('Zhanbolat Mamay');
  expect(publicText).toContain('Protected person 1');
  expect(publicText).toContain('Demo Human Rights Centre');
  const missing = leak.publicTokens.filter((token) => !publicText.includes(token));
  expect(missing).toEqual([]);
});

test('every public page passes axe-core without serious or critical violations', async ({ page, request }) => {
  // Every page: each published incident and case too, not a sample (about half a second each).
  test.setTimeout(300_000);
  const { pages } = await publicAddresses(request);
  const problems: string[] = [];
  for (const address of pages) {
    await page.goto(address);
    problems.push(...(await seriousViolations(page)));
  }
  expect(problems).toEqual([]);
  expect(pages.filter((p) => p.startsWith('/public/incidents/')).length).toBeGreaterThan(25);
});
