/**
 * The person and organization suggestions answer exactly as the query they replaced (issue 17: the
 * page is now chosen from the keys' index, not by sorting every record met). On records named in
 * Latin and Cyrillic, with aliases in the other script, names shared by several records (ties
 * broken by id), merged duplicates and a second organization, every query of both scripts gives
 * the same ids in the same order as tests/support/actor-match-before.ts, for the picker, each page
 * of the person list and the organization picker, on PostgreSQL and on the embedded database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inArray } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { documentedOrganizations, persons } from '@/db/schema';
import { searchDocumentedOrganizations, searchPersons } from '@/server/services/directory/search';
import { listPersons, personsPerPage } from '@/server/services/persons/read';
import { organizationIdsBefore, personIdsBefore } from '../support/actor-match-before';
import { createEmbeddedTestDatabase, createTestDatabase } from '../support/database';
import { createOrganization } from '../support/factories';

const first = ['Kassym', 'Nurlan', 'Aigul', 'Zhanar', 'Қасым', 'Нұрлан', 'Айгүл', 'Касым'];
const last = ['Kassymov', 'Kassymova', 'Ibraev', 'Ibraeva', 'Zhakupov', 'Nurpeisov', 'Қасымов', 'Касымова', 'Ибраев', 'Ибраевой', 'Жақыпов', 'Нұрпейісов'];
/** The other script's spelling of a last name, given to some records as an alias. */
const otherScript: Record<string, string> = { Kassymov: 'Қасымов', Ibraeva: 'Ибраева', Zhakupov: 'Жақыпов', Нұрпейісов: 'Nurpeisov', Ибраев: 'Ibraev' };

const queries = [
  ...['Қасымов', 'Kassymov', 'Касымов Нурлан', 'Nurpeisov 42', 'Жақып', 'Zhakupov', 'Ибраева', 'Ибраев', 'Ибраевой', 'Kas', 'Касым'],
  ...['Nurlan Kassym', 'Kassym Kassymov', '4', '42', 'ibr', 'КАСЫМОВ', 'Aigul Ibraeva 12', 'Нұрпейісова', 'Zhanar Zh', 'zzz', 'Bureau', 'Бюро', 'KMB', 'хабар'],
];

/** A name from the lists: one in three carries a number, the rest repeat (ties broken by id). */
const nameOf = (n: number) => `${first[(n * 7) % first.length]} ${last[(n * 11) % last.length]}${n % 3 === 0 ? ` ${n}` : ''}`;

describe.each([
  ['PostgreSQL', createTestDatabase],
  ['the embedded database', createEmbeddedTestDatabase],
])('suggestions on %s answer as before', (_driver, create) => {
  let database: Database;
  let home: string;
  let both: string[];

  beforeAll(async () => {
    database = await create();
    const { db } = database;
    home = (await createOrganization(db, 'Home NGO')).id;
    const other = (await createOrganization(db, 'Other NGO')).id;
    both = [home, other];
    const people = Array.from({ length: 400 }, (_, n) => {
      const name = nameOf(n);
      const surname = last[(n * 11) % last.length]!;
      const aliases = n % 5 === 0 && otherScript[surname] ? [`${otherScript[surname]} ${n}`] : [];
      return { organizationId: n % 7 === 0 ? other : home, ref: `person:${n}`, name, aliases };
    });
    const saved = await db.insert(persons).values(people).returning({ id: persons.id, ref: persons.ref });
    // Some duplicates merged into the record that remains: no longer offered.
    const merged = saved.filter((_, n) => n % 13 === 1).map(({ id }) => id);
    await db.update(persons).set({ mergedIntoId: saved[2]!.id, mergedAt: new Date() }).where(inArray(persons.id, merged));
    const bureaus = ['Kazakhstan Bureau for Human Rights', 'Казахстанское международное бюро', 'Хабар Media', 'Bureau of Journalists'];
    await db.insert(documentedOrganizations).values(
      Array.from({ length: 60 }, (_, n) => ({
        organizationId: n % 4 === 0 ? other : home,
        ref: `org:${n}`,
        name: `${bureaus[n % bureaus.length]}${n % 2 ? ` ${n}` : ''}`,
        acronym: n % 3 === 0 ? 'KMBPCh' : null,
        aliases: n % 5 === 0 ? ['КМБПЧ'] : [],
      })),
    );
  }, 120_000);
  afterAll(async () => {
    await database?.close();
  });

  const ids = (rows: { id: string }[]) => rows.map(({ id }) => id);

  it('the picker suggests the same persons in the same order, for one organization and for two', async () => {
    const { db } = database;
    let full = 0;
    for (const organizations of [[home], both]) {
      for (const text of queries) {
        const before = await personIdsBefore(db, organizations, text, { limit: 20 });
        expect(ids(await searchPersons(db, organizations, text)), `${text} in ${organizations.length}`).toEqual(before);
        // A short page too, so that where it ends falls among records met exactly and not.
        if (organizations.length === 1) expect(ids(await searchPersons(db, organizations, text, 7)), `${text}, 7`).toEqual(before.slice(0, 7));
        if (before.length === 20) full += 1;
      }
    }
    // The comparison means something only where the words meet more records than a page holds.
    expect(full).toBeGreaterThan(10);
  }, 180_000);

  it('every page of the person list is the same', async () => {
    const { db } = database;
    let pages = 0;
    for (const text of queries) {
      for (let page = 0; ; page += 1) {
        const before = await personIdsBefore(db, [home], text, { limit: personsPerPage + 1, offset: page * personsPerPage });
        const listed = await listPersons(db, [home], { text, page });
        expect(ids(listed.persons), `${text}, page ${page}`).toEqual(before.slice(0, personsPerPage));
        expect(listed.hasMore).toBe(before.length > personsPerPage);
        if (!listed.hasMore) break;
        pages += 1;
      }
    }
    expect(pages).toBeGreaterThan(3);
  }, 180_000);

  it('the organization picker suggests the same organizations in the same order', async () => {
    const { db } = database;
    let found = 0;
    for (const organizations of [[home], both]) {
      for (const text of queries) {
        const before = await organizationIdsBefore(db, organizations, text, { limit: 20 });
        expect(ids(await searchDocumentedOrganizations(db, organizations, text)), text).toEqual(before);
        expect(ids(await searchDocumentedOrganizations(db, organizations, text, 5)), `${text}, 5`).toEqual(before.slice(0, 5));
        if (before.length) found += 1;
      }
    }
    expect(found).toBeGreaterThan(4);
  }, 180_000);
});
