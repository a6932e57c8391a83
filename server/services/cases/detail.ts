import 'server-only';
import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { casePersons, persons } from '@/db/schema';
import { listCaseReviews } from '../review/trail';
import { getCaseHeader } from './read';

/** What the case page shows above its timeline: the case, the persons it concerns, its review decisions. */
export async function getCaseDetail(db: DbOrTx, caseId: string) {
  const [header, personRows, reviews] = await Promise.all([
    getCaseHeader(db, caseId),
    db
      .select({ id: persons.id, name: persons.name, confidential: persons.confidential, role: casePersons.role })
      .from(casePersons)
      .innerJoin(persons, eq(persons.id, casePersons.personId))
      .where(eq(casePersons.caseId, caseId))
      .orderBy(asc(casePersons.position)),
    listCaseReviews(db, caseId),
  ]);
  if (!header) return null;
  return { ...header, persons: personRows, reviews };
}
