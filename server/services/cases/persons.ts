import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { casePersons, persons } from '@/db/schema';
import { type CaseFields } from '@/common/inputs/case';
import { invalidField } from '../../errors';

/** Refuses a person of another organization (or none) as if it did not exist, naming the row. */
export async function checkPersonsOf(tx: Tx, organizationId: string, personIds: (string | null)[], path: (i: number) => (string | number)[]) {
  const wanted = personIds.filter((id): id is string => id !== null);
  if (!wanted.length) return;
  const found = await tx
    .select({ id: persons.id })
    .from(persons)
    .where(and(eq(persons.organizationId, organizationId), inArray(persons.id, wanted)));
  const known = new Set(found.map((row) => row.id));
  personIds.forEach((id, index) => {
    if (id !== null && !known.has(id)) throw invalidField(path(index), 'reference.noPerson');
  });
}

/** Replaces the persons a case concerns, in the order given. */
export async function replaceCasePersons(tx: Tx, caseId: string, list: CaseFields['persons']): Promise<void> {
  await tx.delete(casePersons).where(eq(casePersons.caseId, caseId));
  if (list.length) {
    await tx.insert(casePersons).values(list.map((person, position) => ({ caseId, personId: person.personId, role: person.role, position })));
  }
}
