/**
 * Mentions in a source's title and publisher (issue 11, item 1): a new source written with the
 * incident may name its victims by id. The workspace reads the current name wherever it shows a
 * source (the incident page, the source page, the source picker, a case's timeline, the audit log);
 * the public side and other organizations read the public label, never the token and never the name.
 * A mention of anyone else is refused, at the incident's save and at a later correction of the source.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { persons } from '@/db/schema';
import { mentionToken } from '@/common/mentions';
import { getPublicIncident } from '@/server/public/incidents';
import { setPublicDatabaseForTests } from '@/server/public/db';
import { publicApiBuckets } from '@/server/public/rate-limit';
import { GET as incidentGet } from '@/app/api/public/v1/incidents/[id]/route';
import { GET as exportCsvGet } from '@/app/api/public/v1/export.csv/route';
import { GET as exportJsonGet } from '@/app/api/public/v1/export.json/route';
import { anIncident, callerFor, createOrganization, createUser, seedVocabulary } from '../support/factories';
import { createTestDatabase } from '../support/database';

type Caller = Awaited<ReturnType<typeof callerFor>>;
let database: Database;
let ngo: { id: string };
let partner: { id: string };
let author: Caller;
let reviewer: Caller;
let admin: Caller;
let partnerMember: Caller;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedVocabulary(database.db);
  ngo = await createOrganization(database.db);
  partner = await createOrganization(database.db);
  author = await callerFor(database.db, (await createUser(database.db, ngo.id, 'monitor')).id);
  reviewer = await callerFor(database.db, (await createUser(database.db, ngo.id, 'reviewer')).id);
  admin = await callerFor(database.db, (await createUser(database.db, ngo.id, 'admin')).id);
  partnerMember = await callerFor(database.db, (await createUser(database.db, partner.id, 'monitor')).id);
  setPublicDatabaseForTests(database.db);
  await publicApiBuckets.reset();
});
afterAll(async () => {
  setPublicDatabaseForTests(undefined);
  await database?.close();
});

async function personIn(organizationId: string, name: string, confidential: boolean): Promise<string> {
  const [row] = await database.db.insert(persons).values({ organizationId, ref: `person:${crypto.randomUUID()}`, name, confidential }).returning({ id: persons.id });
  return row!.id;
}
const token = (id: string) => mentionToken({ target: 'person', id });
let requests = 0;
const request = (path: string) => new Request(`http://test/api/public/v1${path}`, { headers: { 'x-hrd-peer-address': `source-mentions-${++requests}` } });

/** A published incident whose confidential victim is mentioned in a new source's title and publisher. */
async function publishedWithMentionedSource() {
  const larisa = await personIn(ngo.id, 'Larisa Kharkova', true);
  const incident = await author.incident.create({
    organizationId: ngo.id,
    incident: anIncident({
      title: 'Journalist detained in Aktau',
      victims: [{ kind: 'person', personId: larisa }],
      sources: [{ kind: 'newSource', source: { title: `Interview with ${token(larisa)} after her release`, publisher: `Blog of ${token(larisa)}`, reliability: 'B' } }],
    }),
  });
  let v = (await author.review.submit({ id: incident.id, version: 1 })).version;
  v = (await reviewer.review.approve({ id: incident.id, version: v })).version;
  await reviewer.review.publish({ id: incident.id, version: v });
  const sourceId = (await author.incident.get({ id: incident.id })).sources[0]!.id;
  return { larisa, incidentId: incident.id, sourceId };
}

