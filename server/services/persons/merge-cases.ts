import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { caseLegalEvents, casePersons, cases } from '@/db/schema';
import { recordCaseVersion } from '../cases/history';
import type { MergeMoved } from './read';

/**
 * Moves a duplicate's case links and legal events to the remaining person. A case that listed both
 * keeps one link, with the remaining person's role (or the duplicate's, where it had none). Every case
 * whose parts changed gets a new version in its history, saved "via merge"; as for incidents, its
 * review status and published version stay (a merge publishes nothing).
 */
export async function repointCaseReferences(
  tx: Tx,
  params: { personId: string; duplicateId: string; actorId: string },
): Promise<{ cases: MergeMoved['cases']; legalEvents: number[] }> {
  const links = await tx
    .select({ caseId: casePersons.caseId, personId: casePersons.personId, role: casePersons.role })
    .from(casePersons)
    .where(inArray(casePersons.personId, [params.personId, params.duplicateId]));
  const touched = new Map<string, { caseLinks: number; duplicateLinksRemoved: number }>();
  const touch = (caseId: string) => {
    const entry = touched.get(caseId) ?? { caseLinks: 0, duplicateLinksRemoved: 0 };
    touched.set(caseId, entry);
    return entry;
  };

  for (const link of links.filter((l) => l.personId === params.duplicateId)) {
    const remaining = links.find((l) => l.caseId === link.caseId && l.personId === params.personId);
    const entry = touch(link.caseId);
    entry.caseLinks++;
    if (remaining) {
      await tx.delete(casePersons).where(and(eq(casePersons.caseId, link.caseId), eq(casePersons.personId, params.duplicateId)));
      if (remaining.role === null && link.role !== null) {
        await tx
          .update(casePersons)
          .set({ role: link.role })
          .where(and(eq(casePersons.caseId, link.caseId), eq(casePersons.personId, params.personId)));
      }
      entry.duplicateLinksRemoved++;
    } else {
      await tx
        .update(casePersons)
        .set({ personId: params.personId })
        .where(and(eq(casePersons.caseId, link.caseId), eq(casePersons.personId, params.duplicateId)));
    }
  }

  // Soft-deleted events move too: a restored event must not name a record that no longer stands alone.
  const events = await tx
    .update(caseLegalEvents)
    .set({ personId: params.personId, version: sql`${caseLegalEvents.version} + 1`, updatedBy: params.actorId, updatedAt: sql`now()` })
    .where(eq(caseLegalEvents.personId, params.duplicateId))
    .returning({ id: caseLegalEvents.id, caseId: caseLegalEvents.caseId });
  for (const event of events) touch(event.caseId);

  const moved: MergeMoved['cases'] = [];
  for (const [caseId, entry] of touched) {
    const [updated] = await tx
      .update(cases)
      .set({ version: sql`${cases.version} + 1`, updatedBy: params.actorId, updatedAt: sql`now()` })
      .where(eq(cases.id, caseId))
      .returning({ ref: cases.ref, version: cases.version });
    await recordCaseVersion(tx, { caseId, version: updated!.version, savedBy: params.actorId, savedVia: 'merge' });
    moved.push({ id: caseId, ref: updated!.ref, ...entry, fromVersion: updated!.version - 1, toVersion: updated!.version });
  }
  return { cases: moved, legalEvents: events.map((event) => event.id).sort((a, b) => a - b) };
}
