/**
 * Mentions in the workspace: wherever a stored text is only shown (lists, histories and their
 * diffs, notifications, a case's timeline, the incident list, the review queues), members read the person's current name, never the raw
 * token; legal events and interventions may mention the case's persons, and the public side reads
 * them by label.
 */
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { publicCases } from '@/db/schema';
import { mentionToken } from '@/common/mentions';
import { anIncident, callerFor, createOrganization, createPerson, createUser } from '../support/factories';
import { reviewTeam } from '../support/review-team';

const { database, ngo, author, reviewer } = reviewTeam();
const personIn = (name: string, confidential: boolean) => createPerson(database.db, ngo.id, name, confidential);
const token = (id: string) => mentionToken({ target: 'person', id });
const noToken = (value: unknown) => expect(JSON.stringify(value)).not.toContain('@[person:');

describe('mentions in the workspace', () => {
  it('read as the current name in histories, case lists, an incident’s cases, notifications and the timeline', async () => {
    const larisa = await personIn('Larisa Kharkova', true);
    const victims = [{ kind: 'person' as const, personId: larisa }];
    const incident = await author.incident.create({ organizationId: ngo.id, incident: anIncident({ title: `Car of ${token(larisa)} burnt`, summary: `${token(larisa)} was threatened.`, victims }) });
    await author.incident.update({ id: incident.id, version: 1, incident: anIncident({ title: `Car of ${token(larisa)} set on fire`, summary: `${token(larisa)} was threatened.`, victims }) });

    const history = await author.incident.history({ id: incident.id });
    noToken(history);
    expect(JSON.stringify(history)).toContain('Car of Larisa Kharkova set on fire');

    const created = await author.case.create({ organizationId: ngo.id, title: `Prosecution of ${token(larisa)}`, summary: null, persons: [{ personId: larisa }] });
    await author.case.linkIncident({ caseId: created.id, incidentId: incident.id });
    const listed = await author.case.list({ limit: 50 });
    noToken(listed);
    expect(listed.map((row) => row.title)).toContain('Prosecution of Larisa Kharkova');
    expect((await author.case.ofIncident({ incidentId: incident.id })).map((row) => row.title)).toEqual(['Prosecution of Larisa Kharkova']);
    noToken(await author.case.history({ id: created.id }));
    const timeline = await author.case.timeline({ id: created.id });
    expect(timeline.find((item) => item.type === 'incident')).toMatchObject({ title: 'Car of Larisa Kharkova set on fire' });

    const submitted = await author.review.submit({ id: incident.id, version: 2 });
    expect(submitted.version).toBeGreaterThan(0);
    const notices = await reviewer.notification.list({});
    noToken(notices);
    expect(notices.map((n) => n.incidentTitle)).toContain('Car of Larisa Kharkova set on fire');

    // A rename shows everywhere at once: the texts keep the id.
    await reviewer.person.update({ id: larisa, version: 1, fields: { name: 'Larisa K. Kharkova', categories: [], confidential: true } });
    expect((await author.case.list({ limit: 50 })).map((row) => row.title)).toContain('Prosecution of Larisa K. Kharkova');
  });

  it('read as the current name in the incident list and in both review queues with their diffs', async () => {
    const aigul = await personIn('Aigul Utepova', true);
    const victims = [{ kind: 'person' as const, personId: aigul }];
    const incident = await author.incident.create({ organizationId: ngo.id, incident: anIncident({ title: `Search at ${token(aigul)}'s flat`, summary: `${token(aigul)} was searched.`, victims }) });
    const listed = await author.incident.list({ limit: 50 });
    noToken(listed);
    expect(listed.items.map((row) => row.title)).toContain("Search at Aigul Utepova's flat");

    await author.review.submit({ id: incident.id, version: 1 });
    const queue = await reviewer.review.queue();
    noToken(queue);
    expect(JSON.stringify(queue)).toContain("Search at Aigul Utepova's flat");

    const created = await author.case.create({ organizationId: ngo.id, title: `Prosecution of ${token(aigul)}`, summary: `Charges against ${token(aigul)}.`, persons: [{ personId: aigul }] });
    await author.case.submit({ id: created.id, version: created.version });
    const caseQueue = await reviewer.review.caseQueue();
    noToken(caseQueue);
    expect(JSON.stringify(caseQueue)).toContain('Prosecution of Aigul Utepova');
  });

  it('are allowed in legal events and interventions for the case’s persons only, and go public by label', async () => {
    const nurbek = await personIn('Nurbek Kushakbaev', true);
    const outsider = await personIn('Someone Else', false);
    const created = await author.case.create({ organizationId: ngo.id, title: 'Union leader prosecuted', summary: null, persons: [{ personId: nurbek, role: 'defendant' }] });
    const event = { caseId: created.id, kind: 'verdict' as const, datePrecision: 'day' as const, date: '2017-04-07', court: null, outcome: `${token(nurbek)}: 2.5 years`, summary: `The court convicted ${token(nurbek)}.` };
    await expect(author.case.addLegalEvent({ ...event, summary: `About ${token(outsider)}` })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await author.case.addLegalEvent(event);
    const intervention = { caseId: created.id, kind: 'un_communication', datePrecision: 'day' as const, date: '2017-05-01', by: 'Special Rapporteur', referenceCode: 'AL KAZ 1/2017', summary: `Letter about ${token(nurbek)}.` };
    await expect(author.case.addIntervention({ ...intervention, summary: `Letter about ${token(outsider)}.` })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await author.case.addIntervention(intervention);

    const current = await author.case.get({ id: created.id });
    let v = (await author.case.submit({ id: created.id, version: current.version })).version;
    v = (await reviewer.case.approve({ id: created.id, version: v })).version;
    await reviewer.case.publish({ id: created.id, version: v });
    const [row] = await database.db.select().from(publicCases).where(eq(publicCases.caseId, created.id));
    expect(row!.legalEvents[0]).toMatchObject({ summary: 'The court convicted Protected person 1.', outcome: 'Protected person 1: 2.5 years' });
    expect(row!.interventions[0]).toMatchObject({ summary: 'Letter about Protected person 1.' });
    expect(JSON.stringify(row)).not.toContain('Nurbek');
    expect(JSON.stringify(row)).not.toContain('@[');
  });
});

describe('mentions in what another organization reads of a shared incident', () => {
  it('read as the public label or name, never the token, and without the owner’s review status', async () => {
    const aigul = await personIn('Aigul Confidentova', true);
    const marat = await personIn('Marat Publicov', false);
    const victims = [
      { kind: 'person' as const, personId: aigul },
      { kind: 'person' as const, personId: marat },
    ];
    const incident = await author.incident.create({
      organizationId: ngo.id,
      incident: anIncident({ title: `Car of ${token(aigul)} burnt`, summary: `${token(marat)} saw who threatened ${token(aigul)}.`, victims }),
    });
    const partner = await createOrganization(database.db);
    const theirs = await callerFor(database.db, (await createUser(database.db, partner.id, 'monitor')).id);
    await reviewer.incident.share({ id: incident.id, organizationId: partner.id });
    const partnerCase = await theirs.case.create({ organizationId: partner.id, title: 'Coalition follow-up', summary: null, persons: [] });
    const picked = await theirs.case.incidentPicker({ caseId: partnerCase.id, text: 'burnt' });
    await theirs.case.linkIncident({ caseId: partnerCase.id, incidentId: incident.id });

    const shared = await theirs.incident.sharedWithMe();
    const answers = [shared, picked, await theirs.case.timeline({ id: partnerCase.id }), await theirs.case.history({ id: partnerCase.id }), await theirs.incident.get({ id: incident.id })];
    for (const answer of answers) {
      noToken(answer);
      expect(JSON.stringify(answer)).not.toContain(aigul);
      expect(JSON.stringify(answer)).not.toContain('Confidentova');
    }
    expect(shared.map((row) => row.title)).toEqual(['Car of Protected person 1 burnt']);
    expect(picked.map((row) => row.title)).toEqual(['Car of Protected person 1 burnt']);
    expect((await theirs.incident.get({ id: incident.id })).summary).toBe('Marat Publicov saw who threatened Protected person 1.');
    // The owner's workflow (draft, submitted, returned…) is its own business.
    expect(Object.keys(shared[0]!)).not.toContain('status');
    expect(Object.keys(picked[0]!)).not.toContain('status');
  });
});

describe('mentions in the workspace search', () => {
  it('find the incident by the mentioned person’s name and show the name in the snippet, never the token', async () => {
    const yerlan = await personIn('Yerlan Zhaksylykov', false);
    const incident = await author.incident.create({
      organizationId: ngo.id,
      incident: anIncident({ title: 'Union office searched', summary: `Officers questioned ${token(yerlan)} about the strike fund for two hours.`, victims: [{ kind: 'person', personId: yerlan }] }),
    });
    // A word of the summary next to the mention: its snippet is cut around the mention.
    const found = await author.incident.list({ text: 'questioned' });
    expect(found.items.map((item) => item.id)).toEqual([incident.id]);
    const snippet = found.items[0]!.snippet!.map((segment) => segment.text).join('');
    expect(snippet).toContain('Officers questioned Yerlan Zhaksylykov about');
    noToken(found);
    expect(snippet).not.toContain(yerlan.slice(0, 8));
  });
});
