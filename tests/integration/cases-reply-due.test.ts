/**
 * UN communications ask the government to reply within 60 days. Whoever records one (the form, a
 * direct API call, an import) without a due date gets that default, so it shows among the replies
 * awaited; a date known only to the month or the year counts from the end of that period.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { caseInterventions, cases } from '@/db/schema';
import type { ExchangeDocument } from '@/server/services/exchange/document';
import { exportExchangeDocument } from '@/server/services/exchange/export';
import { importExchangeDocument } from '@/server/services/exchange/import';
import { callerFor, createOrganization, createUser } from '../support/factories';
import { bureauWithMonitor } from '../support/casts';
import { fileDatabase } from '../support/file-database';

const { database, bureau, monitor } = fileDatabase({}, bureauWithMonitor);

async function newCase() {
  const caller = await callerFor(database.db, monitor.id);
  const { id } = await caller.case.create({ organizationId: bureau.id, title: 'Judicial harassment of Larisa Kharkova', persons: [] });
  return { caller, caseId: id };
}

/** The interventions of the case as its timeline shows them: kind, reference and the reply dates. */
async function repliesOf(caller: Awaited<ReturnType<typeof callerFor>>, caseId: string) {
  const timeline = await caller.case.timeline({ id: caseId });
  return timeline.flatMap((item) => (item.type === 'intervention' ? [[item.referenceCode, item.replyDueOn, item.replyReceivedOn]] : []));
}

describe('the reply due date of a UN communication', () => {
  it('defaults to 60 days after a communication added without one, counted from the end of a month or a year', async () => {
    const { caller, caseId } = await newCase();
    const un = { caseId, kind: 'un_communication' };
    await caller.case.addIntervention({ ...un, datePrecision: 'day', date: '2017-12-12', referenceCode: 'AL KAZ 3/2017' });
    // Sent some day in February 2017: the last day it could have been sent is 28 February.
    await caller.case.addIntervention({ ...un, datePrecision: 'month', date: '2017-02', referenceCode: 'UA KAZ 1/2017' });
    // Sent some day in 2016: counted from 31 December.
    await caller.case.addIntervention({ ...un, datePrecision: 'year', date: '2016', referenceCode: 'AL KAZ 9/2016' });
    // What the person gave is kept: their own due date, or a reply already received (nothing is then awaited).
    await caller.case.addIntervention({ ...un, datePrecision: 'day', date: '2017-01-23', referenceCode: 'KAZ 1/2017', replyDueOn: '2017-04-01' });
    await caller.case.addIntervention({ ...un, datePrecision: 'day', date: '2017-05-05', referenceCode: 'KAZ 2/2017', replyReceivedOn: '2017-06-01' });
    // Other kinds ask for no reply.
    await caller.case.addIntervention({ caseId, kind: 'urgent_appeal', datePrecision: 'day', date: '2017-10-04', referenceCode: 'UA-OBS' });

    expect(await repliesOf(caller, caseId)).toEqual([
      ['AL KAZ 9/2016', '2017-03-01', null],
      ['KAZ 1/2017', '2017-04-01', null],
      ['UA KAZ 1/2017', '2017-04-29', null],
      ['KAZ 2/2017', null, '2017-06-01'],
      ['UA-OBS', null, null],
      ['AL KAZ 3/2017', '2018-02-10', null],
    ]);
    const awaiting = (await caller.case.awaitingReply()).filter((item) => item.caseId === caseId);
    expect(awaiting.map((item) => [item.referenceCode, item.replyDueOn, item.overdue])).toEqual([
      ['AL KAZ 9/2016', '2017-03-01', true],
      ['KAZ 1/2017', '2017-04-01', true],
      ['UA KAZ 1/2017', '2017-04-29', true],
      ['AL KAZ 3/2017', '2018-02-10', true],
    ]);
  });

  it('is only a default: an edit that clears it keeps it cleared', async () => {
    const { caller, caseId } = await newCase();
    const created = await caller.case.addIntervention({ caseId, kind: 'un_communication', datePrecision: 'day', date: '2017-12-12', referenceCode: 'AL KAZ 3/2017' });
    await caller.case.updateIntervention({ id: created.id, version: created.version, kind: 'un_communication', datePrecision: 'day', date: '2017-12-12', referenceCode: 'AL KAZ 3/2017', replyDueOn: null });
    expect(await repliesOf(caller, caseId)).toEqual([['AL KAZ 3/2017', null, null]]);
  });

  it('is given to UN communications an import creates, and kept when the same file is imported again', async () => {
    const organization = await createOrganization(database.db);
    const admin = await createUser(database.db, organization.id, 'admin');
    const file = JSON.parse(readFileSync(path.join(__dirname, '../../fixtures/kazakhstan-2017.json'), 'utf8')) as ExchangeDocument;
    await importExchangeDocument(database.db, file, { organizationId: organization.id, actingUserId: admin.id });

    const [kharkova] = await database.db.select().from(cases).where(and(eq(cases.organizationId, organization.id), eq(cases.ref, 'case:kharkova')));
    const read = () =>
      database.db
        .select({ kind: caseInterventions.kind, referenceCode: caseInterventions.referenceCode, replyDueOn: caseInterventions.replyDueOn })
        .from(caseInterventions)
        .where(eq(caseInterventions.caseId, kharkova!.id))
        .orderBy(asc(caseInterventions.position));
    expect(await read()).toEqual([
      { kind: 'un_communication', referenceCode: 'KAZ 1/2017', replyDueOn: '2017-03-24' },
      { kind: 'government_reply', referenceCode: 'KAZ 1/2017', replyDueOn: null },
      { kind: 'urgent_appeal', referenceCode: null, replyDueOn: null },
      { kind: 'un_communication', referenceCode: 'AL KAZ 3/2017', replyDueOn: '2018-02-10' },
    ]);
    const admins = await callerFor(database.db, admin.id);
    // Version 2 of the format carries reply dates: the file records the government's reply to KAZ 1/2017.
    expect((await admins.case.awaitingReply()).map((item) => item.referenceCode)).toEqual(['AL KAZ 3/2017']);

    // Exported and imported again, the same reply dates come back and nothing changes.
    const again = await importExchangeDocument(database.db, await exportExchangeDocument(database.db, organization.id), {
      organizationId: organization.id,
      actingUserId: admin.id,
    });
    expect(again.cases).toMatchObject({ created: 0, updated: 0 });
    expect((await read()).map((row) => row.replyDueOn)).toEqual(['2017-03-24', null, null, '2018-02-10']);
  });
});
