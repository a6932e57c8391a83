/**
 * A person's two records, merged, and the record that remains marked confidential afterwards: the
 * duplicate's name is a spelling of a confidential person now. Old published versions still name
 * the duplicate as a victim, texts still write its name and mention it: none of it may reach the
 * public side or another organization the incidents are shared with, in any form of the name.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { persons } from '@/db/schema';
import { publicApiBuckets } from '@/server/public/rate-limit';
import { GET as incidentsGet } from '@/app/api/public/v1/incidents/route';
import { GET as incidentGet } from '@/app/api/public/v1/incidents/[id]/route';
import { GET as exportJsonGet } from '@/app/api/public/v1/export.json/route';
import { GET as exportCsvGet } from '@/app/api/public/v1/export.csv/route';
import { mentionToken } from '@/common/mentions';
import { anIncident, callerFor, createOrganization, createUser } from '../support/factories';
import { canariesIn } from '../support/canary-search';
import { nameCanary, type NameCanary } from '../support/name-canary';
import { fileDatabase } from '../support/file-database';

const { database } = fileDatabase({ publicSide: true });
beforeAll(async () => {
  await publicApiBuckets.reset();
});

let requestCount = 0;
const request = (path: string) => new Request(`http://test/api/public/v1${path}`, { headers: { 'x-hrd-peer-address': `merged-test-${++requestCount}` } });

/** Every public answer about the organization's incidents. */
async function publicAnswers(incidentIds: string[]) {
  const answers: { path: string; body: string }[] = [];
  const read = async (path: string, response: Response) => answers.push({ path, body: await response.text() });
  await read('/incidents?limit=100', await incidentsGet(request('/incidents?limit=100')));
  await read('/export.json', await exportJsonGet(request('/export.json')));
  await read('/export.csv', await exportCsvGet(request('/export.csv')));
  for (const id of incidentIds) await read(`/incidents/${id}`, await incidentGet(request(`/incidents/${id}`), { params: Promise.resolve({ id }) }));
  return answers;
}

/** The incidents a public search by these words finds (the answer echoes the words, so only the hits count). */
async function publicHits(words: string[]) {
  const hits: string[] = [];
  for (const word of words) {
    const answer = (await (await incidentsGet(request(`/incidents?limit=100&q=${encodeURIComponent(word)}`))).json()) as { incidents: { id: string }[] };
    hits.push(...answer.incidents.map((incident) => `${word}: ${incident.id}`));
  }
  return hits;
}

/** What a member of the partner organization reads of the shared incidents (a refusal is an answer too). */
async function partnerAnswers(db: Db, partnerUserId: string, incidentIds: string[]) {
  const caller = await callerFor(db, partnerUserId);
  const answers: { path: string; body: string }[] = [];
  const read = async (path: string, run: () => Promise<unknown>) => {
    try {
      answers.push({ path, body: JSON.stringify(await run()) });
    } catch (error) {
      answers.push({ path, body: String(error) });
    }
  };
  await read('incident.sharedWithMe', () => caller.incident.sharedWithMe());
  for (const id of incidentIds) {
    await read(`incident.get ${id}`, () => caller.incident.get({ id }));
    await read(`incident.history ${id}`, () => caller.incident.history({ id }));
  }
  return answers;
}

const leaksIn = (answers: { path: string; body: string }[], canaries: Record<string, string>) =>
  answers.flatMap((answer) => canariesIn(answer.body, canaries).map((what) => `${what} in ${answer.path}`));

