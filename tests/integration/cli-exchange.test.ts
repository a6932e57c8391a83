/**
 * `npm run import` and `npm run export` as a monitor runs them: on the app's database (DATABASE_URL
 * here), whole-file validation with pointers, idempotent by ref, progress for large files, and an
 * export that a plain JSON Schema validator accepts (not only the app's own checks).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { incidents } from '@/db/schema';
import { createTestDatabase, databaseUrlOf } from '../support/database';
import { createOrganization, createUser } from '../support/factories';

const run = promisify(execFile);
const root = path.resolve(__dirname, '../..');
const fixture = path.join(root, 'fixtures', 'kazakhstan-2017.json');

let database: Database;
let databaseUrl: string;
let folder: string;
let slug: string;
let reviewerEmail: string;

beforeAll(async () => {
  database = await createTestDatabase();
  databaseUrl = await databaseUrlOf(database.db);
  folder = mkdtempSync(path.join(os.tmpdir(), 'hrd-cli-'));
  const organization = await createOrganization(database.db);
  slug = organization.slug;
  // The fixture's published records are published on behalf of a reviewer of the organization.
  reviewerEmail = (await createUser(database.db, organization.id, 'reviewer')).email;
});
afterAll(async () => {
  rmSync(folder, { recursive: true, force: true });
  await database?.close();
});

/** The command as an operator reading `language` runs it (HRD_LANG, whatever the shell's LANG). */
async function commandIn(language: string, script: 'import' | 'export', ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', `cli/${script}.ts`, ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: databaseUrl, HRD_LANG: language },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const command = (script: 'import' | 'export', ...args: string[]) => commandIn('en', script, ...args);

const incidentCount = async () => Number((await database.db.select({ n: count() }).from(incidents))[0]!.n);
const writeJson = (name: string, value: unknown) => {
  const file = path.join(folder, name);
  writeFileSync(file, JSON.stringify(value));
  return file;
};

describe('the import and export commands', () => {
  it('import the fixture, then change nothing the second time', async () => {
    const first = await command('import', fixture, '--org', slug, '--as', reviewerEmail);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain(`into organization “${slug}” as ${reviewerEmail}`);
    expect(first.stdout).toMatch(/incidents\s+26 created, 0 updated, 0 unchanged/);
    expect(await incidentCount()).toBe(26);

    // With one organization on the database, the command needs no --org.
    const second = await command('import', fixture, '--as', reviewerEmail);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/incidents\s+0 created, 0 updated, 26 unchanged/);
    expect(await incidentCount()).toBe(26);

    // An operator who reads Kazakh reads the report in Kazakh.
    const kazakh = await commandIn('kk', 'import', fixture, '--as', reviewerEmail);
    expect(kazakh.code, kazakh.stderr).toBe(0);
    expect(kazakh.stdout).toContain(`«${slug}» ұйымына ${reviewerEmail} атынан импортталды:`);
    expect(kazakh.stdout).toMatch(/оқиғалар\s+жасалды: 0, жаңартылды: 0, өзгеріссіз: 26/);
    expect(kazakh.stdout).not.toMatch(/created|unchanged|Imported/);
  }, 120_000); // three imports of the whole fixture

  it('refuse a file with a dangling ref as a whole, naming the pointer, and change nothing', async () => {
    const doc = JSON.parse(readFileSync(fixture, 'utf8'));
    doc.incidents[3].victims[0] = { person: 'person:nobody-has-this-ref' };
    const result = await command('import', writeJson('dangling.json', doc), '--org', slug, '--as', reviewerEmail);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('The file was not imported (nothing was changed)');
    expect(result.stderr).toContain('/incidents/3/victims/0/person');
    expect(await incidentCount()).toBe(26);
    const russian = await commandIn('ru', 'import', writeJson('dangling.json', doc), '--org', slug, '--as', reviewerEmail);
    expect(russian.stderr).toContain('Файл не импортирован (ничего не изменено): проблем в нём — 1.');
    // Each problem too, at its pointer.
    expect(russian.stderr).toContain('/incidents/3/victims/0/person: В этом файле не определена запись (человек) со ссылкой «person:nobody-has-this-ref» (в «persons»)');
    expect(russian.stderr).not.toMatch(/is defined|No person/);
  }, 90_000); // the command runs twice

  it('export every record of the organization to a file that the JSON Schema accepts', async () => {
    const file = path.join(folder, 'export.json');
    const result = await command('export', file, '--org', slug);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('26 incidents');
    const exported = JSON.parse(readFileSync(file, 'utf8'));
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    const valid = ajv.validate(JSON.parse(readFileSync(path.join(root, 'exchange', 'schema.json'), 'utf8')), exported);
    expect(ajv.errors ?? [], 'schema errors').toEqual([]);
    expect(valid).toBe(true);
    expect(exported.incidents).toHaveLength(26);
    // Every record in every state: the fixture's 25 published and 1 submitted.
    const statuses = exported.incidents.map((incident: { status: string }) => incident.status);
    expect(statuses.filter((status: string) => status === 'published')).toHaveLength(25);
    expect(statuses.filter((status: string) => status === 'submitted')).toHaveLength(1);
  });

  it('say what they are doing while importing a large file', async () => {
    const doc = JSON.parse(readFileSync(fixture, 'utf8'));
    const template = doc.incidents[0];
    doc.incidents = Array.from({ length: 300 }, (_, i) => ({ ...template, ref: `inc:cli-bulk-${i}`, title: `Bulk incident ${i}` }));
    doc.cases = [];
    const result = await command('import', writeJson('large.json', doc), '--org', slug, '--as', reviewerEmail);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('Checking the whole file before writing anything');
    expect(result.stderr).toContain('250/300 incidents');
    expect(result.stderr).toContain('300/300 incidents');
    expect(result.stderr).toContain('Updating the public pages');
    expect(result.stdout).toMatch(/incidents\s+300 created/);
  });

  it('list what publication replaced in the records marked published, by JSON pointer', async () => {
    const doc = JSON.parse(readFileSync(fixture, 'utf8'));
    doc.incidents[0].summary = 'Threats against Владимира, the son of Larisa Kharkova.';
    const result = await command('import', writeJson('naming.json', doc), '--org', slug, '--as', reviewerEmail);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Publication replaced 1 protected name form(s) in the records marked published:');
    expect(result.stdout).toContain('/incidents/0/summary: "Владимира" → Protected person');
  });

  it('refuse an export of an organization that does not exist', async () => {
    const result = await command('export', path.join(folder, 'none.json'), '--org', 'no-such-ngo');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('No organization with the slug “no-such-ngo”');
  });
});
