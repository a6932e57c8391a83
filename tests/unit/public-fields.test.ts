import { describe, expect, it } from 'vitest';
import { getTableColumns, getTableName, is, Table } from 'drizzle-orm';
import * as schema from '@/db/schema';
import { declaredTables, publicReadModelTables, workspaceOnlyTables } from '@/server/services/publishing/public-fields';
import { projectFields } from '@/server/services/publishing/project-fields';
import { incidentFields, sourceFields } from '@/server/services/publishing/public-fields';
import { nameDetector } from '@/server/services/publishing/redact-names';

/**
 * The one list of what may leave the workspace (server/services/publishing/public-fields.ts) must
 * say something of every column: a column added to the schema without a decision fails here, before
 * anyone has to remember to redact it.
 */
const tables: Table[] = Object.values(schema as Record<string, unknown>).filter((value): value is Table => is(value, Table));

describe('the declaration of public fields', () => {
  it('classifies every column of every table of the schema', () => {
    const undecided: string[] = [];
    for (const table of tables) {
      const name = getTableName(table);
      if (publicReadModelTables.includes(name) || name in workspaceOnlyTables) continue;
      const declaration = declaredTables[name];
      if (!declaration) {
        undecided.push(`${name} (the whole table)`);
        continue;
      }
      for (const column of Object.keys(getTableColumns(table))) {
        const out = column in declaration.out;
        const kept = (declaration.workspaceOnly as readonly string[]).includes(column);
        if (out === kept) undecided.push(`${name}.${column}${out ? ' (declared both ways)' : ''}`);
      }
    }
    expect(undecided).toEqual([]);
    expect(tables.length).toBeGreaterThan(20);
  });

  it('declares no column that the schema does not have', () => {
    const byName = new Map(tables.map((table) => [getTableName(table), table]));
    const unknown = Object.entries(declaredTables).flatMap(([name, declaration]) => {
      const table = byName.get(name);
      if (!table) return [name];
      const columns = new Set(Object.keys(getTableColumns(table)));
      return [...Object.keys(declaration.out), ...declaration.workspaceOnly].filter((column) => !columns.has(column)).map((column) => `${name}.${column}`);
    });
    expect(unknown).toEqual([]);
  });
});

describe('projecting fields through the declaration', () => {
  const detector = nameDetector([{ name: 'Larisa Kharkova', label: 'Protected person 1' }]);

  it('redacts free text and places, generalizes coordinates and drops an address that names someone', () => {
    const shown = projectFields(
      'incidents',
      incidentFields,
      { title: 'Kharkova convicted', region: 'Kharkova district', locality: 'Larisa street', lat: 43.123456, lon: 52.987654, locationPrecision: 'locality' as const, country: 'KZ' },
      { detector },
    );
    expect(shown).toEqual({ title: 'Protected person 1 convicted', region: 'Protected person 1 district', locality: 'Protected person 1 street', lat: 43.12, lon: 52.99, locationPrecision: 'locality', country: 'KZ' });
    const vague = projectFields('incidents', incidentFields, { locality: 'Zhanaozen', lat: 43.1, lon: 52.9, locationPrecision: 'region' as const }, { detector });
    expect(vague).toEqual({ locality: null, lat: null, lon: null, locationPrecision: 'region' });

    const source = projectFields('sources', sourceFields, { title: 'Report', url: 'https://news.kz/larisa-kharkova-sentenced?ref=1' }, { detector });
    expect(source).toEqual({ title: 'Report', url: null });
    expect(projectFields('sources', sourceFields, { url: 'https://news.kz/report' }, { detector })).toEqual({ url: 'https://news.kz/report' });
  });

  it('leaves out a field that is not declared, whatever the caller passes', () => {
    const row = { title: 'Report', ref: 'larisa-kharkova-2017', reliability: 'A' } as unknown as { title: string };
    expect(projectFields('sources', sourceFields, row, { detector })).toEqual({ title: 'Report' });
  });

  it('tells the preview what every text became', () => {
    const seen: unknown[] = [];
    projectFields('incidents', incidentFields, { title: 'Larisa Kharkova detained' }, { detector, record: (entry) => seen.push(entry) });
    expect(seen).toEqual([
      { field: 'incidents.title', original: 'Larisa Kharkova detained', shown: 'Protected person 1 detained', replacements: [{ start: 0, end: 15, found: 'Larisa Kharkova', label: 'Protected person 1' }] },
    ]);
  });
});
