import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { persons, publicCases, publicIncidents } from '@/db/schema';
import { publicApiBuckets } from '@/server/public/rate-limit';
import { GET as incidentGet } from '@/app/api/public/v1/incidents/[id]/route';
import { GET as exportCsvGet } from '@/app/api/public/v1/export.csv/route';
import { GET as caseGet } from '@/app/api/public/v1/cases/[id]/route';
import { anIncident } from '../support/factories';
import { reviewTeam } from '../support/review-team';

/**
 * The fields the redactor did not see before the public fields were declared once: a confidential
 * person's name planted in each must not reach the public read model or the public API.
 */
const { database, ngo, author, reviewer: reviewing } = reviewTeam({ publicSide: true });
beforeAll(() => publicApiBuckets.reset());

let requests = 0;
const request = (path: string) => new Request(`http://test/api/public/v1${path}`, { headers: { 'x-forwarded-for': `fields-${++requests}` } });
const secret = /Kharkova|Larisa/i;

describe('fields the redactor never saw', () => {
  it('keeps a confidential name out of the region, locality, victim organizations, provisions and source addresses of a public incident', async () => {
    const { id } = await author.incident.create({
      organizationId: ngo.id,
      incident: anIncident({
        title: 'Teacher detained',
        summary: 'A teacher was held overnight.',
        location: { country: 'KZ', region: 'Kharkova farm district', locality: 'Larisa Kharkova street', precision: 'locality' },
        victims: [
          { kind: 'newPerson', person: { name: 'Larisa Kharkova', categories: ['trade_unionist'], confidential: true } },
          { kind: 'newOrganization', organization: { name: 'Kharkova family foundation' } },
          { kind: 'newPerson', person: { name: 'Public Defender', categories: [], confidential: false } },
        ],
        legalProvisions: [{ code: 'Kharkova decree', article: '12', title: 'Case against Larisa' }],
        sources: [
          { kind: 'newSource', source: { title: 'News story', url: 'https://news.kz/2017/larisa-kharkova-sentenced', reliability: 'B' } },
          { kind: 'newSource', source: { title: 'Court list', url: 'https://court.kz/search?name=Kharkova_Larisa', reliability: 'B' } },
          { kind: 'newSource', source: { title: 'Annual report', url: 'https://hrw.org/report-2017', reliability: 'A' } },
        ],
      }),
    });
    let v = (await author.review.submit({ id, version: 1 })).version;
    v = (await reviewing.review.approve({ id, version: v })).version;
    await reviewing.review.publish({ id, version: v });

    const [row] = await database.db.select().from(publicIncidents).where(eq(publicIncidents.incidentId, id));
    expect(JSON.stringify(row)).not.toMatch(secret);
    expect(row!.region).toBe('Protected person 1 farm district');
    expect(row!.locality).toBe('Protected person 1 street');
    expect(row!.victims.map((victim) => victim.name)).toEqual(['Protected person 1', 'Protected person 1 family foundation', 'Public Defender']);
    expect(row!.legal).toEqual([{ code: 'Protected person 1 decree', article: '12', title: 'Case against Protected person 1' }]);
    expect(row!.sources.map((source) => source.url)).toEqual([null, null, 'https://hrw.org/report-2017']);

    const answers = [
      await (await incidentGet(request(`/incidents/${id}`), { params: Promise.resolve({ id }) })).text(),
      await (await exportCsvGet(request('/export.csv'))).text(),
    ];
    for (const answer of answers) {
      expect(answer).not.toMatch(secret);
      expect(answer).toContain('Public Defender');
    }
  });

  it("keeps a confidential name out of a public case's legal event provisions, court, outcome and intervention kind and summary", async () => {
    const [larisa] = await database.db
      .insert(persons)
      .values({ organizationId: ngo.id, ref: 'person:larisa-case', name: 'Larisa Kharkova', categories: [], confidential: true })
      .returning();
    const created = await author.case.create({ organizationId: ngo.id, title: 'Prosecution of a teacher', summary: null, persons: [{ personId: larisa!.id, role: 'defendant' }] });
    let cv = (
      await author.case.addLegalEvent({
        caseId: created.id,
        kind: 'verdict',
        date: '2017-06',
        datePrecision: 'month',
        personId: larisa!.id,
        court: 'Court of the Kharkova district',
        summary: 'Convicted',
        outcome: 'Kharkova convicted',
        provisions: [{ code: 'Criminal Code', article: '274', title: 'Spreading Larisa’s rumours' }],
      })
    ).caseVersion;
    cv = (
      await author.case.addIntervention({
        caseId: created.id,
        kind: 'Appeal for Kharkova',
        date: '2017-07-01',
        datePrecision: 'day',
        by: 'Special Rapporteur',
        referenceCode: 'AL KAZ 3/2017',
        summary: 'Asked about Larisa Kharkova',
        sourceId: null,
      })
    ).caseVersion;
    cv = (await author.case.submit({ id: created.id, version: cv })).version;
    cv = (await reviewing.case.approve({ id: created.id, version: cv })).version;
    await reviewing.case.publish({ id: created.id, version: cv });

    const [row] = await database.db.select().from(publicCases).where(eq(publicCases.caseId, created.id));
    expect(JSON.stringify(row)).not.toMatch(secret);
    expect(row!.legalEvents[0]).toMatchObject({
      person: 'Protected person 1',
      court: 'Court of the Protected person 1 district',
      outcome: 'Protected person 1 convicted',
      provisions: [{ code: 'Criminal Code', article: '274', title: 'Spreading Protected person 1’s rumours' }],
    });
    expect(row!.interventions[0]).toMatchObject({ kind: 'Appeal for Protected person 1', summary: 'Asked about Protected person 1', by: 'Special Rapporteur' });

    const answer = await (await caseGet(request(`/cases/${created.id}`), { params: Promise.resolve({ id: created.id }) })).text();
    expect(answer).not.toMatch(secret);
    expect(answer).toContain('Special Rapporteur');
  });
});
