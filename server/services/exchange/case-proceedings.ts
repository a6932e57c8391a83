import 'server-only';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { caseLegalEvents, casePersons, cases, persons } from '@/db/schema';
import { legalEventCitations, loadCitedProvisions, type CitedProvision } from '../records/cited-provisions';
import { sameContent } from './compare';
import type { ExchangeCase } from './document';

type LegalEventRow = typeof caseLegalEvents.$inferSelect;

/** A case's person as the exchange format names it: by ref, with the role in the users' words. */
export type CasePersonByRef = { person: string; role: string | null };

/** A legal event with the person named by ref and its provisions (code null when unknown), as version 2 carries it. */
export type LegalEventByRef = Pick<LegalEventRow, 'ref' | 'kind' | 'date' | 'datePrecision' | 'court' | 'summary' | 'outcome'> & {
  person: string | null;
  provisions: CitedProvision[];
};

/** Version 2 of a case: its persons in order and its legal events. Null in a version 1 file, which leaves them as they are. */
export type CaseProceedingsByRef = { persons: CasePersonByRef[]; legalEvents: LegalEventByRef[] };
export type StoredCaseProceedings = CaseProceedingsByRef & { legalEventIds: number[] };

export function caseProceedingsFromFile(record: ExchangeCase): { persons: CasePersonByRef[] | null; legalEvents: LegalEventByRef[] | null } {
  return {
    persons: record.persons ? record.persons.map((entry) => ({ person: entry.person, role: entry.role ?? null })) : null,
    legalEvents: record.legal_events
      ? record.legal_events.map((event) => ({
          ref: event.ref ?? null,
          person: event.person ?? null,
          kind: event.kind,
          date: event.date?.start ?? null,
          datePrecision: event.date?.precision ?? 'day',
          court: event.court ?? null,
          summary: event.summary ?? null,
          outcome: event.outcome ?? null,
          provisions: (event.provisions ?? []).map((p) => ({ code: p.code || null, article: p.article, title: p.title ?? null })),
        }))
      : null,
  };
}

/**
 * What an import compares of a legal event: a provision is identified by code and article (its title
 * is shared by every organization, and not the file's to change).
 */
export function comparableLegalEvent(event: LegalEventByRef) {
  return { ...event, provisions: event.provisions.map(({ code, article }) => ({ code, article })) };
}

/** Legal events have no order of their own (the timeline orders them by date): compared as a set. */
export function sameLegalEvents(stored: LegalEventByRef[], wanted: LegalEventByRef[]): boolean {
  const key = (list: LegalEventByRef[]) => list.map((event) => JSON.stringify(comparableLegalEvent(event))).sort();
  return sameContent(key(stored), key(wanted));
}

/**
 * The persons and legal events (deleted ones left out) of every case of the organization, by case
 * id, with persons named by ref. Legal events come by date (unknown dates last), then as entered.
 */
export async function loadCaseProceedingsByRef(db: DbOrTx, organizationId: string, caseIds?: readonly string[]): Promise<Map<string, StoredCaseProceedings>> {
  // Only these cases (a batch of a streamed export), or every case of the organization.
  const ofCases = caseIds ? and(eq(cases.organizationId, organizationId), inArray(cases.id, [...caseIds])) : eq(cases.organizationId, organizationId);
  const result = new Map<string, StoredCaseProceedings>();
  const of = (caseId: string) => {
    let entry = result.get(caseId);
    if (!entry) result.set(caseId, (entry = { persons: [], legalEvents: [], legalEventIds: [] }));
    return entry;
  };

  const personRows = await db
    .select({ caseId: casePersons.caseId, person: persons.ref, role: casePersons.role })
    .from(casePersons)
    .innerJoin(cases, eq(cases.id, casePersons.caseId))
    .innerJoin(persons, eq(persons.id, casePersons.personId))
    .where(ofCases)
    .orderBy(asc(casePersons.caseId), asc(casePersons.position), asc(persons.ref));
  for (const { caseId, ...entry } of personRows) of(caseId).persons.push(entry);

  const eventRows = await db
    .select({
      id: caseLegalEvents.id,
      caseId: caseLegalEvents.caseId,
      ref: caseLegalEvents.ref,
      person: persons.ref,
      kind: caseLegalEvents.kind,
      date: caseLegalEvents.date,
      datePrecision: caseLegalEvents.datePrecision,
      court: caseLegalEvents.court,
      summary: caseLegalEvents.summary,
      outcome: caseLegalEvents.outcome,
    })
    .from(caseLegalEvents)
    .innerJoin(cases, eq(cases.id, caseLegalEvents.caseId))
    .leftJoin(persons, eq(persons.id, caseLegalEvents.personId))
    .where(and(ofCases, isNull(caseLegalEvents.deletedAt)))
    .orderBy(asc(caseLegalEvents.caseId), sql`${caseLegalEvents.date} ASC NULLS LAST`, asc(caseLegalEvents.id));
  const provisionsOf = await loadCitedProvisions(db, legalEventCitations, eventRows.map((row) => row.id));
  for (const { id, caseId, ...event } of eventRows) {
    const entry = of(caseId);
    entry.legalEvents.push({ ...event, provisions: provisionsOf.get(id) ?? [] });
    entry.legalEventIds.push(id);
  }
  return result;
}
