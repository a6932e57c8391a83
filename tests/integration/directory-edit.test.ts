/**
 * Correcting persons, documented organizations and sources after they were saved: who may, what the
 * history and the audit log keep, a stale edit refused, and a person marked confidential after
 * publication gone from every public surface in the same transaction.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { auditLog, directoryVersions, incidentSources, incidentVictims, publicCases, publicIncidents, sources } from '@/db/schema';
import { setPublicDatabaseForTests } from '@/server/public/db';
import { publicApiBuckets } from '@/server/public/rate-limit';
import { GET as incidentGet } from '@/app/api/public/v1/incidents/[id]/route';
import { GET as caseGet } from '@/app/api/public/v1/cases/[id]/route';
import { GET as exportJsonGet } from '@/app/api/public/v1/export.json/route';
import { GET as exportCsvGet } from '@/app/api/public/v1/export.csv/route';
import { createTestDatabase } from '../support/database';
import { anIncident, callerFor, createOrganization, createUser, seedVocabulary } from '../support/factories';

type Caller = Awaited<ReturnType<typeof callerFor>>;
let database: Database;
let ngo: { id: string };
let author: Caller;
let colleague: Caller;
let reviewer: Caller;
let secondReviewer: Caller;
let outsider: Caller;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedVocabulary(database.db);
  ngo = await createOrganization(database.db, 'Kazakhstan Bureau');
  const other = await createOrganization(database.db);
  author = await callerFor(database.db, (await createUser(database.db, ngo.id, 'monitor')).id);
  colleague = await callerFor(database.db, (await createUser(database.db, ngo.id, 'monitor')).id);
  reviewer = await callerFor(database.db, (await createUser(database.db, ngo.id, 'reviewer')).id);
  secondReviewer = await callerFor(database.db, (await createUser(database.db, ngo.id, 'reviewer')).id);
  outsider = await callerFor(database.db, (await createUser(database.db, other.id, 'reviewer')).id);
  setPublicDatabaseForTests(database.db);
});
afterAll(async () => {
  setPublicDatabaseForTests(undefined);
  await database?.close();
});

async function codeOf(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
    return 'ok';
  } catch (error) {
    return error instanceof TRPCError ? error.code : `crash: ${String(error)}`;
  }
}

/** A draft by the author naming a new person and citing a new source; returns the ids. */
async function draftNaming(name: string, options: { confidential?: boolean; title?: string; url?: string } = {}) {
  const { id } = await author.incident.create({
    organizationId: ngo.id,
    incident: anIncident({
      title: options.title ?? `${name} detained after the strike`,
      summary: `Police detained ${name} at home.`,
      victims: [{ kind: 'newPerson', person: { name, categories: ['trade_unionist'], confidential: options.confidential ?? false } }],
      sources: [{ kind: 'newSource', source: { title: `Statement on ${name}`, url: options.url ?? 'https://example.org/statement-1', reliability: 'B' } }],
    }),
  });
  const [victim] = await database.db.select({ personId: incidentVictims.personId }).from(incidentVictims).where(eq(incidentVictims.incidentId, id));
  const [cited] = await database.db.select({ sourceId: incidentSources.sourceId }).from(incidentSources).where(eq(incidentSources.incidentId, id));
  return { incidentId: id, personId: victim!.personId!, sourceId: cited!.sourceId };
}

async function publish(id: string, version: number) {
  let v = (await author.review.submit({ id, version })).version;
  v = (await reviewer.review.approve({ id, version: v })).version;
  return (await reviewer.review.publish({ id, version: v })).version;
}

const personFields = (name: string, more: Partial<{ confidential: boolean; aliases: string[]; roleNote: string }> = {}) => ({
  name,
  categories: ['trade_unionist'],
  confidential: false,
  ...more,
});

