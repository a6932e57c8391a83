import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { caseVersions, cases, users } from '@/db/schema';
import { setPublicDatabaseForTests } from '@/server/public/db';
import { publicApiBuckets } from '@/server/public/rate-limit';
import { seedDemo } from '@/server/services/demo/seed';
import { GET as casesGet } from '@/app/api/public/v1/cases/route';
import { GET as caseGet } from '@/app/api/public/v1/cases/[id]/route';
import { formatIncidentDate } from '@/common/i18n';
import { createTestDatabase } from '../support/database';
import { callerFor } from '../support/factories';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  setPublicDatabaseForTests(undefined);
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
      .map((item) => `${formatIncidentDate(item.date!, item.datePrecision, 'en')}: ${item.kind}${item.outcome ? ` (${item.outcome})` : ''}`);
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

  it('is published through review, so the public sees it with her son protected; the Abzhan case waits for a reviewer', async () => {
    await seedDemo(database);
    const states = await database.db.select({ ref: cases.ref, reviewStatus: cases.reviewStatus, publishedVersion: cases.publishedVersion }).from(cases).orderBy(cases.ref);
    expect(states.map((c) => [c.ref, c.reviewStatus, c.publishedVersion !== null])).toEqual([
      ['case:abzhan', 'submitted', false],
      ['case:jw', 'published', true],
      ['case:kharkova', 'published', true],
      ['case:knprk-strike', 'published', true],
      ['case:ngo-tax', 'published', true],
    ]);

    setPublicDatabaseForTests(database.db);
    await publicApiBuckets.reset();
    const list = (await (await casesGet(new Request('http://test/api/public/v1/cases'))).json()) as { cases: { id: string; title: string }[] };
    expect(list.cases).toHaveLength(4);
    const [kharkova] = await database.db.select({ id: cases.id }).from(cases).where(eq(cases.ref, 'case:kharkova'));
    const [abzhan] = await database.db.select({ id: cases.id }).from(cases).where(eq(cases.ref, 'case:abzhan'));
    expect(list.cases.map((c) => c.id)).toContain(kharkova!.id);
    expect(list.cases.map((c) => c.id)).not.toContain(abzhan!.id);

    const answer = await caseGet(new Request(`http://test/api/public/v1/cases/${kharkova!.id}`), { params: Promise.resolve({ id: kharkova!.id }) });
    expect(answer.status).toBe(200);
    const body = (await answer.json()) as {
      persons: { name: string; protected: boolean; role: string | null }[];
      timeline: { kind: string; date: string | null; datePrecision: string }[];
    };
    expect(body.persons).toEqual([
      { name: 'Larisa Kharkova', protected: false, role: 'defendant' },
      { name: 'Protected person 1', protected: true, role: 'relative' },
    ]);
    expect(JSON.stringify(body)).not.toContain('Vladimir');
    // Her eight published incidents, the four steps of the proceedings and the four interventions, in date order.
    expect(body.timeline.map((entry) => entry.kind).filter((kind) => kind === 'incident')).toHaveLength(8);
    expect(body.timeline).toHaveLength(16);
    expect(body.timeline.find((entry) => entry.kind === 'legal_event')).toMatchObject({ date: '2017-01-01', datePrecision: 'month' });
    const dates = body.timeline.map((entry) => entry.date!);
    expect(dates).toEqual([...dates].sort());

    const unpublished = await caseGet(new Request(`http://test/api/public/v1/cases/${abzhan!.id}`), { params: Promise.resolve({ id: abzhan!.id }) });
    expect(unpublished.status).toBe(404);
  });
});
