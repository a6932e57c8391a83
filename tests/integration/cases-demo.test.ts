import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { caseVersions, cases, users } from '@/db/schema';
import { seedDemo } from '@/server/services/demo/seed';
import { formatPartialDate } from '@/server/validation/partial-date';
import { createTestDatabase } from '../support/database';
import { callerFor } from '../support/factories';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

describe('the demo case of Larisa Kharkova', () => {
  it('reads as its real history: charges January 2017, conviction 25 July 2017, appeal upheld 29 September 2017', async () => {
    await seedDemo(database);
    const [monitor] = await database.db.select({ id: users.id }).from(users).where(eq(users.email, 'monitor@demo.hrd-monitor.org'));
    const caller = await callerFor(database.db, monitor!.id);
    const kharkova = (await caller.case.list({ text: 'Kharkova' }))[0]!;
    const detail = await caller.case.get({ id: kharkova.id });
    expect(detail.persons.map((p) => [p.name, p.role])).toEqual([
      ['Larisa Kharkova', 'defendant'],
      ['Vladimir (son of Larisa Kharkova)', 'relative'],
    ]);

    const timeline = await caller.case.timeline({ id: kharkova.id });
    const legal = timeline
      .filter((item) => item.type === 'legalEvent')
      .map((item) => `${formatPartialDate(item.date!, item.datePrecision)}: ${item.kind}${item.outcome ? ` (${item.outcome})` : ''}`);
    expect(legal).toEqual([
      'January 2017: charges',
      '25 July 2017: verdict (convicted)',
      '28 September 2017: hearing',
      '29 September 2017: appeal_decision (upheld)',
    ]);
    // Everything in date order: the eight incidents, the four legal events and the four interventions.
    expect(timeline.map((item) => item.type).filter((type) => type === 'incident')).toHaveLength(8);
    expect(timeline).toHaveLength(16);
    const dates = timeline.map((item) => item.date!);
    expect([...dates].sort()).toEqual(dates);
    expect(timeline.find((item) => item.type === 'legalEvent' && item.kind === 'charges')).toMatchObject({
      provisions: [
        { code: 'Criminal Code of Kazakhstan', article: '189' },
        { code: 'Criminal Code of Kazakhstan', article: '190' },
      ],
    });

    // The 2017 allegation letter was never answered: it leads the list of replies awaited, overdue.
    const awaiting = await caller.case.awaitingReply();
    expect(awaiting.map((item) => [item.referenceCode, item.replyDueOn, item.overdue])).toEqual([['AL KAZ 3/2017', '2018-02-10', true]]);
  });

  it('is completed once: a second run of the demo adds nothing', async () => {
    const [record] = await database.db.select({ id: cases.id }).from(cases).where(eq(cases.ref, 'case:kharkova'));
    const before = await database.db.select().from(caseVersions).where(eq(caseVersions.caseId, record!.id));
    await seedDemo(database);
    const after = await database.db.select().from(caseVersions).where(eq(caseVersions.caseId, record!.id));
    expect(after.length).toBe(before.length);
  });
});
