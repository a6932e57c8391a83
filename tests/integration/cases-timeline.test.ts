import { describe, expect, it } from 'vitest';
import { formatIncidentDate } from '@/common/i18n';
import { anIncident, callOverHttp, callerFor } from '../support/factories';
import { bureauWithMonitor } from '../support/casts';
import { fileDatabase } from '../support/file-database';

const { database, bureau, monitor } = fileDatabase({}, bureauWithMonitor);

const anIntervention = (caseId: string, overrides: Record<string, unknown> = {}) => ({
  caseId,
  kind: 'un_communication',
  datePrecision: 'day' as const,
  date: '2017-12-12',
  by: 'UN Special Rapporteurs',
  referenceCode: 'AL KAZ 3/2017',
  summary: 'Allegation letter',
  ...overrides,
});

async function newCase(title: string) {
  const caller = await callerFor(database.db, monitor.id);
  const { id } = await caller.case.create({ organizationId: bureau.id, title, persons: [] });
  return { caller, caseId: id };
}

describe('a case timeline', () => {
  it('merges incidents, legal events and interventions in date order with honest precision, undated last', async () => {
    const { caller, caseId } = await newCase('Judicial harassment of Larisa Kharkova');
    const incident = async (title: string, precision: 'day' | 'month' | 'year', start: string) => {
      const { id } = await caller.incident.create({ organizationId: bureau.id, incident: anIncident({ title, date: { precision, start } }) });
      await caller.case.linkIncident({ caseId, incidentId: id });
    };
    await incident('Conviction', 'day', '2017-07-25');
    await incident('Threats during 2017', 'year', '2017');
    await incident('Home searched in January', 'month', '2017-01');
    await incident('Charges brought', 'day', '2017-01-09');
    await caller.case.addLegalEvent({ caseId, kind: 'appeal_decision', datePrecision: 'day', date: '2017-09-29', outcome: 'upheld' });
    await caller.case.addLegalEvent({ caseId, kind: 'charges', datePrecision: 'month', date: '2017-01', provisions: [{ code: 'Criminal Code', article: '189', title: 'misappropriation' }] });
    await caller.case.addLegalEvent({ caseId, kind: 'hearing', datePrecision: 'day', date: null, summary: 'A hearing whose date nobody recorded' });
    await caller.case.addIntervention(anIntervention(caseId));
    await caller.case.addIntervention(anIntervention(caseId, { kind: 'urgent_appeal', datePrecision: 'month', date: '2017-10', referenceCode: null }));

    const timeline = await caller.case.timeline({ id: caseId });
    const lines = timeline.map((item) => {
      const when = item.date ? formatIncidentDate(item.date, item.datePrecision, 'en') : 'undated';
      const what = item.type === 'incident' ? item.title : `${item.type}:${item.kind}`;
      return `${when} | ${what}`;
    });
    expect(lines).toEqual([
      '2017 | Threats during 2017',
      'January 2017 | Home searched in January',
      'January 2017 | legalEvent:charges',
      '9 January 2017 | Charges brought',
      '25 July 2017 | Conviction',
      '29 September 2017 | legalEvent:appeal_decision',
      'October 2017 | intervention:urgent_appeal',
      '12 December 2017 | intervention:un_communication',
      'undated | legalEvent:hearing',
    ]);
    const charges = timeline.find((item) => item.type === 'legalEvent' && item.kind === 'charges');
    expect(charges).toMatchObject({ provisions: [{ code: 'Criminal Code', article: '189', title: 'misappropriation' }] });
  });

  it('keeps every change in the history, naming what was added', async () => {
    const { caller, caseId } = await newCase('History case');
    await caller.case.addIntervention(anIntervention(caseId));
    const [latest] = await caller.case.history({ id: caseId });
    expect(latest!.version).toBe(2);
    expect(latest!.changes).toEqual([
      {
        field: 'interventions',
        before: null,
        after: [expect.objectContaining({ date: '2017-12-12', kind: 'un_communication', by: 'UN Special Rapporteurs', referenceCode: 'AL KAZ 3/2017' })],
      },
    ]);
  });
});

