/**
 * The dates on a public record mean the same for every kind: `publishedAt` is when it was first
 * published, kept through re-publications (and a retraction followed by a new publication);
 * `updatedAt` is when the version the public reads now was published.
 */
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { publicCases, publicIncidents } from '@/db/schema';
import { anIncident } from '../support/factories';
import { reviewTeam } from '../support/review-team';

const { database, ngo, author, reviewer } = reviewTeam();

const incidentDates = async (id: string) =>
  (await database.db.select({ publishedAt: publicIncidents.publishedAt, updatedAt: publicIncidents.updatedAt }).from(publicIncidents).where(eq(publicIncidents.incidentId, id)))[0];
const caseDates = async (id: string) =>
  (await database.db.select({ publishedAt: publicCases.publishedAt, updatedAt: publicCases.updatedAt }).from(publicCases).where(eq(publicCases.caseId, id)))[0];

/** Two publications of one record are separate transactions; make sure their clocks differ. */
const aMomentLater = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('the public dates of an incident', () => {
  it('keep the first publication as publishedAt and the latest as updatedAt', async () => {
    const { id } = await author.incident.create({ organizationId: ngo.id, incident: anIncident({ title: 'Editor detained' }) });
    let v = (await author.review.submit({ id, version: 1 })).version;
    v = (await reviewer.review.approve({ id, version: v })).version;
    v = (await reviewer.review.publish({ id, version: v })).version;
    const first = (await incidentDates(id))!;
    expect(first.updatedAt.getTime()).toBe(first.publishedAt.getTime());

    for (const title of ['Editor detained for two days', 'Editor detained for three days']) {
      await aMomentLater();
      v = (await author.incident.update({ id, version: v, incident: anIncident({ title }) })).version;
      v = (await author.review.submit({ id, version: v })).version;
      v = (await reviewer.review.approve({ id, version: v })).version;
      const before = (await incidentDates(id))!;
      v = (await reviewer.review.publish({ id, version: v })).version;
      const after = (await incidentDates(id))!;
      expect(after.publishedAt.getTime()).toBe(first.publishedAt.getTime());
      expect(after.updatedAt.getTime()).toBeGreaterThan(before.updatedAt.getTime());
    }

    // Retracted and published again: still first published on the same day.
    v = (await reviewer.review.retract({ id, version: v, comment: 'A name must go' })).version;
    expect(await incidentDates(id)).toBeUndefined();
    v = (await author.incident.update({ id, version: v, incident: anIncident({ title: 'Editor detained again' }) })).version;
    v = (await author.review.submit({ id, version: v })).version;
    v = (await reviewer.review.approve({ id, version: v })).version;
    await aMomentLater();
    await reviewer.review.publish({ id, version: v });
    const republished = (await incidentDates(id))!;
    expect(republished.publishedAt.getTime()).toBe(first.publishedAt.getTime());
    expect(republished.updatedAt.getTime()).toBeGreaterThan(first.updatedAt.getTime());
  });
});

describe('the public dates of a case', () => {
  it('keep the first publication as publishedAt and the latest as updatedAt', async () => {
    const created = await author.case.create({ organizationId: ngo.id, title: 'Prosecution of the editor', persons: [] });
    const id = created.id;
    let v = (await author.case.submit({ id, version: created.version })).version;
    v = (await reviewer.case.approve({ id, version: v })).version;
    v = (await reviewer.case.publish({ id, version: v })).version;
    const first = (await caseDates(id))!;
    expect(first.updatedAt.getTime()).toBe(first.publishedAt.getTime());

    for (const title of ['Prosecution of the editor (appeal)', 'Prosecution of the editor (cassation)']) {
      await aMomentLater();
      v = (await author.case.update({ id, version: v, title, persons: [] })).version;
      v = (await author.case.submit({ id, version: v })).version;
      v = (await reviewer.case.approve({ id, version: v })).version;
      const before = (await caseDates(id))!;
      v = (await reviewer.case.publish({ id, version: v })).version;
      const after = (await caseDates(id))!;
      expect(after.publishedAt.getTime()).toBe(first.publishedAt.getTime());
      expect(after.updatedAt.getTime()).toBeGreaterThan(before.updatedAt.getTime());
    }

    v = (await reviewer.case.retract({ id, version: v, comment: 'The family asked us to wait' })).version;
    expect(await caseDates(id)).toBeUndefined();
    v = (await author.case.update({ id, version: v, title: 'Prosecution of the editor, again', persons: [] })).version;
    v = (await author.case.submit({ id, version: v })).version;
    v = (await reviewer.case.approve({ id, version: v })).version;
    await aMomentLater();
    await reviewer.case.publish({ id, version: v });
    const republished = (await caseDates(id))!;
    expect(republished.publishedAt.getTime()).toBe(first.publishedAt.getTime());
    expect(republished.updatedAt.getTime()).toBeGreaterThan(first.updatedAt.getTime());
  });
});
