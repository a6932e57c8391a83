/**
 * The public exports read each incident's columns as text (server/public/export-rows.ts: jsonb and
 * arrays as JSON, dates formatted by the database) and write them by the rules of export-csv.ts
 * (csvCell) and export-json.ts (JSON.stringify, the refs' digests). Awkward values, written straight
 * into the read model, come out as those rules say, on a server (one cursor in the export's snapshot)
 * and on the embedded database (a keyset per batch) alike: a formula after a no-break space, quotes
 * and line breaks, -0, a time with microseconds, unknown codes, labels with commas, a protected
 * person among named ones, a victim without categories, and names whose JSON needs escapes. The JSON
 * export's lists of referenced records are the same whether gathered while its incidents are written
 * or read again from the database (past the bound on what an export keeps).
 */
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { publicIncidents, vocabularyTerms } from '@/db/schema';
import { regionLabel } from '@/common/regions';
import { GET as exportCsvGet } from '@/app/api/public/v1/export.csv/route';
import { GET as exportJsonGet } from '@/app/api/public/v1/export.json/route';
import { setPublicDatabaseForTests } from '@/server/public/db';
import { publicExchangeChunks } from '@/server/public/export-json';
import { publicCsvChunks } from '@/server/public/export-csv';
import { writeExportTexts, writeMissingExportTexts } from '@/server/public/export-texts';
import { rowsOf } from '@/db/rows';
import { inOneSnapshot } from '@/server/public/snapshot';
import { csvRecords } from '../support/csv';
import { createEmbeddedTestDatabase, createTestDatabase } from '../support/database';

const awkward = '7e1a0c59-0000-4000-8000-000000000001';
const plain = '7e1a0c59-0000-4000-8000-000000000002';
const escapedName = 'Айгуль "Ак" Нур\\ова \u0001 😀';

/** The refs of export-json.ts, restated: the first 20 hex digits of the SHA-256 of the parts as JSON. */
const digest = (...parts: (string | null)[]) => createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 20);