describe('interventions', () => {
  it('refuses a malformed date with a message on the date field', async () => {
    const { caseId } = await newCase('Bad dates');
    const answer = await callOverHttp(database.db, monitor.id, 'case.addIntervention', anIntervention(caseId, { date: '2017-02-30' }));
    expect(answer.status).toBe(400);
    expect(answer.body.error?.json.data.code).toBe('BAD_REQUEST');
    expect(answer.body.error?.json.data.fieldErrors).toEqual({ date: 'Give a real date written YYYY-MM-DD (the precision is "day")' });

    // "12/2017" is December 2017 written day-first, as Russian and Kazakh write it; "December 2017" is not a date the form reads.
    const monthly = await callOverHttp(database.db, monitor.id, 'case.addIntervention', anIntervention(caseId, { datePrecision: 'month', date: 'Dec 2017' }));
    expect(monthly.body.error?.json.data.fieldErrors).toEqual({ date: 'Give a real date written YYYY-MM (the precision is "month")' });

    const due = await callOverHttp(database.db, monitor.id, 'case.addIntervention', anIntervention(caseId, { replyDueOn: 'soon' }));
    expect(due.body.error?.json.data.fieldErrors).toEqual({ replyDueOn: 'A real date, YYYY-MM-DD or DD.MM.YYYY' });

    const early = await callOverHttp(database.db, monitor.id, 'case.addIntervention', anIntervention(caseId, { replyDueOn: '2017-01-01' }));
    expect(early.body.error?.json.data.fieldErrors).toEqual({ replyDueOn: 'A reply cannot be due before the intervention' });

    const caller = await callerFor(database.db, monitor.id);
    expect(await caller.case.timeline({ id: caseId })).toEqual([]);
  });

  it('accepts a missing reference code and a date before the case’s first incident', async () => {
    const { caller, caseId } = await newCase('Early appeal');
    const { id: incidentId } = await caller.incident.create({
      organizationId: bureau.id,
      incident: anIncident({ date: { precision: 'day', start: '2017-07-25' } }),
    });
    await caller.case.linkIncident({ caseId, incidentId });
    await caller.case.addIntervention(anIntervention(caseId, { kind: 'statement', date: '2016-11-30', referenceCode: undefined }));
    const timeline = await caller.case.timeline({ id: caseId });
    expect(timeline.map((item) => item.type)).toEqual(['intervention', 'incident']);
    expect(timeline[0]).toMatchObject({ kind: 'statement', date: '2016-11-30', referenceCode: null });
  });

  it('lists those awaiting a reply, overdue first, until the reply is recorded', async () => {
    const { caller, caseId } = await newCase('Awaiting replies');
    const later = await caller.case.addIntervention(anIntervention(caseId, { date: '2099-01-10', replyDueOn: '2099-03-11', referenceCode: 'UA KAZ 9/2099' }));
    const overdue = await caller.case.addIntervention(anIntervention(caseId, { date: '2017-12-12', replyDueOn: '2018-02-10', referenceCode: 'AL KAZ 3/2017' }));
    await caller.case.addIntervention(anIntervention(caseId, { kind: 'statement', date: '2017-10-04', replyDueOn: null, referenceCode: null }));
    const replied = await caller.case.addIntervention(
      anIntervention(caseId, { date: '2017-01-23', replyDueOn: '2017-03-24', replyReceivedOn: '2017-03-20', referenceCode: 'KAZ 1/2017' }),
    );

    const awaiting = (await caller.case.awaitingReply()).filter((item) => item.caseId === caseId);
    expect(awaiting.map((item) => [item.referenceCode, item.overdue])).toEqual([
      ['AL KAZ 3/2017', true],
      ['UA KAZ 9/2099', false],
    ]);
    expect(awaiting[0]!.daysOverdue).toBeGreaterThan(365);
    expect(awaiting.map((item) => item.id)).not.toContain(replied.id);

    await expect(caller.case.replyReceived({ id: overdue.id, version: overdue.version, replyReceivedOn: '2017-01-01' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await caller.case.replyReceived({ id: overdue.id, version: overdue.version, replyReceivedOn: '2018-03-01' });
    expect((await caller.case.awaitingReply()).filter((item) => item.caseId === caseId).map((item) => item.id)).toEqual([later.id]);
  });

  it('refuses a stale edit of an intervention with CONFLICT, and removes it softly', async () => {
    const { caller, caseId } = await newCase('Concurrent intervention edits');
    const created = await caller.case.addIntervention(anIntervention(caseId));
    const { caseId: _caseId, ...fields } = anIntervention(caseId);
    await caller.case.updateIntervention({ ...fields, id: created.id, version: created.version, summary: 'First edit' });
    await expect(caller.case.updateIntervention({ ...fields, id: created.id, version: created.version, summary: 'Second edit' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await caller.case.removeIntervention({ id: created.id, version: created.version + 1 });
    expect(await caller.case.timeline({ id: caseId })).toEqual([]);
    const [latest] = await caller.case.history({ id: caseId });
    expect(latest!.changes[0]).toMatchObject({ field: 'interventions', before: [expect.objectContaining({ summary: 'First edit' })], after: null });
  });
});
