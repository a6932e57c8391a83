import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { caseVersions, incidents, memberships } from '@/db/schema';
import type { CaseSnapshot } from '@/server/services/cases/snapshot';
import { createTestDatabase } from '../support/database';
import { anIncident, callerFor, createOrganization, createUser, seedVocabulary } from '../support/factories';

/**
 * Every read of another organization's record goes through the projection of what may leave the
 * workspace: a member of organization B with an incident of A shared with them never reads a name
 * A keeps confidential, through any procedure, even after A stops sharing.
 */
type Caller = Awaited<ReturnType<typeof callerFor>>;
let database: Database;
let ownerMonitor: Caller;
let ownerReviewer: Caller;
let partnerMonitor: Caller;
let partnerReviewer: Caller;
let owner: { id: string };
let partner: { id: string };
let sharedId: string;

const secret = /Kharkova|Larisa|Bekzat/i;
const expectNoSecret = (what: string, value: unknown) => expect(JSON.stringify(value), what).not.toMatch(secret);

beforeAll(async () => {
  database = await createTestDatabase();
  await seedVocabulary(database.db);
  owner = await createOrganization(database.db, 'Owner Bureau');
  partner = await createOrganization(database.db, 'Partner Coalition');
  ownerMonitor = await callerFor(database.db, (await createUser(database.db, owner.id, 'monitor')).id);
  ownerReviewer = await callerFor(database.db, (await createUser(database.db, owner.id, 'reviewer')).id);
  partnerMonitor = await callerFor(database.db, (await createUser(database.db, partner.id, 'monitor')).id);
  partnerReviewer = await callerFor(database.db, (await createUser(database.db, partner.id, 'reviewer')).id);

  // A confidential person of the owner who is not a victim of the shared incident, but named in it.
  await ownerMonitor.incident.create({
    organizationId: owner.id,
    incident: anIncident({ victims: [{ kind: 'newPerson', person: { name: 'Bekzat Elsewhere', confidential: true, categories: [] } }] }),
  });
  sharedId = (
    await ownerMonitor.incident.create({
      organizationId: owner.id,
      incident: anIncident({
        title: 'Larisa Kharkova detained in Zhanaozen',
        summary: 'Police held Kharkova overnight; Bekzat saw it. Wordonlyinsummary.',
        location: { country: 'KZ', region: 'Kharkova district', locality: 'Zhanaozen', precision: 'locality' },
        victims: [{ kind: 'newPerson', person: { name: 'Larisa Kharkova', confidential: true, categories: [] } }],
      }),
    })
  ).id;
  await ownerReviewer.incident.share({ id: sharedId, organizationId: partner.id });
});
afterAll(async () => {
  await database?.close();
});