describe('mentions in a source title', () => {
  it('read as the current name in the workspace, as the public label outside, never as the token', async () => {
    const { incidentId, sourceId } = await publishedWithMentionedSource();

    // The workspace: the incident page's source list, the source page, the picker, the audit log.
    const detail = await author.incident.get({ id: incidentId });
    expect(detail.sources.map((s) => s.title)).toEqual(['Interview with Larisa Kharkova after her release']);
    expect(detail.sourceDetails.map((s) => s.publisher)).toEqual(['Blog of Larisa Kharkova']);
    const page = await author.source.get({ id: sourceId });
    expect(page.shown).toMatchObject({ title: 'Interview with Larisa Kharkova after her release', publisher: 'Blog of Larisa Kharkova' });
    // The edit form starts from the stored text: the mention stays a mention when saved again.
    expect(page.source.title).toContain('@[person:');
    const picked = await author.directory.sources({ organizationId: ngo.id, text: 'Interview' });
    expect(picked.map((s) => s.title)).toEqual(['Interview with Larisa Kharkova after her release']);
    // Typing the person's name finds the source that mentions her: its stored text holds only her id.
    const byName = await author.directory.sources({ organizationId: ngo.id, text: 'Kharkova' });
    expect(byName.map((s) => s.id)).toContain(sourceId);
    expect((await author.directory.sources({ organizationId: ngo.id, text: 'Nobody Of That Name' })).map((s) => s.id)).not.toContain(sourceId);
    const audit = await admin.admin.auditLog({ subjectId: sourceId });
    expect(audit.references[`source:${sourceId}`]?.name).toBe('Interview with Larisa Kharkova after her release');

    // A case's timeline names the source an intervention cites.
    const created = await author.case.create({ organizationId: ngo.id, title: 'Follow-up', summary: null, persons: [] });
    await author.case.addIntervention({ caseId: created.id, kind: 'un_communication', datePrecision: 'day', date: '2017-02-10', sourceId });
    const timeline = await author.case.timeline({ id: created.id });
    expect(timeline.flatMap((item) => (item.type === 'intervention' ? [item.sourceTitle] : []))).toEqual(['Interview with Larisa Kharkova after her release']);

    // The public incident page, its API answer, the CSV and JSON exports.
    const shown = await getPublicIncident(incidentId, 'en', database.db);
    expect(shown!.sources.map((s) => [s.title, s.publisher])).toEqual([['Interview with Protected person 1 after her release', 'Blog of Protected person 1']]);
    const answers = [
      await (await incidentGet(request(`/incidents/${incidentId}`), { params: Promise.resolve({ id: incidentId }) })).text(),
      await (await exportCsvGet(request('/export.csv'))).text(),
      await (await exportJsonGet(request('/export.json'))).text(),
    ];
    for (const body of answers) {
      expect(body).toContain('Interview with Protected person 1 after her release');
      expect(body).not.toContain('Kharkova');
      expect(body).not.toContain('@[');
    }

    // Another organization the incident is shared with reads the label too.
    await reviewer.incident.share({ id: incidentId, organizationId: partner.id });
    const theirs = JSON.stringify(await partnerMember.incident.get({ id: incidentId }));
    expect(theirs).toContain('Interview with Protected person 1 after her release');
    expect(theirs).not.toContain('Kharkova');
    expect(theirs).not.toContain('@[');
  });

  it('refuses a mention of anyone who is not among the incident’s victims, beside the field', async () => {
    const victim = await personIn(ngo.id, 'Aigul Victim', false);
    const outsider = await personIn(ngo.id, 'Not A Victim', true);
    const save = (source: { title: string; publisher?: string }) =>
      author.incident.create({
        organizationId: ngo.id,
        incident: anIncident({ victims: [{ kind: 'person', personId: victim }], sources: [{ kind: 'newSource', source: { ...source, reliability: 'B' } }] }),
      });
    /** The fields a refusal names (the form shows its message beside each). */
    const refusedFields = async (call: Promise<unknown>) => {
      const error = (await call.then(() => null, (failure: { code?: string; cause?: { issues?: { path: PropertyKey[]; message: string }[] } }) => failure))!;
      expect(error.code).toBe('BAD_REQUEST');
      return Object.fromEntries((error.cause?.issues ?? []).map((issue) => [issue.path.map(String).join('.'), issue.message]));
    };
    expect(await refusedFields(save({ title: `Letter about ${token(outsider)}` }))).toEqual({ 'incident.sources.0.source.title': 'mention.incidentVictimsOnly' });
    expect(await refusedFields(save({ title: 'Letter', publisher: `Office of ${token(outsider)}` }))).toEqual({ 'incident.sources.0.source.publisher': 'mention.incidentVictimsOnly' });
    const saved = await save({ title: `Letter about ${token(victim)}` });
    expect((await author.incident.get({ id: saved.id })).sources.map((s) => s.title)).toEqual(['Letter about Aigul Victim']);
  });

  it('lets a correction of the source mention only persons of the source’s organization', async () => {
    const { incidentId, sourceId } = await publishedWithMentionedSource();
    const foreign = await personIn(partner.id, 'Foreign Person', true);
    const colleague = await personIn(ngo.id, 'Yerlan Colleague', true);
    const page = await reviewer.source.get({ id: sourceId });
    // The correction offers "@" the victims of the incidents citing the source; the foreign person is not among them.
    expect(page.mentionChoices.map((choice) => choice.label)).toContain('Larisa Kharkova');
    expect(page.mentionChoices.map((choice) => choice.label)).not.toContain('Foreign Person');
    const fields = { title: page.source.title, publisher: page.source.publisher, reliability: page.source.reliability };
    await expect(reviewer.source.update({ id: sourceId, version: page.source.version, fields: { ...fields, title: `Interview with ${token(foreign)}` } })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringMatching(/this organization’s records/),
    });
    await reviewer.source.update({ id: sourceId, version: page.source.version, fields: { ...fields, title: `Interview with ${token(colleague)}` } });
    const corrected = await reviewer.source.get({ id: sourceId });
    expect(corrected.shown.title).toBe('Interview with Yerlan Colleague');
    // A person already mentioned is offered too, so the form reads the token by name.
    expect(corrected.mentionChoices.map((choice) => choice.label)).toContain('Yerlan Colleague');
    // The public record citing it is rewritten in the same transaction: a protected colleague by a label.
    const shown = await getPublicIncident(incidentId, 'en', database.db);
    expect(shown!.sources[0]!.title).toMatch(/^Interview with Protected person/);
  });
});
