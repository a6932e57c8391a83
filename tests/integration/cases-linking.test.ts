import { describe, expect, it } from 'vitest';
import { anIncident, callerFor } from '../support/factories';
import { bureauAndPartner } from '../support/casts';
import { fileDatabase } from '../support/file-database';

const { database, bureau, partner, monitor, partnerReviewer } = fileDatabase({}, bureauAndPartner);

async function aCase(title = 'Judicial harassment of Larisa Kharkova') {
  const caller = await callerFor(database.db, monitor.id);
  return caller.case.create({ organizationId: bureau.id, title, persons: [] });
}

describe('linking incidents to a case', () => {
  it('links an incident of the organization once, however often it is asked, and unlinks it', async () => {
    const caller = await callerFor(database.db, monitor.id);
    const { id: caseId } = await aCase();
    const { id: incidentId } = await caller.incident.create({ organizationId: bureau.id, incident: anIncident({ title: 'Home searched' }) });

    const first = await caller.case.linkIncident({ caseId, incidentId });
    expect(first).toEqual({ changed: true, version: 2 });
    const again = await caller.case.linkIncident({ caseId, incidentId });
    expect(again).toEqual({ changed: false, version: 2 });

    const timeline = await caller.case.timeline({ id: caseId });
    expect(timeline.filter((item) => item.type === 'incident').map((item) => item.id)).toEqual([incidentId]);
    // One new version for the link, none for the repeat.
    expect((await caller.case.history({ id: caseId })).map((entry) => entry.version)).toEqual([2, 1]);
    expect((await caller.case.ofIncident({ incidentId })).map((c) => c.id)).toEqual([caseId]);

    expect(await caller.case.unlinkIncident({ caseId, incidentId })).toEqual({ changed: true, version: 3 });
    expect(await caller.case.unlinkIncident({ caseId, incidentId })).toEqual({ changed: false, version: 3 });
    expect(await caller.case.timeline({ id: caseId })).toEqual([]);
  });

  it('lets one incident belong to several cases', async () => {
    const caller = await callerFor(database.db, monitor.id);
    const { id: incidentId } = await caller.incident.create({ organizationId: bureau.id, incident: anIncident({ title: 'Union liquidated' }) });
    const union = await aCase('Closure of the confederation');
    const leader = await aCase('Prosecution of its president');
    await caller.case.linkIncident({ caseId: union.id, incidentId });
    await caller.case.linkIncident({ caseId: leader.id, incidentId });
    expect((await caller.case.ofIncident({ incidentId })).map((c) => c.title).sort()).toEqual(['Closure of the confederation', 'Prosecution of its president']);
  });

  it('answers NOT_FOUND for another organization’s incident that is not shared, and links it once it is shared', async () => {
    const caller = await callerFor(database.db, monitor.id);
    const partnerCaller = await callerFor(database.db, partnerReviewer.id);
    const { id: caseId } = await aCase();
    const { id: theirs } = await partnerCaller.incident.create({ organizationId: partner.id, incident: anIncident({ title: 'Partner’s incident' }) });

    const hidden = await caller.case.linkIncident({ caseId, incidentId: theirs }).catch((e: { code: string; message: string }) => ({ code: e.code, message: e.message }));
    const missing = await caller.case
      .linkIncident({ caseId, incidentId: '00000000-0000-4000-8000-000000000000' })
      .catch((e: { code: string; message: string }) => ({ code: e.code, message: e.message }));
    expect(hidden).toEqual({ code: 'NOT_FOUND', message: 'No such incident' });
    expect(hidden).toEqual(missing);
    // Nor does the picker offer it.
    expect((await caller.case.incidentPicker({ caseId, text: 'Partner' })).map((i) => i.id)).toEqual([]);

    await partnerCaller.incident.share({ id: theirs, organizationId: bureau.id });
    const offered = await caller.case.incidentPicker({ caseId, text: 'Partner' });
    expect(offered.map((i) => [i.id, i.sharedBy])).toEqual([[theirs, 'Partner Coalition']]);
    expect(await caller.case.linkIncident({ caseId, incidentId: theirs })).toMatchObject({ changed: true });
    const [item] = await caller.case.timeline({ id: caseId });
    expect(item).toMatchObject({ type: 'incident', id: theirs, sharedBy: 'Partner Coalition' });

    const countInList = async () => (await caller.case.list({})).find((c) => c.id === caseId)?.incidentCount;
    expect(await countInList()).toBe(1);

    // Once unshared, the case no longer shows it, nor counts it: the bureau may not see it any more.
    await partnerCaller.incident.unshare({ id: theirs, organizationId: bureau.id });
    expect(await caller.case.timeline({ id: caseId })).toEqual([]);
    expect(await countInList()).toBe(0);
  });

  it('does not let the partner see, link into or read a case of another organization', async () => {
    const caller = await callerFor(database.db, monitor.id);
    const partnerCaller = await callerFor(database.db, partnerReviewer.id);
    const { id: caseId } = await aCase();
    const { id: theirs } = await partnerCaller.incident.create({ organizationId: partner.id, incident: anIncident() });
    await expect(partnerCaller.case.get({ id: caseId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(partnerCaller.case.linkIncident({ caseId, incidentId: theirs })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(partnerCaller.case.timeline({ id: caseId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await partnerCaller.case.list({})).map((c) => c.id)).not.toContain(caseId);
    expect((await caller.case.list({})).map((c) => c.id)).toContain(caseId);
  });

  it('offers, as you type, incidents matching the text and not yet in the case', async () => {
    const caller = await callerFor(database.db, monitor.id);
    const { id: caseId } = await aCase();
    const { id: car } = await caller.incident.create({ organizationId: bureau.id, incident: anIncident({ title: 'Car of her son set on fire' }) });
    const { id: device } = await caller.incident.create({ organizationId: bureau.id, incident: anIncident({ title: 'Device found under a car' }) });
    expect((await caller.case.incidentPicker({ caseId, text: 'car' })).map((i) => i.id).sort()).toEqual([car, device].sort());
    expect((await caller.case.incidentPicker({ caseId, text: 'son set' })).map((i) => i.id)).toEqual([car]);
    await caller.case.linkIncident({ caseId, incidentId: car });
    expect((await caller.case.incidentPicker({ caseId, text: 'car' })).map((i) => i.id)).toEqual([device]);
    // A percent sign is text, not a wildcard.
    expect(await caller.case.incidentPicker({ caseId, text: '%' })).toEqual([]);
  });

  it('leaves a deleted incident out of the timeline', async () => {
    const caller = await callerFor(database.db, monitor.id);
    const { id: caseId } = await aCase();
    const { id: incidentId, version } = await caller.incident.create({ organizationId: bureau.id, incident: anIncident() });
    await caller.case.linkIncident({ caseId, incidentId });
    await caller.incident.delete({ id: incidentId, version });
    expect(await caller.case.timeline({ id: caseId })).toEqual([]);
    expect((await caller.case.list({})).find((c) => c.id === caseId)?.incidentCount).toBe(0);
    await expect(caller.case.linkIncident({ caseId, incidentId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
