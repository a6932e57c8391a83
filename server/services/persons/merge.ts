import 'server-only';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { incidents, incidentVictims, personAffiliations, personMerges, persons } from '@/db/schema';
import { recordAudit } from '../audit/record';
import { badRequest, conflict, notFound } from '../../errors';
import { recordIncidentVersion } from '../incidents/history';
import { refreshPublicIncident, refreshPublicIncidentsOf } from '../publishing/public-record';
import { repointCaseReferences } from './merge-cases';
import type { MergeMoved } from './read';
import { mergedValues } from '@/common/merged-person';
import { loadPersonSnapshot, type PersonSnapshot } from './snapshot';

export type MergePersonsParams = {
  /** The record that remains. */
  personId: string;
  personVersion: number;
  /** The duplicate, merged into the remaining record. */
  duplicateId: string;
  duplicateVersion: number;
  actorId: string;
};

function stale(which: 'Remaining' | 'Duplicate', seen: number, now: number) {
  return conflict(`person.mergeStale${which}`, { version: seen, current: now });
}

/**
 * Moves every incident victim link of the duplicate to the remaining person. An incident that named
 * both keeps one link (the remaining person's). Each incident whose victims changed gets a new
 * version in its history, saved "via merge", so that its history shows the change and who made it,
 * and an editor still working on the old version gets a CONFLICT instead of writing the duplicate back.
 * The review status and the published version stay: a merge publishes nothing.
 */
async function repointIncidentVictims(tx: Tx, params: { personId: string; duplicateId: string; actorId: string }) {
  const rows = await tx
    .select({ victimId: incidentVictims.id, incidentId: incidentVictims.incidentId, personId: incidentVictims.personId })
    .from(incidentVictims)
    .where(inArray(incidentVictims.personId, [params.personId, params.duplicateId]))
    .orderBy(asc(incidentVictims.incidentId), asc(incidentVictims.position));
  const byIncident = new Map<string, { duplicateRows: number[]; hasPerson: boolean }>();
  for (const row of rows) {
    const entry = byIncident.get(row.incidentId) ?? { duplicateRows: [], hasPerson: false };
    if (row.personId === params.duplicateId) entry.duplicateRows.push(row.victimId);
    else entry.hasPerson = true;
    byIncident.set(row.incidentId, entry);
  }

  const moved: MergeMoved['incidents'] = [];
  for (const [incidentId, entry] of byIncident) {
    if (entry.duplicateRows.length === 0) continue;
    // The first link keeps its place in the list unless the remaining person is already named; any further one is a duplicate.
    const [first, ...others] = entry.duplicateRows;
    const remove = entry.hasPerson ? entry.duplicateRows : others;
    if (!entry.hasPerson) await tx.update(incidentVictims).set({ personId: params.personId }).where(eq(incidentVictims.id, first!));
    if (remove.length) await tx.delete(incidentVictims).where(inArray(incidentVictims.id, remove));

    const [updated] = await tx
      .update(incidents)
      .set({ version: sql`${incidents.version} + 1`, updatedBy: params.actorId, updatedAt: sql`now()` })
      .where(eq(incidents.id, incidentId))
      .returning({ ref: incidents.ref, version: incidents.version });
    await recordIncidentVersion(tx, { incidentId, version: updated!.version, savedBy: params.actorId, savedVia: 'merge' });
    moved.push({
      id: incidentId,
      ref: updated!.ref,
      fromVersion: updated!.version - 1,
      toVersion: updated!.version,
      victimRows: entry.duplicateRows.length,
      duplicateRowsRemoved: remove.length,
    });
  }
  return moved;
}

/**
 * Merges a duplicate person record into the remaining one, all in one transaction: the remaining
 * record takes in what only the duplicate knew (see mergedValues), every reference to the duplicate
 * (incident victims, case persons, legal events, earlier merges) moves to it, the duplicate stays as
 * a frozen record pointing at it, and the merge history row (both records before, the result, what
 * moved) and the audit row are written. The caller has checked the policy (server/policy/person.ts).
 */
