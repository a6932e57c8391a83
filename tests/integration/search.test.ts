/**
 * Search across scripts and word forms, on PostgreSQL and on the embedded database alike, on data
 * the code was not written for: the demo fixture (Latin script) plus records of our own in Cyrillic,
 * a protected person and a draft. The public search must meet a record written in the other script,
 * a Kazakh spelling from a Russian one and an inflected Russian word from another form, while a
 * draft's words and a protected name find nothing; the workspace finds what its members may read.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { setPublicDatabaseForTests } from '@/server/public/db';
import { listPublicIncidents } from '@/server/public/incidents';
import { publicStats } from '@/server/public/stats';
import { importExchangeDocument } from '@/server/services/exchange/import';
import { createEmbeddedTestDatabase, createTestDatabase } from '../support/database';
import { anIncident, callerFor, createOrganization, createUser } from '../support/factories';

type Fixture = { persons: unknown[]; incidents: Record<string, unknown>[] };

/** The fixture and three records of ours. */
function document(): Fixture {
  const fixture = JSON.parse(readFileSync('fixtures/kazakhstan-2017.json', 'utf8')) as Fixture;
  const incident = (ref: string, title: string, summary: string, status: string, victims: unknown[]) => ({
    ref,
    title,
    summary,
    date: { start: '2018-03-12', end: null, precision: 'day' },
    location: { country: 'KZ', region: 'South Kazakhstan Region', locality: null, lat: null, lon: null, precision: 'region' },
    violation_types: ['arbitrary_detention'],
    victims,
    perpetrators: [{ type: 'police', name: null }],
    legal: [],
    sources: [],
    status,
  });
  fixture.persons.push(
    { ref: 'person:zhanuzakov', name: 'Серикбол Жанұзақов', gender: 'male', categories: ['journalist'], affiliations: [], confidential: true },
    { ref: 'person:omarov', name: 'Kassym Omarov', gender: 'male', categories: ['trade_unionist'], affiliations: [], confidential: false },
  );
  fixture.incidents.push(
    incident('inc:search-cyrillic', 'Задержание журналиста в Шымкенте', 'Полиция задержала журналиста Серикбола Жанұзақова у здания суда.', 'published', [{ person: 'person:zhanuzakov' }]),
    incident('inc:search-latin', 'Trade unionist detained', 'Kassym Omarov was held for two days after a strike.', 'published', [{ person: 'person:omarov' }]),
    incident('inc:search-draft', 'Zeppelin inspection notes', 'Not yet reviewed: zeppelin hangar visit.', 'draft', []),
  );
  return fixture;
}

