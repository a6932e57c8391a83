/**
 * Mentions as structure: a summary names the incident's people by id; the public side renders a
 * protected person's label and a public person's current name, and follows renames and protection
 * without any text being rewritten.
 */
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { incidentVictims, incidents, persons, publicCases, publicIncidents } from '@/db/schema';
import { mentionToken } from '@/common/mentions';
import { anIncident, createOrganization, createPerson } from '../support/factories';
import { reviewTeam } from '../support/review-team';

const { database, ngo, author, reviewer } = reviewTeam();
const personIn = (name: string, confidential: boolean) => createPerson(database.db, ngo.id, name, confidential);
const publicSummary = async (id: string) => (await database.db.select({ summary: publicIncidents.summary }).from(publicIncidents).where(eq(publicIncidents.incidentId, id)))[0]?.summary;

describe('mentions', () => {
  it('render by label or current name on the public side, and follow renames and protection', async () => {
    const larisa = await personIn('Larisa Kharkova', true);
    const aliya = await personIn('Aliya Lawyer', false);
    const summary = `Police detained ${mentionToken({ target: 'person', id: larisa })}; ${mentionToken({ target: 'person', id: aliya })} represents her.`;
    const victims = [
      { kind: 'person' as const, personId: larisa },
      { kind: 'person' as const, personId: aliya },
    ];
    const { id } = await author.incident.create({ organizationId: ngo.id, incident: anIncident({ summary, victims }) });
    // The text is stored with the ids, not the names.
    const [stored] = await database.db.select({ summary: incidents.summary }).from(incidents).where(eq(incidents.id, id));
    expect(stored!.summary).toBe(summary);

    let v = (await author.review.submit({ id, version: 1 })).version;
    v = (await reviewer.review.approve({ id, version: v })).version;
    await reviewer.review.publish({ id, version: v });
    expect(await publicSummary(id)).toBe('Police detained Protected person 1; Aliya Lawyer represents her.');

    const renamed = await reviewer.person.update({ id: aliya, version: 1, fields: { name: 'Aliya Nurlanovna', categories: [], confidential: false } });
    expect(await publicSummary(id)).toBe('Police detained Protected person 1; Aliya Nurlanovna represents her.');
    await reviewer.person.update({ id: aliya, version: renamed.version, fields: { name: 'Aliya Nurlanovna', categories: [], confidential: true } });
    const now = await publicSummary(id);
    expect(now).not.toContain('Aliya');
    expect(now).toBe('Police detained Protected person 1; Protected person 2 represents her.');
  });

  it('render in a case’s summary as in an incident’s, and only for the persons the case concerns', async () => {
    const nurbek = await personIn('Nurbek Secret', true);
    const outsider = await personIn('Not In The Case', false);
    const summary = `${mentionToken({ target: 'person', id: nurbek })} was charged after the strike.`;
    await expect(
      author.case.create({ organizationId: ngo.id, title: 'Prosecution', summary: `${mentionToken({ target: 'person', id: outsider })} testified.`, persons: [{ personId: nurbek }] }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const created = await author.case.create({ organizationId: ngo.id, title: 'Prosecution of a union leader', summary, persons: [{ personId: nurbek, role: 'defendant' }] });
    let v = (await author.case.submit({ id: created.id, version: created.version })).version;
    v = (await reviewer.case.approve({ id: created.id, version: v })).version;
    await reviewer.case.publish({ id: created.id, version: v });
    const [row] = await database.db.select({ summary: publicCases.summary }).from(publicCases).where(eq(publicCases.caseId, created.id));
    expect(row!.summary).toBe('Protected person 1 was charged after the strike.');
  });

  it('refuse a mention of anyone who is not among the incident’s victims', async () => {
    const other = await createOrganization(database.db);
    const [foreign] = await database.db.insert(persons).values({ organizationId: other.id, ref: 'person:foreign', name: 'Foreign Secret', confidential: true }).returning();
    const summary = `About ${mentionToken({ target: 'person', id: foreign!.id })}.`;
    await expect(author.incident.create({ organizationId: ngo.id, incident: anIncident({ summary }) })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const count = await database.db.select().from(incidentVictims).where(eq(incidentVictims.personId, foreign!.id));
    expect(count).toHaveLength(0);
  });
});
