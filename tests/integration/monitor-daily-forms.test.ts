/**
 * Issue 18, the monitor's daily work on the forms: adding an incident to a case they can see but
 * did not open, the sources an incident page shows, and the key local drafts are sealed with.
 */
import { describe, expect, it } from 'vitest';
import { anIncident, callerFor, createUser } from '../support/factories';
import { bureauAndPartner } from '../support/casts';
import { fileDatabase } from '../support/file-database';

const { database, bureau, partner, monitor, partnerReviewer, colleague, reviewer } = fileDatabase({}, async (db) => {
  const cast = await bureauAndPartner(db);
  return { ...cast, colleague: await createUser(db, cast.bureau.id, 'monitor'), reviewer: await createUser(db, cast.bureau.id, 'reviewer') };
});

const codeOf = (promise: Promise<unknown>) => promise.then(() => 'ok', (error: { code: string }) => error.code);

describe('a monitor adds an incident to a case someone else opened', () => {
  it('finds the case by its title, adds the incident from either side, and the case gets a new version', async () => {
    const opener = await callerFor(database.db, colleague.id);
    const me = await callerFor(database.db, monitor.id);
    const existing = await opener.case.create({ organizationId: bureau.id, title: 'Prosecution of Mahkambet Abzhan', persons: [] });
    const { id: incidentId } = await me.incident.create({ organizationId: bureau.id, incident: anIncident({ title: 'Journalist detained in Almaty' }) });

    // Before: the picker offered only cases the monitor may edit, and said "Nothing matches".
    expect(await me.case.editableChoices({ incidentId, text: 'Abzhan' })).toEqual([{ id: existing.id, title: 'Prosecution of Mahkambet Abzhan', reviewStatus: 'draft', linkable: true }]);
    expect(await me.case.linkIncident({ caseId: existing.id, incidentId })).toEqual({ changed: true, version: 2 });
    expect((await me.case.ofIncident({ incidentId })).map((c) => c.id)).toEqual([existing.id]);

    // From the case's side: its page offers "add incident" to the monitor, who may not edit the case itself.
    const page = await me.case.get({ id: existing.id });
    expect([page.canEdit, page.canLinkIncidents]).toEqual([false, true]);
    const { id: second } = await me.incident.create({ organizationId: bureau.id, incident: anIncident({ title: 'Second detention in Almaty' }) });
    expect((await me.case.incidentPicker({ caseId: existing.id, text: 'Second detention' })).map((i) => i.id)).toEqual([second]);
    expect(await me.case.linkIncident({ caseId: existing.id, incidentId: second })).toEqual({ changed: true, version: 3 });

    // Taking one out again stays with those who may edit the case.
    expect(await codeOf(me.case.unlinkIncident({ caseId: existing.id, incidentId: second }))).toBe('FORBIDDEN');
  });

  it('says a case under review is busy, and refuses to add to it until it is decided', async () => {
    const opener = await callerFor(database.db, colleague.id);
    const me = await callerFor(database.db, monitor.id);
    const pending = await opener.case.create({ organizationId: bureau.id, title: 'Tax inspections of NGOs', persons: [] });
    await opener.case.submit({ id: pending.id, version: 1 });
    const { id: incidentId } = await me.incident.create({ organizationId: bureau.id, incident: anIncident({ title: 'Inspection at the Bureau' }) });

    expect(await me.case.editableChoices({ incidentId, text: 'Tax inspections' })).toEqual([{ id: pending.id, title: 'Tax inspections of NGOs', reviewStatus: 'submitted', linkable: false }]);
    expect(await codeOf(me.case.linkIncident({ caseId: pending.id, incidentId }))).toBe('FORBIDDEN');
  });

  it('never offers or links another organization’s case', async () => {
    const theirs = await (await callerFor(database.db, partnerReviewer.id)).case.create({ organizationId: partner.id, title: 'Partner case about Abzhan', persons: [] });
    const me = await callerFor(database.db, monitor.id);
    const { id: incidentId } = await me.incident.create({ organizationId: bureau.id, incident: anIncident({ title: 'Not for the partner' }) });
    expect((await me.case.editableChoices({ incidentId, text: 'Partner case' })).map((c) => c.id)).toEqual([]);
    expect(await codeOf(me.case.linkIncident({ caseId: theirs.id, incidentId }))).toBe('NOT_FOUND');
  });
});

