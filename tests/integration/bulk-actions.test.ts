import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { vocabularyTerms } from '@/db/schema';
import { createTestDatabase } from '../support/database';
import { anIncident, callerFor, createOrganization, createUser, seedVocabulary } from '../support/factories';

/** Bulk actions go item by item through the single action's policy and service, and say what happened to each. */

let database: Database;
let ngo: { id: string };
let partner: { id: string };
let monitor: { id: string };
let reviewer: { id: string };
let secondReviewer: { id: string };

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  await seedVocabulary(db);
  ngo = await createOrganization(db, 'Bulk Bureau');
  partner = await createOrganization(db, 'Bulk Partner');
  monitor = await createUser(db, ngo.id, 'monitor');
  reviewer = await createUser(db, ngo.id, 'reviewer');
  secondReviewer = await createUser(db, ngo.id, 'reviewer');
});

afterAll(async () => {
  await database?.close();
});

async function submitted(userId: string, title: string) {
  const caller = await callerFor(database.db, userId);
  const { id } = await caller.incident.create({ organizationId: ngo.id, incident: anIncident({ title }) });
  const { version } = await caller.review.submit({ id, version: 1 });
  return { id, version };
}

describe('bulk actions on the incident list', () => {
  it('approve the others’ submissions and refuse a reviewer’s own, with the reason, one by one', async () => {
    const first = await submitted(monitor.id, 'Bulk first');
    const own = await submitted(reviewer.id, 'Bulk reviewer’s own');
    const second = await submitted(monitor.id, 'Bulk second');
    const outcomes = await (await callerFor(database.db, reviewer.id)).bulk.decide({ action: 'approve', items: [first, own, second] });
    expect(outcomes.map((o) => [o.id, o.done])).toEqual([
      [first.id, true],
      [own.id, false],
      [second.id, true],
    ]);
    expect(outcomes[1]).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('another reviewer') });

    // The approved two are published together by a reviewer; a stale version is refused as a conflict.
    const asSecond = await callerFor(database.db, secondReviewer.id);
    const versions = await Promise.all([first.id, second.id].map(async (id) => ({ id, version: (await asSecond.incident.get({ id })).version })));
    const published = await asSecond.bulk.decide({ action: 'publish', items: versions });
    expect(published.every((o) => o.done)).toBe(true);
    expect((await asSecond.incident.get({ id: first.id })).status).toBe('published');
    const again = await asSecond.bulk.decide({ action: 'publish', items: [{ id: first.id, version: 1 }] });
    expect(again[0]).toMatchObject({ done: false });

    // Retracted with one reason for all.
    const current = await Promise.all(versions.map(async ({ id }) => ({ id, version: (await asSecond.incident.get({ id })).version })));
    await expect(asSecond.bulk.decide({ action: 'retract', items: current })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const retracted = await asSecond.bulk.decide({ action: 'retract', items: current, comment: 'Withdrawn at the victims’ request' });
    expect(retracted.every((o) => o.done)).toBe(true);
    expect((await asSecond.incident.get({ id: second.id })).status).toBe('archived');
  });

  it('tag with a violation type as an edit (a monitor only their own), and share as reviewers may', async () => {
    const asMonitor = await callerFor(database.db, monitor.id);
    const mine = await asMonitor.incident.create({ organizationId: ngo.id, incident: anIncident({ title: 'Bulk tag mine', violationTypes: ['threats'] }) });
    const theirs = await (await callerFor(database.db, reviewer.id)).incident.create({ organizationId: ngo.id, incident: anIncident({ title: 'Bulk tag theirs' }) });
    const tagged = await asMonitor.bulk.tag({ items: [mine, theirs], violationType: 'arbitrary_detention' });
    expect(tagged.map((o) => o.done)).toEqual([true, false]);
    const after = await asMonitor.incident.get({ id: mine.id });
    expect(after.violationTypes.sort()).toEqual(['arbitrary_detention', 'threats']);
    expect(after.version).toBe(2);

    expect((await asMonitor.bulk.share({ ids: [mine.id], organizationId: partner.id }))[0]).toMatchObject({ done: false, code: 'FORBIDDEN' });
    expect((await (await callerFor(database.db, reviewer.id)).bulk.share({ ids: [mine.id, theirs.id], organizationId: partner.id })).every((o) => o.done)).toBe(true);
  });

  it('offer to share with the organizations valid for every chosen incident, and name those the viewer cannot share', async () => {
    // An admin of two organizations ticks an incident of each, and a reviewer's incident of a third where they are only a monitor.
    const third = await createOrganization(database.db, 'Bulk Third');
    const bystander = await createOrganization(database.db, 'Bulk Bystander');
    const coordinator = await createUser(database.db, ngo.id, 'admin');
    await database.db.execute(sql`INSERT INTO memberships (user_id, organization_id, role) VALUES (${coordinator.id}, ${partner.id}, 'admin'), (${coordinator.id}, ${third.id}, 'monitor')`);
    const ours = await (await callerFor(database.db, monitor.id)).incident.create({ organizationId: ngo.id, incident: anIncident({ title: 'Bulk share ours' }) });
    const partners = await (await callerFor(database.db, coordinator.id)).incident.create({ organizationId: partner.id, incident: anIncident({ title: 'Bulk share partner’s' }) });
    const thirdReviewer = await createUser(database.db, third.id, 'reviewer');
    const thirds = await (await callerFor(database.db, thirdReviewer.id)).incident.create({ organizationId: third.id, incident: anIncident({ title: 'Bulk share third’s' }) });
    const hidden = await (await callerFor(database.db, (await createUser(database.db, bystander.id, 'reviewer')).id)).incident.create({ organizationId: bystander.id, incident: anIncident({ title: 'Bulk share hidden' }) });

    const asCoordinator = await callerFor(database.db, coordinator.id);
    const offer = await asCoordinator.bulk.shareTargets({ ids: [ours.id, partners.id, thirds.id, hidden.id] });
    // Neither owner of an incident the coordinator may share is offered (sharing an incident with its own organization is refused);
    // the third organization's incident is not theirs to share, so its organization may receive the other two.
    const offered = offer.targets.map((target) => target.id);
    expect(offered).not.toContain(ngo.id);
    expect(offered).not.toContain(partner.id);
    expect(offered).toEqual(expect.arrayContaining([third.id, bystander.id]));
    expect(offer.refused).toEqual([
      { id: thirds.id, problem: { code: 'sharing.reviewersOnly' } },
      { id: hidden.id, problem: { code: 'notFound' } },
    ]);

    // Every offered organization takes both shareable incidents; the first incident's own list would have offered the partner, refused for its own incident.
    const shared = await asCoordinator.bulk.share({ ids: [ours.id, partners.id], organizationId: third.id });
    expect(shared.every((outcome) => outcome.done)).toBe(true);
    expect((await asCoordinator.incident.shareTargets({ id: ours.id })).map((target) => target.id)).toContain(partner.id);
  });

  it('answer an incident of another organization as not found, like the single action', async () => {
    const stranger = await createUser(database.db, partner.id, 'reviewer');
    const target = await submitted(monitor.id, 'Bulk hidden');
    const [outcome] = await (await callerFor(database.db, stranger.id)).bulk.decide({ action: 'approve', items: [target] });
    expect(outcome).toMatchObject({ done: false, code: 'NOT_FOUND' });
  });
});

describe('bulk tagging an incident that cannot take one more type (security review, item 9)', () => {
  it('refuses that incident with BAD_REQUEST and a code, and tags the others', async () => {
    const codes = Array.from({ length: 31 }, (_, n) => `bulk_type_${String(n).padStart(2, '0')}`);
    await database.db.insert(vocabularyTerms).values(codes.map((code) => ({ kind: 'violation_type' as const, code, labels: { en: code } }))).onConflictDoNothing();
    const caller = await callerFor(database.db, reviewer.id);
    const full = await caller.incident.create({ organizationId: ngo.id, incident: anIncident({ title: 'Thirty types', violationTypes: codes.slice(0, 30) }) });
    const plain = await caller.incident.create({ organizationId: ngo.id, incident: anIncident({ title: 'One type' }) });
    const outcomes = await caller.bulk.tag({ items: [full, plain], violationType: codes[30]! });
    expect(outcomes[0]).toMatchObject({ id: full.id, done: false, code: 'BAD_REQUEST', problem: { code: 'bulk.tagNotSaved' } });
    expect(outcomes[1]).toMatchObject({ id: plain.id, done: true });
  });
});