export async function mergePersons(db: Db, params: MergePersonsParams): Promise<{ id: string; version: number; mergeId: number }> {
  if (params.personId === params.duplicateId) {
    throw badRequest('person.mergeIntoItself');
  }
  return db.transaction(async (tx) => {
    // Locked in a fixed order, so that two merges of the same pair cannot deadlock; incident edits
    // that name either person wait for this merge (they read the person FOR SHARE).
    const locked = await tx
      .select({ id: persons.id, organizationId: persons.organizationId, version: persons.version, mergedIntoId: persons.mergedIntoId })
      .from(persons)
      .where(inArray(persons.id, [params.personId, params.duplicateId]))
      .orderBy(asc(persons.id))
      .for('update');
    const person = locked.find((row) => row.id === params.personId);
    const duplicate = locked.find((row) => row.id === params.duplicateId);
    if (!person || !duplicate || person.organizationId !== duplicate.organizationId) throw notFound('person');
    if (person.mergedIntoId || duplicate.mergedIntoId) {
      throw conflict('person.alreadyMerged');
    }
    if (person.version !== params.personVersion) throw stale('Remaining', params.personVersion, person.version);
    if (duplicate.version !== params.duplicateVersion) throw stale('Duplicate', params.duplicateVersion, duplicate.version);

    const before = (await loadPersonSnapshot(tx, person.id)) as PersonSnapshot;
    const duplicateBefore = (await loadPersonSnapshot(tx, duplicate.id)) as PersonSnapshot;
    const values = mergedValues(before, duplicateBefore);

    const [updated] = await tx
      .update(persons)
      .set({
        gender: values.gender,
        categories: values.categories,
        roleNote: values.roleNote,
        confidential: values.confidential,
        version: sql`${persons.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(persons.id, person.id))
      .returning({ version: persons.version });
    const known = new Set(before.affiliations.map((a) => a.id));
    const affiliationsAdded = values.affiliations.map((a) => a.id).filter((id) => !known.has(id));
    if (affiliationsAdded.length) {
      await tx.insert(personAffiliations).values(affiliationsAdded.map((documentedOrganizationId) => ({ personId: person.id, documentedOrganizationId })));
    }

    // The duplicate keeps its values (old versions of incidents still name it), but takes the
    // merged protection: the public read model looks its confidentiality up by its id.
    await tx
      .update(persons)
      .set({
        mergedIntoId: person.id,
        mergedAt: sql`now()`,
        mergedBy: params.actorId,
        confidential: values.confidential,
        version: sql`${persons.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(persons.id, duplicate.id));
    const redirected = await tx
      .update(persons)
      .set({ mergedIntoId: person.id, confidential: sql`${persons.confidential} OR ${values.confidential}` })
      .where(eq(persons.mergedIntoId, duplicate.id))
      .returning({ id: persons.id });

    const movedIncidents = await repointIncidentVictims(tx, { personId: person.id, duplicateId: duplicate.id, actorId: params.actorId });
    const movedCases = await repointCaseReferences(tx, { personId: person.id, duplicateId: duplicate.id, actorId: params.actorId });

    const after = (await loadPersonSnapshot(tx, person.id)) as PersonSnapshot;
    const moved: MergeMoved = {
      incidents: movedIncidents,
      cases: movedCases.cases,
      legalEvents: movedCases.legalEvents,
      affiliationsAdded,
      redirectedPersons: redirected.map((row) => row.id),
    };
    const [merge] = await tx
      .insert(personMerges)
      .values({
        organizationId: person.organizationId,
        personId: person.id,
        mergedPersonId: duplicate.id,
        mergedBy: params.actorId,
        personBefore: before,
        mergedPersonBefore: duplicateBefore,
        personAfter: after,
        moved,
      })
      .returning({ id: personMerges.id });

    // A change of protection changes every public text of the organization (confidential names are
    // replaced wherever they appear); otherwise only the incidents whose links moved need a look.
    if (before.confidential !== duplicateBefore.confidential || redirected.length > 0) {
      await refreshPublicIncidentsOf(tx, person.organizationId);
    } else {
      for (const incident of movedIncidents) await refreshPublicIncident(tx, incident.id);
    }

    await recordAudit(tx, {
      actorId: params.actorId,
      action: 'person.merge',
      organizationId: person.organizationId,
      subjectType: 'person',
      subjectId: person.id,
      // Ids and counts only: never a (possibly confidential) name.
      details: {
        mergeId: merge!.id,
        mergedPersonId: duplicate.id,
        incidents: movedIncidents.length,
        cases: movedCases.cases.length,
        legalEvents: movedCases.legalEvents.length,
        confidential: values.confidential,
      },
    });
    return { id: person.id, version: updated!.version, mergeId: merge!.id };
  });
}