describe('another organization reads a shared incident only as projected', () => {
  it('in the list of incidents shared with them', async () => {
    const shared = await partnerMonitor.incident.sharedWithMe();
    expect(shared.map((row) => row.id)).toEqual([sharedId]);
    expect(shared[0]!.title).toBe('Protected person 1 detained in Zhanaozen');
    expectNoSecret('sharedWithMe', shared);
  });

  it('in the case picker, whose search runs on the redacted text only', async () => {
    const { id: caseId } = await partnerMonitor.case.create({ organizationId: partner.id, title: 'Coalition case', summary: null, persons: [] });
    const all = await partnerMonitor.case.incidentPicker({ caseId, text: '' });
    expect(all.map((row) => row.id)).toContain(sharedId);
    expectNoSecret('picker', all);
    // A word of the original text must not find the incident: that would tell the word is there.
    expect(await partnerMonitor.case.incidentPicker({ caseId, text: 'Kharkova' })).toEqual([]);
    expect(await partnerMonitor.case.incidentPicker({ caseId, text: 'Bekzat' })).toEqual([]);
    // Words of the redacted text do.
    expect((await partnerMonitor.case.incidentPicker({ caseId, text: 'wordonlyinsummary' })).map((row) => row.id)).toEqual([sharedId]);
    expect((await partnerMonitor.case.incidentPicker({ caseId, text: 'protected person 1 detained' })).map((row) => row.id)).toEqual([sharedId]);
  });

  it('in a case timeline, its history and the review queue, even after the owner stops sharing', async () => {
    const created = await partnerMonitor.case.create({ organizationId: partner.id, title: 'Prosecution case', summary: null, persons: [] });
    const version = (await partnerMonitor.case.linkIncident({ caseId: created.id, incidentId: sharedId })).version;
    // The owner renames the incident after it was linked: the new title must not show either.
    const detail = await ownerMonitor.incident.get({ id: sharedId });
    await ownerMonitor.incident.update({ id: sharedId, version: detail.version, incident: anIncident({ title: 'Kharkova released', victims: [{ kind: 'person', personId: detail.victims.find((v) => v.kind === 'person')!.id! }] }) });

    const timeline = await partnerMonitor.case.timeline({ id: created.id });
    expect(timeline.filter((item) => item.type === 'incident').map((item) => item.type === 'incident' && item.title)).toEqual(['Protected person 1 released']);
    expectNoSecret('timeline', timeline);
    expectNoSecret('history', await partnerMonitor.case.history({ id: created.id }));

    await partnerMonitor.case.submit({ id: created.id, version });
    const queue = await partnerReviewer.review.caseQueue();
    expect(queue.map((row) => row.id)).toContain(created.id);
    expectNoSecret('case review queue', queue);

    // A version saved before foreign incidents were stored projected kept the original title and ref: it is projected on read.
    const [latest] = await database.db.select().from(caseVersions).where(eq(caseVersions.caseId, created.id)).orderBy(desc(caseVersions.version)).limit(1);
    const old = latest!.snapshot as CaseSnapshot;
    await database.db.insert(caseVersions).values({
      caseId: created.id,
      version: latest!.version + 1,
      snapshot: { ...old, incidents: [{ id: sharedId, ref: 'larisa-kharkova-2017', title: 'Larisa Kharkova detained (as once saved)' }] },
      savedVia: 'workspace',
    });
    const history = await partnerMonitor.case.history({ id: created.id });
    expect(history.length).toBe(latest!.version + 1);
    expectNoSecret('history with a version saved before', history);

    await ownerReviewer.incident.unshare({ id: sharedId, organizationId: partner.id });
    expectNoSecret('history after unsharing', await partnerMonitor.case.history({ id: created.id }));
    expectNoSecret('review queue after unsharing', await partnerReviewer.review.caseQueue());
    expectNoSecret('timeline after unsharing', await partnerMonitor.case.timeline({ id: created.id }));
    await ownerReviewer.incident.share({ id: sharedId, organizationId: partner.id });
  });

  it('in the regions of similar incidents', async () => {
    await ownerMonitor.incident.create({
      organizationId: owner.id,
      incident: anIncident({ title: 'Farm raided', location: { country: 'KZ', region: 'Larisa Kharkova farm', precision: 'region' }, victims: [] }),
    });
    const { id } = await partnerMonitor.incident.create({ organizationId: partner.id, incident: anIncident({ title: 'Coalition record' }) });
    const similar = await partnerMonitor.incident.similar({ id });
    expect(similar.length).toBeGreaterThan(0);
    expectNoSecret('similar', similar);
  });
});

describe('notifications show only what the reader may still open', () => {
  it('gives a former member no title of their old organization’s records, not even one edited after they left', async () => {
    const leaver = await createUser(database.db, owner.id, 'reviewer');
    const leaving = await callerFor(database.db, leaver.id);
    const { id } = await ownerMonitor.incident.create({ organizationId: owner.id, incident: anIncident({ title: 'Inquiry into Larisa Kharkova', victims: [] }) });
    await ownerMonitor.review.submit({ id, version: 1 });
    const before = await leaving.notification.list({});
    expect(before.map((n) => n.incidentTitle)).toContain('Inquiry into Larisa Kharkova');

    await database.db.delete(memberships).where(and(eq(memberships.userId, leaver.id), eq(memberships.organizationId, owner.id)));
    await database.db.update(incidents).set({ title: 'Kharkova: renamed after they left' }).where(eq(incidents.id, id));
    const after = await (await callerFor(database.db, leaver.id)).notification.list({});
    expect(after.length).toBe(before.length);
    expect(after.every((n) => n.incidentTitle === null && n.incidentId === null && n.caseTitle === null && n.caseId === null)).toBe(true);
    expectNoSecret('notifications of a former member', after);
  });
});
