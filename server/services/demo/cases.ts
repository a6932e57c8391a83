import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { caseInterventions, caseLegalEvents, cases, persons } from '@/db/schema';
import { caseFieldsInput, interventionFieldsInput, legalEventFieldsInput, suggestedReplyDue } from '@/server/validation/case';
import { updateIntervention } from '../cases/interventions';
import { addLegalEvent } from '../cases/legal-events';
import { updateCase } from '../cases/write';

const criminalCode = 'Criminal Code of Kazakhstan';

/**
 * What the exchange file cannot carry about the Kharkova case, from the same public record the
 * fixture cites (Observatory urgent appeal of 4 October 2017, UN allegation letter AL KAZ 3/2017):
 * the persons it concerns, the steps of her prosecution, and the replies the UN communications asked for.
 */
const kharkovaProceedings = [
  {
    kind: 'charges',
    datePrecision: 'month',
    date: '2017-01',
    court: null,
    summary: 'Criminal case opened for misappropriation and fraud; her home was searched and her computer seized.',
    outcome: null,
    provisions: [
      { code: criminalCode, article: '189', title: 'misappropriation or embezzlement' },
      { code: criminalCode, article: '190', title: 'fraud' },
    ],
  },
  {
    kind: 'verdict',
    datePrecision: 'day',
    date: '2017-07-25',
    court: 'Enbekshi District Court, Shymkent',
    summary:
      'Convicted of abuse of office: four years of restricted movement, 100 hours of forced labour a year, confiscation of property and a five-year ban on leading any public organization.',
    outcome: 'convicted',
    provisions: [{ code: criminalCode, article: '250', title: 'abuse of office' }],
  },
  {
    kind: 'hearing',
    datePrecision: 'day',
    date: '2017-09-28',
    court: 'South Kazakhstan Regional Appeal Court',
    summary: 'Appeal hearing: the judge refused to call the expert witness the defence requested.',
    outcome: null,
    provisions: [],
  },
  {
    kind: 'appeal_decision',
    datePrecision: 'day',
    date: '2017-09-29',
    court: 'South Kazakhstan Regional Appeal Court',
    summary: 'The appeal court upheld the conviction and all restrictive measures.',
    outcome: 'upheld',
    provisions: [{ code: criminalCode, article: '250', title: 'abuse of office' }],
  },
] as const;

/** Government replies received, by the communication's reference code (the fixture records the reply of 20 March 2017). */
const repliesReceived: Record<string, string> = { 'KAZ 1/2017': '2017-03-20' };

/**
 * Completes the imported Kharkova case through the same services people use, once per database:
 * her and her son as the persons concerned, the legal events of her prosecution, and reply due dates
 * on the UN communications (the 2017 allegation letter stays unanswered, so it shows as overdue).
 */
export async function seedDemoCases(db: Db, params: { organizationId: string; actorId: string }): Promise<void> {
  const [record] = await db
    .select()
    .from(cases)
    .where(and(eq(cases.organizationId, params.organizationId), eq(cases.ref, 'case:kharkova'), isNull(cases.deletedAt)));
  if (!record) return;
  const [existing] = await db.select({ id: caseLegalEvents.id }).from(caseLegalEvents).where(eq(caseLegalEvents.caseId, record.id)).limit(1);
  if (existing) return;

  const people = await db
    .select({ id: persons.id, ref: persons.ref })
    .from(persons)
    .where(eq(persons.organizationId, params.organizationId));
  const personId = (ref: string) => people.find((p) => p.ref === ref)?.id ?? null;
  const kharkova = personId('person:kharkova');
  const son = personId('person:kharkova-son');

  let version = record.version;
  const concerned = [
    kharkova ? { personId: kharkova, role: 'defendant' } : null,
    son ? { personId: son, role: 'relative' } : null,
  ].filter((p) => p !== null);
  if (concerned.length) {
    const input = caseFieldsInput.parse({ title: record.title, summary: record.summary, status: record.status, persons: concerned });
    ({ version } = await updateCase(db, { id: record.id, version, userId: params.actorId, input }));
  }

  for (const event of kharkovaProceedings) {
    const input = legalEventFieldsInput.parse({ ...event, personId: kharkova, provisions: [...event.provisions] });
    await addLegalEvent(db, { caseId: record.id, actorId: params.actorId, input });
  }

  const interventions = await db
    .select()
    .from(caseInterventions)
    .where(and(eq(caseInterventions.caseId, record.id), isNull(caseInterventions.deletedAt)))
    .orderBy(asc(caseInterventions.position));
  for (const intervention of interventions) {
    const due = suggestedReplyDue(intervention.kind, intervention.date);
    if (!due) continue;
    const input = interventionFieldsInput.parse({
      kind: intervention.kind,
      datePrecision: intervention.datePrecision,
      date: intervention.date,
      by: intervention.by,
      referenceCode: intervention.referenceCode,
      summary: intervention.summary,
      sourceId: intervention.sourceId,
      replyDueOn: due,
      replyReceivedOn: (intervention.referenceCode && repliesReceived[intervention.referenceCode]) ?? null,
    });
    await updateIntervention(db, { id: intervention.id, version: intervention.version, actorId: params.actorId, input });
  }
}
