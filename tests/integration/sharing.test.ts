import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { createTestDatabase } from '../support/database';
import { anIncident, callerFor, createOrganization, createUser, seedVocabulary } from '../support/factories';

let database: Database;
let owner: { id: string };
let partner: { id: string };
let monitor: { id: string };
let reviewer: { id: string };
let partnerMonitor: { id: string };

beforeAll(async () => {
  database = await createTestDatabase();
  await seedVocabulary(database.db);
  owner = await createOrganization(database.db, 'Kazakhstan Bureau');
  partner = await createOrganization(database.db, 'Partner Coalition');
  monitor = await createUser(database.db, owner.id, 'monitor');
  reviewer = await createUser(database.db, owner.id, 'reviewer');
  partnerMonitor = await createUser(database.db, partner.id, 'monitor');
});
afterAll(async () => {
  await database?.close();
});

describe('sharing an incident with another organization', () => {
  it('lets the partner read it, redacted and read-only, until it is unshared', async () => {
    const author = await callerFor(database.db, monitor.id);
    const { id } = await author.incident.create({
      organizationId: owner.id,
      incident: anIncident({
        victims: [
          { kind: 'newPerson', person: { name: 'Canary Secret Witness', confidential: true, categories: [] } },
          { kind: 'newPerson', person: { name: 'Public Defender Name', confidential: false, categories: [] } },
        ],
      }),
    });
    const theirs = await callerFor(database.db, partnerMonitor.id);
    await expect(theirs.incident.get({ id })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    // The page offers sharing exactly to those the server lets share.
    expect((await author.incident.get({ id })).canShare).toBe(false);
    await expect(author.incident.share({ id, organizationId: partner.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const reviewing = await callerFor(database.db, reviewer.id);
    expect((await reviewing.incident.get({ id })).canShare).toBe(true);
    await reviewing.incident.share({ id, organizationId: partner.id });
    await reviewing.incident.share({ id, organizationId: partner.id }); // twice is harmless
    expect((await reviewing.incident.shares({ id })).map((s) => s.name)).toEqual(['Partner Coalition']);

    const shared = await theirs.incident.get({ id });
    expect(shared.sharedReadOnly).toBe(true);
    expect(shared.canEdit).toBe(false);
    expect(shared.transitions).toEqual([]);
    expect(shared.canShare).toBe(false);
    expect(shared.createdBy).toBeNull();
    expect(shared.victims.map((v) => v.kind === 'person' && v.name)).toEqual(['Protected person 1', 'Public Defender Name']);
    expect(JSON.stringify(shared)).not.toContain('Canary Secret Witness');
    expect((await theirs.incident.sharedWithMe()).map((s) => s.id)).toEqual([id]);

    // Reading is all: no history (it holds names), no discussion, no edits, no decisions.
    await expect(theirs.incident.history({ id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(theirs.comment.list({ incidentId: id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(theirs.incident.update({ id, version: 1, incident: anIncident() })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(theirs.review.submit({ id, version: 1 })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    await reviewing.incident.unshare({ id, organizationId: partner.id });
    await expect(theirs.incident.get({ id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it("hides a confidential person's name wherever the shared copy's text names them, as the public side does", async () => {
    const author = await callerFor(database.db, monitor.id);
    // Known to the owner from another record: confidential, but not a victim of this incident.
    await author.incident.create({
      organizationId: owner.id,
      incident: anIncident({ victims: [{ kind: 'newPerson', person: { name: 'Yerlan Canaryelsewhere', confidential: true, categories: [] } }] }),
    });
    const { id } = await author.incident.create({
      organizationId: owner.id,
      incident: anIncident({
        title: 'Dana Canaryvictim detained after the strike',
        summary: 'Police held Dana Canaryvictim overnight; Yerlan Canaryelsewhere saw it. Canaryvictim was released.',
        victims: [
          { kind: 'newPerson', person: { name: 'Dana Canaryvictim', confidential: true, categories: [] } },
          { kind: 'group', groupName: 'Colleagues of Dana Canaryvictim', count: 3, killed: null, injured: null, categories: [] },
        ],
        perpetrators: [{ typeCode: 'police', name: 'Officer who arrested Dana Canaryvictim' }],
        sources: [{ kind: 'newSource', source: { title: 'Interview with Yerlan Canaryelsewhere', reliability: 'B' } }],
      }),
    });
    const reviewing = await callerFor(database.db, reviewer.id);
    await reviewing.incident.share({ id, organizationId: partner.id });

    const shared = await (await callerFor(database.db, partnerMonitor.id)).incident.get({ id });
    expect(JSON.stringify(shared)).not.toMatch(/Canary|Dana|Yerlan/);
    expect(shared.title).toBe('Protected person 1 detained after the strike');
    expect(shared.summary).toBe('Police held Protected person 1 overnight; Protected person saw it. Protected person 1 was released.');
    expect(shared.victims.map((v) => v.name)).toEqual(['Protected person 1', 'Colleagues of Protected person 1']);
    expect(shared.perpetrators.map((p) => p.name)).toEqual(['Officer who arrested Protected person 1']);
    expect(shared.sources.map((s) => s.title)).toEqual(['Interview with Protected person']);
    // The owner still reads every name.
    expect((await author.incident.get({ id })).title).toBe('Dana Canaryvictim detained after the strike');
  });

  it('tells a monitor that a similar incident exists elsewhere once it is shared with them, without its title, summary or people; never another organization’s draft', async () => {
    const author = await callerFor(database.db, monitor.id);
    const { id } = await author.incident.create({ organizationId: owner.id, incident: anIncident() });
    const partnerCaller = await callerFor(database.db, partnerMonitor.id);
    const draft = await partnerCaller.incident.create({
      organizationId: partner.id,
      incident: anIncident({
        title: 'Canary partner title',
        summary: 'Canary partner summary',
        victims: [{ kind: 'newPerson', person: { name: 'Canary Partner Victim', confidential: true, categories: [] } }],
      }),
    });
    // A draft of another organization: not even its date, region and types.
    expect(await author.incident.similar({ id })).toEqual([]);

    const partnerReviewer = await callerFor(database.db, (await createUser(database.db, partner.id, 'reviewer')).id);
    await partnerReviewer.incident.share({ id: draft.id, organizationId: owner.id });
    const similar = await author.incident.similar({ id });
    expect(similar).toEqual([
      expect.objectContaining({ organizationName: 'Partner Coalition', datePrecision: 'month', violationTypes: ['arbitrary_detention'] }),
    ]);
    expect(JSON.stringify(similar)).not.toMatch(/Canary/);
  });
});

describe('who may share (security review, item 7)', () => {
  it('lists organizations to share with only for those who may share; an incident out of sight is NOT_FOUND for every sharing procedure', async () => {
    const author = await callerFor(database.db, monitor.id);
    const reviewing = await callerFor(database.db, reviewer.id);
    const theirs = await callerFor(database.db, partnerMonitor.id);
    const partnerReviewer = await callerFor(database.db, (await createUser(database.db, partner.id, 'reviewer')).id);
    const { id } = await author.incident.create({ organizationId: owner.id, incident: anIncident() });
    const unknown = '00000000-0000-4000-8000-000000000000';
    const outcome = (run: Promise<unknown>) => run.then(() => 'ok', (error: { code: string; problem?: { code: string } }) => `${error.code} ${error.problem?.code ?? ''}`.trim());

    expect(await outcome(author.incident.shareTargets({ id }))).toBe('FORBIDDEN sharing.reviewersOnly');
    expect(await outcome(theirs.incident.shareTargets({ id }))).toBe('NOT_FOUND notFound');
    expect(await outcome(reviewing.incident.shareTargets({ id: unknown }))).toBe('NOT_FOUND notFound');
    const targets = (await reviewing.incident.shareTargets({ id })).map((target) => target.id);
    expect(targets).toContain(partner.id);
    expect(targets).not.toContain(owner.id);

    expect(await outcome(theirs.incident.share({ id, organizationId: partner.id }))).toBe('NOT_FOUND notFound');
    expect(await outcome(reviewing.incident.share({ id: unknown, organizationId: partner.id }))).toBe('NOT_FOUND notFound');
    expect(await outcome(reviewing.incident.share({ id, organizationId: unknown }))).toBe('NOT_FOUND notFound');
    expect((await theirs.bulk.share({ ids: [id], organizationId: partner.id }))[0]).toMatchObject({ done: false, code: 'NOT_FOUND' });

    // Shared with the partner, it stays the owner's to share on: the partner's reviewer reads it, and no more.
    await reviewing.incident.share({ id, organizationId: partner.id });
    expect(await outcome(partnerReviewer.incident.shareTargets({ id }))).toBe('NOT_FOUND notFound');
    expect(await outcome(partnerReviewer.incident.share({ id, organizationId: partner.id }))).toBe('NOT_FOUND notFound');
    expect(await outcome(partnerReviewer.incident.unshare({ id, organizationId: partner.id }))).toBe('NOT_FOUND notFound');
  });
});
