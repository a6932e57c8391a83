import 'server-only';
import { eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { caseLegalEventProvisions, caseLegalEvents, casePersons } from '@/db/schema';
import { findOrCreateLegalProvision } from '../incidents/references';
import { comparableLegalEvent, type CasePersonByRef, type LegalEventByRef, type StoredCaseProceedings } from './case-proceedings';
import { sameContent } from './compare';
import { freeRefsOfDeleted } from './free-refs';
import { matchInPasses } from './match-rows';

type Params = { caseId: string; actingUserId: string | null; personIds: ReadonlyMap<string, string> };

/** Makes the case's persons the file's list, in the file's order (a small set: replaced whole). */
export async function writeCasePersons(tx: Tx, params: Params & { wanted: CasePersonByRef[] }): Promise<void> {
  await tx.delete(casePersons).where(eq(casePersons.caseId, params.caseId));
  // Two refs of the file may stand for one person (a duplicate merged in the workspace): listed once.
  const seen = new Set<string>();
  const rows = params.wanted
    .map((entry) => ({ personId: params.personIds.get(entry.person) as string, role: entry.role }))
    .filter((entry) => !seen.has(entry.personId) && seen.add(entry.personId));
  if (rows.length === 0) return;
  await tx.insert(casePersons).values(rows.map((entry, position) => ({ caseId: params.caseId, position, ...entry })));
}

async function replaceProvisions(tx: Tx, legalEventId: number, provisions: LegalEventByRef['provisions']): Promise<void> {
  await tx.delete(caseLegalEventProvisions).where(eq(caseLegalEventProvisions.legalEventId, legalEventId));
  const ids: string[] = [];
  for (const provision of provisions) {
    const id = await findOrCreateLegalProvision(tx, provision);
    if (!ids.includes(id)) ids.push(id);
  }
  if (ids.length) await tx.insert(caseLegalEventProvisions).values(ids.map((legalProvisionId, position) => ({ legalEventId, legalProvisionId, position })));
}

const sameStep = (a: LegalEventByRef, b: LegalEventByRef) => a.kind === b.kind && a.date === b.date && a.person === b.person;

/**
 * Makes the case's legal events the file's, changing as few rows as it can, as for interventions:
 * matched by ref, then by identical content, then by the same step (kind, date, person) with new
 * wording; a matched event keeps its id and history. Events the file no longer lists are
 * soft-deleted, never erased.
 */
export async function writeCaseLegalEvents(tx: Tx, params: Params & { current: StoredCaseProceedings | undefined; wanted: LegalEventByRef[] }): Promise<void> {
  const current = (params.current?.legalEvents ?? []).map((event, index) => ({ event, id: params.current!.legalEventIds[index]! }));
  const passes: ((stored: LegalEventByRef, wanted: LegalEventByRef) => boolean)[] = [
    (stored, wanted) => wanted.ref !== null && stored.ref === wanted.ref,
    (stored, wanted) => sameContent(comparableLegalEvent(stored), comparableLegalEvent(wanted)),
    sameStep,
  ];
  const { matches, unused } = matchInPasses(current.map((stored) => stored.event), params.wanted, passes);

  const gone = unused.map((index) => current[index]!.id);
  if (gone.length) {
    await tx
      .update(caseLegalEvents)
      .set({ deletedAt: sql`now()`, deletedBy: params.actingUserId, version: sql`${caseLegalEvents.version} + 1`, updatedAt: sql`now()` })
      .where(inArray(caseLegalEvents.id, gone));
  }
  await freeRefsOfDeleted(tx, caseLegalEvents, params.caseId, params.wanted.map((event) => event.ref));

  for (const [w, wanted] of params.wanted.entries()) {
    const { person, provisions, ...fields } = wanted;
    const values = { ...fields, personId: person === null ? null : (params.personIds.get(person) as string) };
    const match = matches[w];
    if (match === null || match === undefined) {
      const [created] = await tx
        .insert(caseLegalEvents)
        .values({ ...values, caseId: params.caseId, createdBy: params.actingUserId, updatedBy: params.actingUserId })
        .returning({ id: caseLegalEvents.id });
      await replaceProvisions(tx, created!.id, provisions);
      continue;
    }
    const stored = current[match]!;
    if (sameContent(comparableLegalEvent(stored.event), comparableLegalEvent(wanted))) continue;
    await tx
      .update(caseLegalEvents)
      .set({ ...values, version: sql`${caseLegalEvents.version} + 1`, updatedBy: params.actingUserId, updatedAt: sql`now()` })
      .where(eq(caseLegalEvents.id, stored.id));
    await replaceProvisions(tx, stored.id, provisions);
  }
}
