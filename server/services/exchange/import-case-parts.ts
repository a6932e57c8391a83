import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { caseIncidents, caseInterventions, incidents } from '@/db/schema';
import { suggestedReplyDue } from '@/common/inputs/case';
import { extrasMatch, type CaseLinksByRef, type InterventionByRef, type InterventionExtras, type StoredCaseLinks } from './case-links';
import { sameContent } from './compare';
import { freeRefsOfDeleted } from './free-refs';
import { matchInPasses } from './match-rows';

type Ids = { incidents: ReadonlyMap<string, string>; sources: ReadonlyMap<string, string> };

/**
 * Makes the case's own incidents the file's set. Links that stay keep who linked them and when;
 * links to another organization's shared incidents are not the file's to remove.
 */
export async function writeCaseIncidents(tx: Tx, params: { caseId: string; organizationId: string; actingUserId: string | null; current: string[]; wanted: string[]; ids: Ids }) {
  const wanted = new Set(params.wanted);
  const current = new Set(params.current);
  const removed = params.current.filter((ref) => !wanted.has(ref)).map((ref) => params.ids.incidents.get(ref) as string);
  const added = params.wanted.filter((ref) => !current.has(ref)).map((ref) => params.ids.incidents.get(ref) as string);
  if (removed.length) {
    const own = await tx
      .select({ id: incidents.id })
      .from(incidents)
      .where(and(inArray(incidents.id, removed), eq(incidents.organizationId, params.organizationId)));
    const ownIds = own.map((row) => row.id);
    if (ownIds.length) await tx.delete(caseIncidents).where(and(eq(caseIncidents.caseId, params.caseId), inArray(caseIncidents.incidentId, ownIds)));
  }
  if (added.length) {
    await tx.insert(caseIncidents).values(added.map((incidentId) => ({ caseId: params.caseId, incidentId, linkedBy: params.actingUserId })));
  }
}

const sameSlot = (a: InterventionByRef, b: InterventionByRef) => a.date === b.date && a.kind === b.kind && a.referenceCode === b.referenceCode;

/**
 * Makes the case's interventions the file's list, in the file's order, changing as few rows as it
 * can: an intervention with the same ref (version 2), found unchanged, or at the same date and kind
 * with the same reference, is updated in place, so its id and its history stay. The version 2 fields
 * a file leaves out (ref, precision, reply dates) keep their stored values. Interventions the file
 * no longer lists are soft-deleted, never erased.
 */
export async function writeCaseInterventions(
  tx: Tx,
  params: { caseId: string; actingUserId: string | null; current: StoredCaseLinks | undefined; wanted: CaseLinksByRef; ids: Ids },
) {
  const stored = params.current;
  const current = (stored?.interventions ?? []).map((intervention, index) => ({
    intervention,
    extras: stored!.interventionExtras[index]!,
    id: stored!.interventionIds[index]!,
  }));
  const wantedList = params.wanted.interventions;
  const wantedExtras = params.wanted.interventionExtras;
  type Pass = (stored: (typeof current)[number], wanted: InterventionByRef, w: number) => boolean;
  const byRef: Pass = (c, _wanted, w) => wantedExtras[w]!.ref !== undefined && c.extras.ref === wantedExtras[w]!.ref;
  // By ref first; then exact matches, so that reordering alone never rewrites a row; then the same slot with new wording.
  const passes: Pass[] = [byRef, (c, wanted) => sameContent(c.intervention, wanted), (c, wanted) => sameSlot(c.intervention, wanted)];
  const { matches, unused } = matchInPasses(current, wantedList, passes);

  const gone = unused.map((index) => current[index]!.id);
  if (gone.length) {
    await tx
      .update(caseInterventions)
      .set({ deletedAt: sql`now()`, deletedBy: params.actingUserId, version: sql`${caseInterventions.version} + 1`, updatedAt: sql`now()` })
      .where(inArray(caseInterventions.id, gone));
  }
  await freeRefsOfDeleted(tx, caseInterventions, params.caseId, wantedExtras.map((extras) => extras.ref));

  for (const [position, wanted] of wantedList.entries()) {
    const { source, ...fields } = wanted;
    const given = Object.fromEntries(Object.entries(wantedExtras[position]!).filter(([, value]) => value !== undefined)) as InterventionExtras;
    const values = { ...fields, ...given, sourceId: source === null ? null : (params.ids.sources.get(source) as string) };
    const match = matches[position];
    if (match === null || match === undefined) {
      // Without reply dates in the file, a new UN communication gets the 60-day default, as one made in the workspace does.
      const replyDueOn = given.replyDueOn !== undefined ? given.replyDueOn : suggestedReplyDue(values.kind, values.date);
      await tx
        .insert(caseInterventions)
        .values({ ...values, replyDueOn, caseId: params.caseId, position, createdBy: params.actingUserId, updatedBy: params.actingUserId });
      continue;
    }
    const changed = !sameContent(current[match]!.intervention, wanted) || !extrasMatch(current[match]!.extras, given);
    await tx
      .update(caseInterventions)
      .set({
        position,
        ...(changed ? { ...values, version: sql`${caseInterventions.version} + 1`, updatedBy: params.actingUserId, updatedAt: sql`now()` } : {}),
      })
      .where(eq(caseInterventions.id, current[match]!.id));
  }
}