for (const [driver, open] of [
  ['PostgreSQL', createTestDatabase],
  ['PGlite', createEmbeddedTestDatabase],
] as const) {
  describe(`the export lines PostgreSQL writes, on ${driver}`, () => {
    let database: Database;

    beforeAll(async () => {
      database = await open();
      const db = database.db;
      await db.insert(vocabularyTerms).values([
        { kind: 'violation_type', code: 'zz_night_raid', labels: { en: 'Night raid, with force', ru: 'Обыск, ночью', kk: 'Түнгі тінту' } },
        { kind: 'perpetrator_type', code: 'zz_court', labels: { en: 'Court', ru: 'Суд', kk: 'Сот' } },
        { kind: 'defender_category', code: 'zz_lawyer', labels: { en: 'Lawyer', ru: 'Адвокат', kk: 'Адвокат' } },
      ]);
      const common = { publisher: 'Bench NGO', country: 'KZ', defenderCategories: [] as string[], perpetratorTypes: [] as string[], legal: [], publishedVersion: 1 };
      await db.insert(publicIncidents).values([
        {
          ...common,
          incidentId: awkward,
          publisher: '@ngo',
          title: '\u00a0=HYPERLINK("x")',
          summary: 'line one\nline "two"',
          startDate: '2017-05-01',
          endDate: null,
          datePrecision: 'month',
          region: 'KZ-75',
          locality: '-Town',
          lat: 0,
          lon: 0.0001,
          locationPrecision: 'exact',
          violationTypes: ['zz_night_raid', 'zz_unknown'],
          defenderCategories: ['zz_lawyer'],
          perpetratorTypes: ['zz_court'],
          victims: [
            { kind: 'person', name: 'Protected person 1', protected: true, categories: ['zz_lawyer'] },
            { kind: 'person', name: escapedName, protected: false, categories: [] },
            { kind: 'organization', name: 'NGO; Inc' },
            { kind: 'group', name: 'Workers', count: 12, killed: null, injured: 1, categories: ['zz_lawyer'] },
            { kind: 'person', name: 'Protected person 2', protected: true, categories: [] },
          ],
          perpetrators: [
            { type: 'zz_court', name: null },
            { type: 'zz_other', name: 'Ivanov' },
          ],
          legal: [{ code: null, article: '174', title: 'Incitement "discord"' }],
          sources: [{ title: 'Report', publisher: '', publishedOn: '2017-05-02', referenceCode: null, url: 'https://example.org/r' }],
          publishedAt: new Date('2017-06-01T10:00:00.123Z'),
        },
        {
          ...common,
          incidentId: plain,
          title: 'Plain',
          summary: null,
          startDate: '2016-01-01',
          endDate: '2016-02-01',
          datePrecision: 'day',
          region: 'Baikonur',
          locality: null,
          lat: null,
          lon: null,
          locationPrecision: 'region',
          violationTypes: [],
          victims: [],
          perpetrators: [],
          sources: [],
          publishedAt: new Date('2016-03-01T00:00:00Z'),
        },
      ]);
      // What JavaScript cannot write: -0, microseconds, and a victim without categories.
      await db.execute(sql`UPDATE public_incidents SET lat = '-0'::float8, published_at = '2017-06-01 10:00:00.123789+00',
        victims = jsonb_set(victims, '{1}', (victims->1) - 'categories') WHERE incident_id = ${awkward}`);
      setPublicDatabaseForTests(db);
    }, 120_000);
    afterAll(async () => {
      setPublicDatabaseForTests(undefined);
      await database?.close();
    });

    it('writes each CSV line as csvCell would, in the language asked for', async () => {
      const response = await exportCsvGet(new Request('http://test/api/public/v1/export.csv?lang=ru'));
      expect(response.status).toBe(200);
      const text = await response.text();
      const lines = text.split('\r\n');
      expect(lines[1]).toBe(
        [
          awkward,
          `"'\u00a0=HYPERLINK(""x"")"`,
          '"line one\nline ""two"""',
          '2017-05-01',
          '',
          'month',
          'KZ',
          'KZ-75',
          regionLabel('KZ-75', 'ru'),
          "'-Town",
          '0',
          '0.0001',
          'exact',
          '"Обыск, ночью; zz_unknown"',
          'Адвокат',
          'Суд',
          `"Protected person 1; ${escapedName.replaceAll('"', '""')}; NGO; Inc; Workers; Protected person 2"`,
          'Суд; zz_other: Ivanov',
          '"Report, 2017-05-02, https://example.org/r"',
          "'@ngo",
          '2017-06-01T10:00:00.123Z',
        ].join(','),
      );
      // The plain incident: a region outside the list as written, empty cells for what it lacks.
      const records = csvRecords(text);
      expect(records).toHaveLength(3);
      expect(records[2]).toEqual([plain, 'Plain', '', '2016-01-01', '2016-02-01', 'day', 'KZ', 'Baikonur', 'Baikonur', '', '', '', 'region', '', '', '', '', '', '', 'Bench NGO', '2016-03-01T00:00:00.000Z']);
    });

    it('labels the CSV as the vocabulary reads now, and writes a changed row as it now is', async () => {
      await database.db.execute(sql`UPDATE vocabulary_terms SET labels = labels || '{"ru": "Суд, первая инстанция"}'::jsonb WHERE code = 'zz_court'`);
      await database.db.execute(sql`UPDATE public_incidents SET title = 'Plain, retitled' WHERE incident_id = ${plain}`);
      const records = csvRecords(await (await exportCsvGet(new Request('http://test/api/public/v1/export.csv?lang=ru'))).text());
      expect(records[1]![15]).toBe('Суд, первая инстанция');
      expect(records[1]![17]).toBe('Суд, первая инстанция; zz_other: Ivanov');
      expect(records[2]![1]).toBe('Plain, retitled');
      const doc = JSON.parse(await (await exportJsonGet(new Request('http://test/api/public/v1/export.json'))).text()) as { incidents: { title: string }[] };
      expect(doc.incidents[1]!.title).toBe('Plain, retitled');
    });

    it('writes each incident object as JSON.stringify would, with refs its other lists share', async () => {
      const response = await exportJsonGet(new Request('http://test/api/public/v1/export.json'));
      expect(response.status).toBe(200);
      const text = await response.text();
      const doc = JSON.parse(text) as {
        incidents: Record<string, unknown>[];
        persons: { ref: string; name: string; confidential: boolean }[];
        organizations: { ref: string; name: string }[];
        sources: { ref: string }[];
      };
      expect(doc.incidents.map((incident) => incident.ref)).toEqual([`inc:${awkward}`, `inc:${plain}`]);
      // Compact, in JavaScript's key order and escapes: the text is what JSON.stringify makes of what it holds.
      for (const incident of doc.incidents) expect(text).toContain(JSON.stringify(incident));
      expect(doc.incidents[0]).toEqual({
        ref: `inc:${awkward}`,
        title: '\u00a0=HYPERLINK("x")',
        summary: 'line one\nline "two"',
        date: { start: '2017-05-01', end: null, precision: 'month' },
        location: { country: 'KZ', region: 'KZ-75', locality: '-Town', lat: 0, lon: 0.0001, precision: 'exact' },
        violation_types: ['zz_night_raid', 'zz_unknown'],
        victims: [
          { person: `person:protected-${awkward}-1`, categories: ['zz_lawyer'] },
          { person: `person:${digest('person', escapedName)}` },
          { organization: `org:${digest('organization', 'NGO; Inc')}` },
          { group: 'Workers', count: 12, killed: null, injured: 1, categories: ['zz_lawyer'] },
          { person: `person:protected-${awkward}-2`, categories: [] },
        ],
        perpetrators: [
          { type: 'zz_court', name: null },
          { type: 'zz_other', name: 'Ivanov' },
        ],
        legal: [{ code: null, article: '174', title: 'Incitement "discord"' }],
        sources: [`source:${digest('Report', '', '2017-05-02', null, 'https://example.org/r')}`],
        status: 'published',
      });
      expect(doc.incidents[1]).toMatchObject({ summary: null, location: { region: 'Baikonur', lat: null, lon: null }, victims: [], sources: [], legal: [] });
      // Every ref an incident makes is a record of the export's other lists (made there by JavaScript).
      expect(doc.persons.map((person) => person.ref).sort()).toEqual(
        [`person:protected-${awkward}-1`, `person:protected-${awkward}-2`, `person:${digest('person', escapedName)}`].sort(),
      );
      expect(doc.persons.find((person) => person.confidential === false)?.name).toBe(escapedName);
      expect(doc.organizations).toEqual([{ ref: `org:${digest('organization', 'NGO; Inc')}`, name: 'NGO; Inc' }]);
      expect(doc.sources.map((source) => source.ref)).toEqual([`source:${digest('Report', '', '2017-05-02', null, 'https://example.org/r')}`]);
    });

    it('lists the same referenced records when they are too many to keep and are read from the database again', async () => {
      const exported = async (gatheredBound?: number) => {
        let text = '';
        for await (const chunk of inOneSnapshot((db) => publicExchangeChunks({}, db, new Date(0), gatheredBound), database.db)) text += chunk;
        return JSON.parse(text) as Record<'incidents' | 'persons' | 'organizations' | 'sources', { ref: string }[]>;
      };
      const [kept, readAgain] = [await exported(), await exported(1)];
      expect(kept.persons.length).toBe(3);
      for (const list of ['incidents', 'persons', 'organizations', 'sources'] as const) {
        const byRef = (records: { ref: string }[]) => [...records].sort((a, b) => a.ref.localeCompare(b.ref));
        expect(byRef(readAgain[list])).toEqual(byRef(kept[list]));
      }
      // Protected persons first, in the incidents' order, either way.
      expect(readAgain.persons.slice(0, 2)).toEqual(kept.persons.slice(0, 2));
    });

    it('writes the same exports from the lines a publication made as from the rows, and never serves a line made before the row changed', async () => {
      const exported = async () => {
        let csv = '';
        let json = '';
        for await (const chunk of inOneSnapshot((db) => publicCsvChunks({}, db, 'ru'), database.db)) csv += chunk;
        for await (const chunk of inOneSnapshot((db) => publicExchangeChunks({}, db, new Date(0)), database.db)) json += chunk;
        return { csv, json };
      };
      const lines = async () => rowsOf<{ id: string }>(await database.db.execute(sql`SELECT incident_id::text AS id FROM public_incident_exports ORDER BY 1`)).map((r) => r.id);
      // The rows above were written straight into the read model: the exports made every line from the row.
      expect(await lines()).toEqual([]);
      const fromRows = await exported();
      expect(await writeExportTexts(database.db, sql`TRUE`)).toBe(2);
      expect(await lines()).toEqual([awkward, plain]);
      // The name with the slots' mark (U+0001) among the victims comes out as it is.
      expect(fromRows.csv).toContain('\u0001');
      expect(await exported()).toEqual(fromRows);

      // The export streams the stored lines (a line changed in the table comes out changed)…
      await database.db.execute(sql`UPDATE public_incident_exports SET csv = replace(csv, 'Plain, retitled', 'Stored line'), json = replace(json, 'Plain, retitled', 'Stored line') WHERE incident_id = ${plain}`);
      const stored = await exported();
      expect(csvRecords(stored.csv)[2]![1]).toBe('Stored line');
      expect((JSON.parse(stored.json) as { incidents: { title: string }[] }).incidents[1]!.title).toBe('Stored line');
      // …a rewrite of the search's columns only keeps them…
      await database.db.execute(sql`UPDATE public_incidents SET search_text = search_text || ' x' WHERE incident_id = ${plain}`);
      expect(await lines()).toEqual([awkward, plain]);
      // …and any other rewrite of the row removes its lines, so the export makes them from the row as it now is.
      await database.db.execute(sql`UPDATE public_incidents SET title = 'Plain, third title' WHERE incident_id = ${plain}`);
      expect(await lines()).toEqual([awkward]);
      const fromRow = await exported();
      expect(csvRecords(fromRow.csv)[2]![1]).toBe('Plain, third title');
      expect((JSON.parse(fromRow.json) as { incidents: { title: string }[] }).incidents[1]!.title).toBe('Plain, third title');
      // What db:migrate makes after an upgrade: the lines missing, and only those.
      expect(await writeMissingExportTexts(database.db)).toBe(1);
      expect(await lines()).toEqual([awkward, plain]);
      expect(await exported()).toEqual(fromRow);
    });
  });
}
