import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { cases, caseVersions } from '@/db/schema';
import { withForeignIncidentsProjected } from './foreign-incidents';
import type { CaseFields } from '@/common/inputs/case';
import { recordAudit } from '../audit/record';
import { badRequest, conflict, notFound } from '../../errors';
import { newRef } from '../incidents/references';
import { atEditedVersion, savedEditColumns } from '../records/saved-edit';
import { diffCaseSnapshots } from './diff';
import { recordCaseVersion } from './history';
import { checkCaseMentions } from './mentions-check';
import { checkPersonsOf, replaceCasePersons } from './persons';
import type { CaseSnapshot } from './snapshot';

/** A monitor's new case: a draft at version 1 with its first history entry and audit row, in one transaction. */
export async function createCase(
  db: Db,
  params: { organizationId: string; userId: string; input: CaseFields },
): Promise<{ id: string; version: number }> {
  return db.transaction(async (tx) => {
    await checkPersonsOf(tx, params.organizationId, params.input.persons.map((p) => p.personId), (i) => ['persons', i, 'personId']);
    checkCaseMentions(params.input);
    const [created] = await tx
      .insert(cases)
      .values({
        organizationId: params.organizationId,
        ref: newRef('case'),
        title: params.input.title,
        summary: params.input.summary,
        status: params.input.status,
        reviewStatus: 'draft',
        version: 1,
        createdBy: params.userId,
        updatedBy: params.userId,
      })
      .returning({ id: cases.id, version: cases.version });
    if (!created) throw new Error('Insert of a case returned nothing');
    await replaceCasePersons(tx, created.id, params.input.persons);
    await recordCaseVersion(tx, { caseId: created.id, version: 1, savedBy: params.userId, savedVia: 'workspace' });
    await recordAudit(tx, {
      actorId: params.userId,
      action: 'case.create',
      organizationId: params.organizationId,
      subjectType: 'case',
      subjectId: created.id,
      details: { version: 1 },
    });
    return created;
  });
}

/**
 * Saves an edit of the case's own fields made from `version`. If anyone changed the case (or its
 * incidents, legal events, interventions) since, nothing is written and the caller gets CONFLICT.
 */
export async function updateCase(
  db: Db,
  params: { id: string; version: number; userId: string; input: CaseFields },
): Promise<{ id: string; version: number }> {
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(cases)
      .set({
        title: params.input.title,
        summary: params.input.summary,
        status: params.input.status,
        ...savedEditColumns(cases, params.userId),
      })
      .where(atEditedVersion(cases, params.id, params.version))
      .returning({ id: cases.id, version: cases.version, organizationId: cases.organizationId });
    if (!updated) {
      const [current] = await tx.select({ version: cases.version }).from(cases).where(and(eq(cases.id, params.id), isNull(cases.deletedAt)));
      if (!current) throw notFound('case');
      throw conflict('case.stale', { version: params.version, current: current.version });
    }
    await checkPersonsOf(tx, updated.organizationId, params.input.persons.map((p) => p.personId), (i) => ['persons', i, 'personId']);
    checkCaseMentions(params.input);
    await replaceCasePersons(tx, updated.id, params.input.persons);
    const saved = await recordCaseVersion(tx, { caseId: updated.id, version: updated.version, savedBy: params.userId, savedVia: 'workspace' });
    // A save that changes nothing would only add noise to the history (and turn a published case into a draft).
    const [previous] = await tx
      .select({ snapshot: caseVersions.snapshot })
      .from(caseVersions)
      .where(and(eq(caseVersions.caseId, updated.id), eq(caseVersions.version, params.version)));
    // Compared as stored now: another organization's incidents projected (older versions kept them as written).
    // Reopening a retracted case unchanged is a change of its own (it was retracted by mistake, or the reason is gone).
    const reopened = (previous?.snapshot as CaseSnapshot | undefined)?.reviewStatus === 'archived';
    const [before] = previous ? await withForeignIncidentsProjected(tx, updated.id, [previous.snapshot as CaseSnapshot]) : [];
    if (before && !reopened && diffCaseSnapshots(before, saved).every((change) => change.field === 'reviewStatus')) {
      throw badRequest('record.nothingChanged');
    }
    await recordAudit(tx, {
      actorId: params.userId,
      action: 'case.update',
      organizationId: updated.organizationId,
      subjectType: 'case',
      subjectId: updated.id,
      details: { version: updated.version },
    });
    return { id: updated.id, version: updated.version };
  });
}