describe('editing a person', () => {
  it('lets the monitor who entered a person correct them until the incident goes to review; then only a reviewer', async () => {
    const { incidentId, personId } = await draftNaming('Erzhan Elshibaev');
    expect(await codeOf(() => colleague.person.update({ id: personId, version: 1, fields: personFields('Erzhan Yelshibayev') }))).toBe('FORBIDDEN');
    expect(await codeOf(() => outsider.person.update({ id: personId, version: 1, fields: personFields('Erzhan Yelshibayev') }))).toBe('NOT_FOUND');
    expect(await codeOf(() => reviewer.person.update({ id: crypto.randomUUID(), version: 1, fields: personFields('Nobody') }))).toBe('NOT_FOUND');

    const saved = await author.person.update({ id: personId, version: 1, fields: personFields('Yerzhan Elshibaev', { aliases: ['Ержан Елшибаев', ''] }) });
    expect(saved.version).toBe(2);
    // Someone who still has version 1 open is told to reload, not allowed to write over the correction.
    const stale = await codeOf(() => reviewer.person.update({ id: personId, version: 1, fields: personFields('Erzhan Elshibaev') }));
    expect(stale).toBe('CONFLICT');
    expect(await codeOf(() => author.person.update({ id: personId, version: 2, fields: personFields('Yerzhan Elshibaev', { aliases: ['Ержан Елшибаев'] }) }))).toBe('BAD_REQUEST');

    const page = await author.person.get({ id: personId });
    expect(page.person.name).toBe('Yerzhan Elshibaev');
    expect(page.editing.aliases).toEqual(['Ержан Елшибаев']);
    expect(page.editing.canEdit).toBe(true);
    expect(page.editing.canReveal).toBe(false);
    // The history keeps what was corrected: the state before the first edit, then the edit.
    expect(page.editing.edits.map((e) => [e.version, e.savedVia])).toEqual([
      [2, 'edit'],
      [1, 'before-edit'],
    ]);
    expect(page.editing.edits[0]!.changes.map((c) => c.field)).toEqual(['name', 'aliases']);
    const [audit] = await database.db.select().from(auditLog).where(and(eq(auditLog.action, 'person.update'), eq(auditLog.subjectId, personId)));
    expect(audit!.details).toMatchObject({ version: 2, changed: ['name', 'aliases'] });
    // The audit log says which fields changed, never a name.
    expect(JSON.stringify(audit!.details)).not.toContain('Elshibaev');

    await author.review.submit({ id: incidentId, version: 1 });
    expect(await codeOf(() => author.person.update({ id: personId, version: 2, fields: personFields('Erzhan Elshibaev') }))).toBe('FORBIDDEN');
    expect((await author.person.get({ id: personId })).editing.canEdit).toBe(false);
    expect((await reviewer.person.update({ id: personId, version: 2, fields: personFields('Erzhan Elshibaev') })).version).toBe(3);
  });

  it('suggests a corrected person by the new name only, in either script', async () => {
    const { personId } = await draftNaming('Bakyt Tulegenov');
    const suggested = async (text: string) => (await author.directory.persons({ organizationId: ngo.id, text })).map((p) => p.id);
    expect(await suggested('Тулеген')).toContain(personId);
    await author.person.update({ id: personId, version: 1, fields: personFields('Bakyt Sarsenbaev') });
    expect(await suggested('Tulegenov')).not.toContain(personId);
    expect(await suggested('Сарсенбаев')).toContain(personId);
    expect(await suggested('Sarsenbaev Bakyt')).toContain(personId);
  });

  it('lets only a reviewer take the confidential mark off', async () => {
    const { personId } = await draftNaming('Aigul Protected', { confidential: true });
    expect(await codeOf(() => author.person.update({ id: personId, version: 1, fields: personFields('Aigul Protected', { confidential: false }) }))).toBe('FORBIDDEN');
    expect(await codeOf(() => reviewer.person.update({ id: personId, version: 1, fields: personFields('Aigul Protected', { confidential: false }) }))).toBe('ok');
  });

  it('refuses a category the platform does not know, and an unusable address', async () => {
    const { personId, sourceId } = await draftNaming('Category Test');
    await expect(author.person.update({ id: personId, version: 1, fields: { ...personFields('Category Test'), categories: ['no_such_code'] } })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(author.source.update({ id: sourceId, version: 1, fields: { title: 'A statement', url: 'javascript:alert(1)' } })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});

const request = (path: string) => new Request(`http://test/api/public/v1${path}`);
async function publicSurfaces(incidentId: string, caseId: string): Promise<string> {
  publicApiBuckets.reset();
  const [incident] = await database.db.select().from(publicIncidents).where(eq(publicIncidents.incidentId, incidentId));
  const [record] = await database.db.select().from(publicCases).where(eq(publicCases.caseId, caseId));
  const api = await (await incidentGet(request(`/incidents/${incidentId}`), { params: Promise.resolve({ id: incidentId }) })).text();
  const caseApi = await (await caseGet(request(`/cases/${caseId}`), { params: Promise.resolve({ id: caseId }) })).text();
  const json = await (await exportJsonGet(request('/export.json'))).text();
  const csv = await (await exportCsvGet(request('/export.csv'))).text();
  return [JSON.stringify(incident), JSON.stringify(record), api, caseApi, json, csv].join('\n');
}

describe('protection after publication', () => {
  it('takes a person published by name off every public surface when a reviewer marks them confidential', async () => {
    const { incidentId, personId } = await draftNaming('Larisa Kharkova', { title: 'Larisa Kharkova sentenced' });
    await publish(incidentId, 1);
    const created = await author.case.create({ organizationId: ngo.id, title: 'Prosecution of Larisa Kharkova', persons: [{ personId, role: 'defendant' }] });
    let v = (await author.case.linkIncident({ caseId: created.id, incidentId })).version;
    v = (await author.case.submit({ id: created.id, version: v })).version;
    v = (await reviewer.case.approve({ id: created.id, version: v })).version;
    await reviewer.case.publish({ id: created.id, version: v });

    const before = await publicSurfaces(incidentId, created.id);
    expect(before).toContain('Larisa Kharkova');

    // The person's incident is published, so the monitor who entered them can no longer change them; a reviewer can.
    expect(await codeOf(() => author.person.update({ id: personId, version: 1, fields: personFields('Larisa Kharkova', { confidential: true }) }))).toBe('FORBIDDEN');
    const saved = await secondReviewer.person.update({ id: personId, version: 1, fields: personFields('Larisa Kharkova', { confidential: true }) });
    expect(saved.republished).toBeGreaterThanOrEqual(1);

    // Nothing else was called: the edit re-projected the public side in its own transaction.
    const after = await publicSurfaces(incidentId, created.id);
    expect(after).not.toContain('Kharkova');
    expect(after).not.toContain('Larisa');
    expect(after).toContain('Protected person 1 sentenced');

    // Correcting the protected person's name keeps the former one protected: the published title still spells it so.
    await secondReviewer.person.update({ id: personId, version: saved.version, fields: personFields('Larisa Kharkova-Ivanova', { confidential: true }) });
    expect((await secondReviewer.person.get({ id: personId })).editing.aliases).toEqual(['Larisa Kharkova']);
    const renamed = await publicSurfaces(incidentId, created.id);
    expect(renamed).not.toContain('Kharkova');
    expect(renamed).not.toContain('Ivanova');
  });

  it('protects another spelling, and a former name, in public texts that do not link the person', async () => {
    const { personId } = await draftNaming('Zhanna Tokayeva', { confidential: true });
    // A published incident that names her without linking her record: declined in Russian, misspelt, and by her maiden name.
    const { incidentId } = await draftNaming('Someone Else', { title: 'Суд над Жанной Токаевой; Zhana Tokaeva, born Sarsenbayeva, fined' });
    await publish(incidentId, 1);
    const shownTitle = async () => (await database.db.select({ title: publicIncidents.title }).from(publicIncidents).where(eq(publicIncidents.incidentId, incidentId)))[0]!.title;
    // The detector finds the declined and misspelt forms of her name; nothing yet says the maiden name is hers.
    expect(await shownTitle()).not.toMatch(/Токаев|Tokaeva/);
    expect(await shownTitle()).toContain('Sarsenbayeva');

    const first = await reviewer.person.update({ id: personId, version: 1, fields: personFields('Zhana Tokaeva', { confidential: true }) });
    // Renamed to the misspelling (say, as in her passport): the former name is kept as another spelling.
    expect((await reviewer.person.get({ id: personId })).editing.aliases).toEqual(['Zhanna Tokayeva']);
    expect(await shownTitle()).not.toMatch(/Токаев|Tokaeva/);
    // Her maiden name, written in Cyrillic, protects its Latin spelling at once.
    await reviewer.person.update({ id: personId, version: first.version, fields: personFields('Zhana Tokaeva', { confidential: true, aliases: ['Zhanna Tokayeva', 'Сарсенбаева'] }) });
    expect(await shownTitle()).not.toMatch(/Токаев|Tokaeva|Sarsenbayeva/);
  });

  it('rewrites the public citation when a source’s address or title is corrected', async () => {
    const { incidentId, sourceId } = await draftNaming('Nurlan Public', { url: 'https://example.org/wrong-address' });
    await publish(incidentId, 1);
    const [row] = await database.db.select({ version: sources.version }).from(sources).where(eq(sources.id, sourceId));
    await reviewer.source.update({ id: sourceId, version: row!.version, fields: { title: 'Statement of the union', url: 'https://example.org/right-address', reliability: 'A' } });
    const [shown] = await database.db.select({ sources: publicIncidents.sources }).from(publicIncidents).where(eq(publicIncidents.incidentId, incidentId));
    expect(shown!.sources).toMatchObject([{ title: 'Statement of the union', url: 'https://example.org/right-address' }]);
    const page = await reviewer.source.get({ id: sourceId });
    expect(page.edits.map((e) => e.version)).toEqual([2, 1]);
    expect(page.incidents.map((i) => i.id)).toEqual([incidentId]);
  });

  it('keeps the history of an organization’s edits and refuses them to others', async () => {
    const { id } = await author.incident.create({
      organizationId: ngo.id,
      incident: anIncident({ victims: [{ kind: 'newOrganization', organization: { name: 'Union of Oil Workers' } }] }),
    });
    const [victim] = await database.db.select({ orgId: incidentVictims.documentedOrganizationId }).from(incidentVictims).where(eq(incidentVictims.incidentId, id));
    const orgId = victim!.orgId!;
    expect(await codeOf(() => outsider.documentedOrganization.get({ id: orgId }))).toBe('NOT_FOUND');
    expect(await codeOf(() => colleague.documentedOrganization.update({ id: orgId, version: 1, fields: { name: 'X' } }))).toBe('FORBIDDEN');
    await author.documentedOrganization.update({ id: orgId, version: 1, fields: { name: 'Union of Oil Workers of Mangystau', acronym: 'UOWM', aliases: ['Профсоюз нефтяников'], country: 'kz' } });
    const page = await author.documentedOrganization.get({ id: orgId });
    expect(page.organization).toMatchObject({ name: 'Union of Oil Workers of Mangystau', acronym: 'UOWM', country: 'KZ', version: 2 });
    const versions = await database.db.select().from(directoryVersions).where(eq(directoryVersions.recordId, orgId));
    expect(versions).toHaveLength(2);
    // The history is append-only: the database refuses to change it.
    await expect(database.db.update(directoryVersions).set({ savedVia: 'forged' }).where(eq(directoryVersions.recordId, orgId))).rejects.toThrow();
  });
});