describe('a record merged into a person marked confidential later', () => {
  it('is protected like that person: no form of either name in any public answer or in another organization’s view', async () => {
    const { db } = database;
    const ngo = await createOrganization(db);
    const monitor = await createUser(db, ngo.id, 'monitor');
    const reviewer = await createUser(db, ngo.id, 'reviewer');
    const partner = await createOrganization(db);
    const partnerMonitor = await createUser(db, partner.id, 'monitor');
    const author = await callerFor(db, monitor.id);
    const reviewing = await callerFor(db, reviewer.id);

    // Two records of one woman: under her maiden name (an older spreadsheet) and her married name.
    const maiden = nameCanary();
    const married = nameCanary();
    const canaries: Record<string, string> = {};
    for (const [who, canary] of [['maiden name (the merged record)', maiden], ['married name (the record that remains)', married]] as [string, NameCanary][]) {
      for (const stem of canary.stems) canaries[stem] = `${who}: ${stem}`;
    }
    const [duplicate, remaining] = await db
      .insert(persons)
      .values([maiden, married].map((canary, i) => ({ organizationId: ngo.id, ref: `person:${i}-${Date.now()}`, name: canary.name, categories: ['trade_unionist'], confidential: false })))
      .returning();

    const publish = async (id: string, version: number) => {
      let v = (await author.review.submit({ id, version })).version;
      v = (await reviewing.review.approve({ id, version: v })).version;
      return (await reviewing.review.publish({ id, version: v })).version;
    };
    // Published naming the duplicate as the victim, in the title, declined in the summary, and by a mention.
    const m = maiden.forms;
    const first = await author.incident.create({
      organizationId: ngo.id,
      incident: anIncident({
        title: `Detention of ${maiden.name}`,
        summary: `Police held ${mentionToken({ target: 'person', id: duplicate!.id })} overnight; the lawyer of ${m.firstNameGenitive} was refused access to ${m.russianDative} (${m.passportCapitals}).`,
        victims: [{ kind: 'person', personId: duplicate!.id }],
      }),
    });
    await publish(first.id, first.version);
    // Published naming the record that remains, and the duplicate's name in its text.
    const second = await author.incident.create({
      organizationId: ngo.id,
      incident: anIncident({
        title: `Search at the home of ${married.name}`,
        summary: `${mentionToken({ target: 'person', id: remaining!.id })}, who the older records call ${m.kazakhGenitive} (${maiden.name}), was searched again.`,
        victims: [{ kind: 'person', personId: remaining!.id }],
      }),
    });
    await publish(second.id, second.version);
    for (const id of [first.id, second.id]) await reviewing.incident.share({ id, organizationId: partner.id });
    const ids = [first.id, second.id];
    // Not vacuous: before protection both names are public, and these readers find them.
    expect(leaksIn(await publicAnswers(ids), canaries)).not.toEqual([]);
    const searchedFor = [maiden.forms.nominative, maiden.forms.passportCapitals.split(' ')[0]!, married.forms.nominative];
    expect(await publicHits(searchedFor)).not.toEqual([]);
    expect(leaksIn(await partnerAnswers(db, partnerMonitor.id, ids), canaries)).not.toEqual([]);

    // Merged, then the record that remains is marked confidential (a reviewer learns she is at risk).
    const merged = await reviewing.person.merge({ id: remaining!.id, version: remaining!.version, duplicateId: duplicate!.id, duplicateVersion: duplicate!.version });
    await reviewing.person.update({ id: remaining!.id, version: merged.version, fields: { name: married.name, categories: ['trade_unionist'], confidential: true, aliases: [] } });

    const shown = await publicAnswers(ids);
    expect(leaksIn(shown, canaries)).toEqual([]);
    expect(await publicHits(searchedFor)).toEqual([]);
    expect(leaksIn(await partnerAnswers(db, partnerMonitor.id, ids), canaries)).toEqual([]);
    // The records are still there, with neutral labels where the names were.
    const firstShown = JSON.parse(shown.find((a) => a.path === `/incidents/${first.id}`)!.body) as { title: string; summary: string; victims: { name: string; protected: boolean }[] };
    expect(firstShown.victims).toEqual([expect.objectContaining({ name: 'Protected person 1', protected: true })]);
    expect(firstShown.title).toBe('Detention of Protected person 1');
    expect(firstShown.summary).toMatch(/^Police held Protected person 1 overnight/);
  });
});