describe.each([
  ['PostgreSQL', createTestDatabase],
  ['the embedded database', createEmbeddedTestDatabase],
])('search on %s', (_driver, create) => {
  let database: Database;
  let monitorId: string;
  let outsiderId: string;
  let organizationId: string;

  beforeAll(async () => {
    database = await create();
    const ngo = await createOrganization(database.db, 'Kazakhstan Bureau');
    organizationId = ngo.id;
    const admin = await createUser(database.db, ngo.id, 'admin');
    monitorId = (await createUser(database.db, ngo.id, 'monitor')).id;
    outsiderId = (await createUser(database.db, (await createOrganization(database.db)).id, 'monitor')).id;
    await importExchangeDocument(database.db, document(), { organizationId: ngo.id, actingUserId: admin.id });
    setPublicDatabaseForTests(database.db);
  }, 120_000);
  afterAll(async () => {
    setPublicDatabaseForTests(undefined);
    await database?.close();
  });

  const publicTitles = async (q: string) =>
    (await listPublicIncidents({ filters: { q }, cursor: null, limit: 100, lang: 'en' }, database.db)).incidents.map((incident) => incident.title);

  it('publicly, a Cyrillic query finds Latin-script records and a Latin query finds Cyrillic ones', async () => {
    const cyrillic = await publicTitles('Шымкент');
    expect(cyrillic).toContain('Court orders liquidation of KNPRK');
    expect(cyrillic).toContain('Задержание журналиста в Шымкенте');
    expect((await publicTitles('Shymkent')).sort()).toEqual([...cyrillic].sort());
    expect(await publicTitles('Kharkova')).toEqual(await publicTitles('Харьковой'));
    expect((await publicTitles('Харьковой')).length).toBeGreaterThan(2);
  });

  it('publicly, a Kazakh spelling finds a Russian or Latin one, and an inflected Russian word another form of it', async () => {
    expect(await publicTitles('Қасым')).toEqual(['Trade unionist detained']);
    expect(await publicTitles('Касым')).toEqual(['Trade unionist detained']);
    expect(await publicTitles('задержания')).toContain('Задержание журналиста в Шымкенте');
    expect(await publicTitles('задержал')).toContain('Задержание журналиста в Шымкенте');
  });

  it('publicly, a draft’s words and a protected name find nothing', async () => {
    expect(await publicTitles('zeppelin')).toEqual([]);
    expect(await publicTitles('Жанұзақов')).toEqual([]);
    expect(await publicTitles('Zhanuzakov')).toEqual([]);
    expect(await publicTitles('Серикбол')).toEqual([]);
    // A protected person of the fixture, by a word of the description that stands for their name.
    expect(await publicTitles('Vladimir')).toEqual([]);
    const stats = await publicStats('year', { q: 'zeppelin' }, 'en', database.db);
    expect(stats.total).toBe(0);
  });

  it('publicly, ranks title matches first and marks the words found in a snippet', async () => {
    const page = await listPublicIncidents({ filters: { q: 'Харькова' }, cursor: null, limit: 100, lang: 'en' }, database.db);
    const inTitle = page.incidents.map((incident) => /Kharkova/.test(incident.title));
    expect(inTitle.indexOf(false)).toBeGreaterThan(0);
    expect(inTitle.slice(inTitle.indexOf(false))).not.toContain(true);
    const hits = page.incidents.flatMap((incident) => (incident.snippet ?? []).filter((s) => s.hit).map((s) => s.text));
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) expect(hit).toMatch(/^Kharkova/);
  });

  it('publicly, pages of a ranked search neither repeat nor skip', async () => {
    const all = await listPublicIncidents({ filters: { q: 'Kharkova' }, cursor: null, limit: 100, lang: 'en' }, database.db);
    const seen: string[] = [];
    let cursor = null;
    for (;;) {
      const page: Awaited<ReturnType<typeof listPublicIncidents>> = await listPublicIncidents({ filters: { q: 'Kharkova' }, cursor, limit: 2, lang: 'en' }, database.db);
      seen.push(...page.incidents.map((incident) => incident.id));
      if (!page.nextCursor) break;
      const { decodeCursor } = await import('@/server/public/incidents');
      cursor = decodeCursor(page.nextCursor);
    }
    expect(seen).toEqual(all.incidents.map((incident) => incident.id));
  });

  it('in the workspace, a member finds a protected person typed in the other script; another organization does not', async () => {
    const monitor = await callerFor(database.db, monitorId);
    const found = await monitor.incident.list({ text: 'Zhanuzakov' });
    expect(found.items.map((item) => item.title)).toEqual(['Задержание журналиста в Шымкенте']);
    expect(found.items[0]!.snippet?.find((s) => s.hit)?.text).toBe('Жанұзақова');
    expect((await monitor.incident.list({ text: 'zeppelin' })).items.map((item) => item.title)).toEqual(['Zeppelin inspection notes']);
    // Workspace text beyond the public one: perpetrators and sources are searched too.
    expect((await monitor.incident.list({ text: 'Шымкент', limit: 100 })).items.length).toBeGreaterThanOrEqual((await publicTitles('Shymkent')).length);
    const outsider = await callerFor(database.db, outsiderId);
    expect((await outsider.incident.list({ text: 'Zhanuzakov' })).items).toEqual([]);
  });

  it('in the workspace, a new incident and an edit are searchable at once, in either script', async () => {
    const monitor = await callerFor(database.db, monitorId);
    const { id } = await monitor.incident.create({ organizationId, incident: anIncident({ title: 'Дирижабль над Бурабаем' }) });
    expect((await monitor.incident.list({ text: 'Dirizhabl' })).items.map((item) => item.id)).toEqual([id]);
    await monitor.incident.update({ id, version: 1, incident: anIncident({ title: 'Аэростат над Бурабаем' }) });
    expect((await monitor.incident.list({ text: 'дирижабля' })).items).toEqual([]);
    expect((await monitor.incident.list({ text: 'aerostat' })).items.map((item) => item.id)).toEqual([id]);
  });

  it('suggests persons across scripts and spellings, with their number of incidents', async () => {
    const monitor = await callerFor(database.db, monitorId);
    const suggest = async (text: string) => (await monitor.directory.persons({ organizationId, text })).map((p) => [p.name, p.incidents]);
    expect(await suggest('Елеусинов')).toContainEqual(['Amin Eleusinov', expect.any(Number)]);
    expect((await suggest('Елеусинов'))[0]![1]).toBeGreaterThan(0);
    expect(await suggest('Кушакбаев')).toContainEqual(['Nurbek Kushakbaev', expect.any(Number)]);
    expect((await suggest('Жанұз')).map(([name]) => name)).toEqual(['Серикбол Жанұзақов']);
    expect((await suggest('Zhanuzakov')).map(([name]) => name)).toEqual(['Серикбол Жанұзақов']);
    expect((await suggest('Касым')).map(([name]) => name)).toEqual(['Kassym Omarov']);
    const listed = await monitor.person.list({ organizationId, text: 'Харькова' });
    expect(listed.persons.map((p) => p.name)).toContain('Larisa Kharkova');
    const orgs = await monitor.directory.organizations({ organizationId, text: 'КНПРК' });
    expect(orgs.map((o) => o.acronym)).toContain('KNPRK');
  });
});
