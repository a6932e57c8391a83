import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { incidents, incidentVersions } from '@/db/schema';
import type { IncidentInput } from '@/common/inputs/incident';
import { recordAudit } from '../audit/record';
import { markCreatedBy } from '../directory/authorship';
import { badRequest, conflict, notFound } from '../../errors';
import { atEditedVersion, savedEditColumns } from '../records/saved-edit';
import { diffSnapshots } from './diff';
import { recordIncidentVersion } from './history';
import type { IncidentSnapshot } from './snapshot';
import { replaceIncidentLinks } from './links';
import { checkIncidentMentions } from './mentions-check';
import { checkVocabulary, type CreatedFromForm, newRef, resolveLinks } from './references';

function incidentColumns(input: IncidentInput) {
  return {
    title: input.title,
    summary: input.summary,
    startDate: input.date.start,
    endDate: input.date.end,
    datePrecision: input.date.precision,
    country: input.location.country,
    region: input.location.region,
    locality: input.location.locality,
    lat: input.location.lat,
    lon: input.location.lon,
    locationPrecision: input.location.precision,
    violationTypes: input.violationTypes,
  };
}

/**
 * The audit rows of a save from the incident form: one for the incident, one for each person,
 * organization or source the form created along with it. Ids only: a new victim may be confidential.
 */
async function auditSave(
  tx: Tx,
  save: { action: 'incident.create' | 'incident.update'; actorId: string; organizationId: string; incidentId: string; details: Record<string, unknown>; created: CreatedFromForm },
): Promise<void> {
  const base = { actorId: save.actorId, organizationId: save.organizationId };
  await recordAudit(tx, { ...base, action: save.action, subjectType: 'incident', subjectId: save.incidentId, details: save.details });
  const details = { incidentId: save.incidentId };
  for (const id of save.created.persons) await recordAudit(tx, { ...base, action: 'person.create', subjectType: 'person', subjectId: id, details });
  for (const id of save.created.documentedOrganizations) {
    await recordAudit(tx, { ...base, action: 'documented_organization.create', subjectType: 'documented_organization', subjectId: id, details });
  }
  for (const id of save.created.sources) await recordAudit(tx, { ...base, action: 'source.create', subjectType: 'source', subjectId: id, details });
}

/** A monitor's new incident: a draft at version 1, with its first history entry and audit rows, in one transaction. */
export async function createIncident(
  db: Db,
  params: {
    organizationId: string;
    userId: string;
    input: IncidentInput;
    /** More to write in the save's transaction (erasing the unfinished form it completes): all or nothing. */
    alsoInTransaction?: (tx: Tx, created: { id: string }) => Promise<void>;
  },
): Promise<{ id: string; version: number }> {
  return db.transaction(async (tx) => {
    await checkVocabulary(tx, params.input);
    const [created] = await tx
      .insert(incidents)
      .values({
        ...incidentColumns(params.input),
        organizationId: params.organizationId,
        ref: newRef('inc'),
        reviewStatus: 'draft',
        version: 1,
        createdBy: params.userId,
        updatedBy: params.userId,
      })
      .returning({ id: incidents.id, version: incidents.version });
    if (!created) throw new Error('Insert of an incident returned nothing');
    const links = await resolveLinks(tx, params.organizationId, params.input);
    checkIncidentMentions(params.input, links);
    await markCreatedBy(tx, links.created, params.userId);
    await replaceIncidentLinks(tx, created.id, links);
    await recordIncidentVersion(tx, { incidentId: created.id, version: 1, savedBy: params.userId, savedVia: 'workspace' });
    await auditSave(tx, {
      action: 'incident.create',
      actorId: params.userId,
      organizationId: params.organizationId,
      incidentId: created.id,
      details: { version: 1 },
      created: links.created,
    });
    await params.alsoInTransaction?.(tx, created);
    return created;
  });
}

/**
 * Saves an edit made from `version`. If anyone saved since, nothing is written and the caller gets
 * CONFLICT: the editor must reload and redo their change on top of the other one.
 */
export async function updateIncident(
  db: Db,
  params: { id: string; version: number; userId: string; input: IncidentInput },
): Promise<{ id: string; version: number }> {
  return db.transaction(async (tx) => {
    await checkVocabulary(tx, params.input);
    // Read before the update: if the update below succeeds, this was the status of the version edited.
    const [before] = await tx.select({ status: incidents.reviewStatus }).from(incidents).where(eq(incidents.id, params.id));
    const [updated] = await tx
      .update(incidents)
      .set({
        ...incidentColumns(params.input),
        ...savedEditColumns(incidents, params.userId),
      })
      .where(atEditedVersion(incidents, params.id, params.version))
      .returning({ id: incidents.id, version: incidents.version, organizationId: incidents.organizationId, status: incidents.reviewStatus });
    if (!updated) {
      const [current] = await tx
        .select({ version: incidents.version, updatedBy: incidents.updatedBy })
        .from(incidents)
        .where(eq(incidents.id, params.id));
      if (!current) throw notFound('incident');
      throw conflict('incident.stale', { version: params.version, current: current.version });
    }
    const links = await resolveLinks(tx, updated.organizationId, params.input);
    checkIncidentMentions(params.input, links);
    await markCreatedBy(tx, links.created, params.userId);
    await replaceIncidentLinks(tx, updated.id, links);
    const saved = await recordIncidentVersion(tx, {
      incidentId: updated.id,
      version: updated.version,
      savedBy: params.userId,
      savedVia: 'workspace',
    });
    // A save that changes nothing would only add noise to the history (and turn a published entry into a draft).
    const [previous] = await tx
      .select({ snapshot: incidentVersions.snapshot })
      .from(incidentVersions)
      .where(and(eq(incidentVersions.incidentId, updated.id), eq(incidentVersions.version, params.version)));
    // Reopening a retracted incident unchanged is a change of its own (it was retracted by mistake, or the reason is gone).
    if (previous && before?.status !== 'archived' && diffSnapshots(previous.snapshot as IncidentSnapshot, saved).every((change) => change.field === 'status')) {
      throw badRequest('record.nothingChanged');
    }
    await auditSave(tx, {
      action: 'incident.update',
      actorId: params.userId,
      organizationId: updated.organizationId,
      incidentId: updated.id,
      // An edit of a published incident makes it a draft: the log says so.
      details: { version: updated.version, ...(before && before.status !== updated.status ? { from: before.status, to: updated.status } : {}) },
      created: links.created,
    });
    return { id: updated.id, version: updated.version };
  });
}