describe('the sources an incident page shows', () => {
  it('shows each source’s publisher, date and web address (completed with https://) to the organization, and nothing of them to a partner it is shared with', async () => {
    const me = await callerFor(database.db, monitor.id);
    const { id } = await me.incident.create({
      organizationId: bureau.id,
      incident: anIncident({
        sources: [{ kind: 'newSource', source: { title: 'Activist detained', publisher: 'RFE/RL', publishedOn: '12.03.2018', url: 'rferl.org/a/29123' } }],
      }),
    });
    const detail = await me.incident.get({ id });
    expect(detail.sourceDetails).toEqual([{ id: detail.sources[0]!.id, publisher: 'RFE/RL', publishedOn: '2018-03-12', url: 'https://rferl.org/a/29123' }]);

    const owner = await callerFor(database.db, reviewer.id);
    await owner.incident.share({ id, organizationId: partner.id });
    const shared = await (await callerFor(database.db, partnerReviewer.id)).incident.get({ id });
    expect(shared.sharedReadOnly).toBe(true);
    expect(shared.sourceDetails).toEqual([]);
  });
});

describe('the key local drafts are sealed with', () => {
  it('is one per session: the same on each ask, another for another session, none without a session', async () => {
    const first = await callerFor(database.db, monitor.id);
    const second = await callerFor(database.db, monitor.id);
    const a = await first.session.draftKey();
    expect(a.accountId).toBe(monitor.id);
    expect(a.key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await first.session.draftKey()).key).toBe(a.key);
    expect((await second.session.draftKey()).key).not.toBe(a.key);
    expect(await codeOf((await callerFor(database.db, null)).session.draftKey())).toBe('UNAUTHORIZED');
  });
});

describe('the audit log in words', () => {
  it('names the records an entry mentions, as its subject and in its details, and only those of the admin’s organizations', async () => {
    const admin = await createUser(database.db, bureau.id, 'admin');
    const me = await callerFor(database.db, monitor.id);
    const { id: caseId } = await me.case.create({ organizationId: bureau.id, title: 'Prosecution of Larisa Kharkova', persons: [] });
    const { id: incidentId } = await me.incident.create({ organizationId: bureau.id, incident: anIncident({ title: 'Kharkova charged' }) });
    await me.case.linkIncident({ caseId, incidentId });
    await me.case.addIntervention({ caseId, kind: 'un_communication', datePrecision: 'day', date: '10.02.2017', referenceCode: 'AL KAZ 2/2017' });
    // A partner's incident shared with the Bureau and linked: the Bureau's admin reads it by id only.
    const partnerCaller = await callerFor(database.db, partnerReviewer.id);
    const { id: theirs } = await partnerCaller.incident.create({ organizationId: partner.id, incident: anIncident({ title: 'Partner’s secret title' }) });
    await partnerCaller.incident.share({ id: theirs, organizationId: bureau.id });
    await me.case.linkIncident({ caseId, incidentId: theirs });

    const page = await (await callerFor(database.db, admin.id)).admin.auditLog({ subjectId: caseId });
    expect(page.items.map((item) => [item.action, Object.keys(item.details).sort()])).toEqual([
      ['case.link_incident', ['incidentId', 'version']],
      ['case.add_intervention', ['interventionId', 'kind', 'version']],
      ['case.link_incident', ['incidentId', 'version']],
      ['case.create', ['version']],
    ]);
    const interventionId = page.items[1]!.details.interventionId as number;
    expect(page.references).toEqual({
      [`case:${caseId}`]: { kind: 'case', id: caseId, name: 'Prosecution of Larisa Kharkova' },
      [`incident:${incidentId}`]: { kind: 'incident', id: incidentId, name: 'Kharkova charged' },
      [`intervention:${interventionId}`]: { kind: 'intervention', id: String(interventionId), caseId, name: 'Prosecution of Larisa Kharkova', detail: { kind: 'un_communication', date: '2017-02-10' } },
    });
    expect(JSON.stringify(page)).not.toContain('Partner’s secret title');
  });
});
