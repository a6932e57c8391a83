import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { persons, publicCases, publicIncidents } from '@/db/schema';
import { anIncident, callerFor, createOrganization, createUser } from '../support/factories';
import { reviewTeam, type Caller } from '../support/review-team';

/** Before deciding, the reviewer reads exactly what the public will read, with every replacement marked. */
const { database, ngo, author, reviewer: reviewing } = reviewTeam();
let otherReviewer: Caller;
beforeAll(async () => {
  otherReviewer = await callerFor(database.db, (await createUser(database.db, (await createOrganization(database.db)).id, 'reviewer')).id);
});

describe('the public preview', () => {
  it('shows the submitted incident as the public will read it, each replacement marked, without publishing anything', async () => {
    const { id } = await author.incident.create({
      organizationId: ngo.id,
      incident: anIncident({
        title: 'Larisa Kharkova detained',
        summary: 'Police held Kharkova overnight.',
        victims: [{ kind: 'newPerson', person: { name: 'Larisa Kharkova', categories: [], confidential: true } }],
        sources: [{ kind: 'newSource', source: { title: 'News', url: 'https://news.kz/larisa-kharkova-detained', reliability: 'B' } }],
      }),
    });
    let v = (await author.review.submit({ id, version: 1 })).version;

    const preview = await reviewing.review.publicPreview({ kind: 'incident', id });
    const title = preview.texts.find((text) => text.field === 'incidents.title')!;
    expect(title.shown).toBe('Protected person 1 detained');
    expect(title.segments).toEqual([{ label: 'Protected person 1', found: 'Larisa Kharkova' }, { text: ' detained' }]);
    expect(preview.texts.find((text) => text.field === 'incidents.summary')!.segments).toEqual([
      { text: 'Police held ' },
      { label: 'Protected person 1', found: 'Kharkova' },
      { text: ' overnight.' },
    ]);
    expect(preview.texts.find((text) => text.field === 'sources.url')).toMatchObject({ original: 'https://news.kz/larisa-kharkova-detained', shown: null });
    expect(preview.texts.find((text) => text.field === 'persons.name')).toMatchObject({ shown: 'Protected person 1' });
    expect(preview.forms.map((form) => form.found)).toEqual(expect.arrayContaining(['Larisa Kharkova', 'Kharkova']));
    // Computed, not written: nothing is public yet.
    expect(await database.db.select().from(publicIncidents).where(eq(publicIncidents.incidentId, id))).toEqual([]);

    v = (await reviewing.review.approve({ id, version: v })).version;
    await reviewing.review.publish({ id, version: v });
    const [row] = await database.db.select().from(publicIncidents).where(eq(publicIncidents.incidentId, id));
    expect(row!.title).toBe(title.shown);
    expect(row!.summary).toBe(preview.texts.find((text) => text.field === 'incidents.summary')!.shown);
  });

  it('shows a case the same way', async () => {
    const [person] = await database.db.insert(persons).values({ organizationId: ngo.id, ref: 'person:preview', name: 'Yerlan Bekov', categories: [], confidential: true }).returning();
    const created = await author.case.create({ organizationId: ngo.id, title: 'Prosecution of Yerlan Bekov', summary: null, persons: [{ personId: person!.id, role: 'defendant' }] });
    const cv = (await author.case.submit({ id: created.id, version: created.version })).version;
    const preview = await reviewing.review.publicPreview({ kind: 'case', id: created.id });
    expect(preview.texts.find((text) => text.field === 'cases.title')!.shown).toBe('Prosecution of Protected person 1');
    expect(JSON.stringify(preview.texts.map((text) => text.shown))).not.toMatch(/Yerlan|Bekov/);
    expect(preview.forms).toEqual(expect.arrayContaining([expect.objectContaining({ found: 'Yerlan Bekov', label: 'Protected person 1' })]));
    expect(await database.db.select().from(publicCases).where(eq(publicCases.caseId, created.id))).toEqual([]);
    const approved = (await reviewing.case.approve({ id: created.id, version: cv })).version;
    await reviewing.case.publish({ id: created.id, version: approved });
    const [row] = await database.db.select().from(publicCases).where(eq(publicCases.caseId, created.id));
    expect(row!.title).toBe('Prosecution of Protected person 1');
  });

  it('is for the organization’s reviewers only; another organization’s record and an unknown one do not exist', async () => {
    const { id } = await author.incident.create({ organizationId: ngo.id, incident: anIncident() });
    await expect(author.review.publicPreview({ kind: 'incident', id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(otherReviewer.review.publicPreview({ kind: 'incident', id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(reviewing.review.publicPreview({ kind: 'case', id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(reviewing.review.publicPreview({ kind: 'incident', id: '00000000-0000-4000-8000-000000000000' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(reviewing.review.publicPreview({ kind: 'incident', id: 'not-an-id' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
