import 'server-only';
import { and, eq, isNull, max, sql } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { Db, Tx } from '@/db/client';
import { caseInterventions, sources } from '@/db/schema';
import { type InterventionFields, suggestedReplyDue } from '@/common/inputs/case';
import { conflict, invalidField, notFound } from '../../errors';
import { checkCasePartMentions } from './mentions-check';
import { lockEditableCase, recordCaseChange } from './change';

function columns(input: InterventionFields) {
  return {
    kind: input.kind,
    date: input.date,
    datePrecision: input.datePrecision,
    by: input.by,
    referenceCode: input.referenceCode,
    summary: input.summary,
    sourceId: input.sourceId,
    replyDueOn: input.replyDueOn,
    replyReceivedOn: input.replyReceivedOn,
  };
}

/**
 * Checks what zod cannot: the source is the organization's, and a reply is neither due nor received
 * before the intervention itself. (An intervention dated before the case's first incident is fine:
 * appeals often precede what gets documented.)
 */
async function check(tx: Tx, organizationId: string, caseId: string, input: InterventionFields): Promise<void> {
  await checkCasePartMentions(tx, caseId, { kind: input.kind, by: input.by, summary: input.summary });
  if (input.sourceId) {
    const [source] = await tx
      .select({ id: sources.id })
      .from(sources)
      .where(and(eq(sources.id, input.sourceId), eq(sources.organizationId, organizationId)));
    if (!source) throw invalidField(['sourceId'], 'reference.noSource');
  }
  if (input.replyDueOn && input.replyDueOn < input.date) throw invalidField(['replyDueOn'], 'intervention.replyDueBefore');
  if (input.replyReceivedOn && input.replyReceivedOn < input.date) {
    throw invalidField(['replyReceivedOn'], 'intervention.replyBefore');
  }
}

/** The case an intervention belongs to (null when it is missing or deleted): what the policy checks. */
export async function caseOfIntervention(db: Db | Tx, id: number): Promise<string | null> {
  const [row] = await db
    .select({ caseId: caseInterventions.caseId })
    .from(caseInterventions)
    .where(and(eq(caseInterventions.id, id), isNull(caseInterventions.deletedAt)));
  return row?.caseId ?? null;
}

/**
 * A new UN communication asks for a reply within 60 days, whoever creates it (the form, a direct
 * API call, a script): without a due date and with no reply received yet, it gets that default
 * (suggestedReplyDue says how a month or a year is counted). Someone who knows better edits the
 * date afterwards, or clears it; the default is only applied on creation.
 */
function withDefaultReplyDue(input: InterventionFields): InterventionFields {
  if (input.replyDueOn || input.replyReceivedOn) return input;
  return { ...input, replyDueOn: suggestedReplyDue(input.kind, input.date, input.datePrecision) };
}

/** Adds an intervention to a case; the case gets a new version. */
export async function addIntervention(db: Db, params: { caseId: string; actorId: string; input: InterventionFields }) {
  const input = withDefaultReplyDue(params.input);
  return db.transaction(async (tx) => {
    const locked = await lockEditableCase(tx, params.caseId);
    await check(tx, locked.organizationId, params.caseId, input);
    const [last] = await tx.select({ position: max(caseInterventions.position) }).from(caseInterventions).where(eq(caseInterventions.caseId, params.caseId));
    const [created] = await tx
      .insert(caseInterventions)
      .values({
        ...columns(input),
        caseId: params.caseId,
        position: (last?.position ?? -1) + 1,
        createdBy: params.actorId,
        updatedBy: params.actorId,
      })
      .returning({ id: caseInterventions.id, version: caseInterventions.version });
    if (!created) throw new Error('Insert of an intervention returned nothing');
    const { version } = await recordCaseChange(tx, {
      caseId: params.caseId,
      organizationId: locked.organizationId,
      actorId: params.actorId,
      action: 'case.add_intervention',
      details: { interventionId: created.id, kind: input.kind },
    });
    return { ...created, caseVersion: version };
  });
}

function staleIntervention(version: number) {
  return conflict('intervention.stale', { version });
}

async function change(
  db: Db,
  params: { id: number; version: number; actorId: string },
  action: string,
  apply: (tx: Tx, organizationId: string, caseId: string) => Promise<PgUpdateSetSource<typeof caseInterventions>>,
) {
  return db.transaction(async (tx) => {
    const caseId = await caseOfIntervention(tx, params.id);
    if (!caseId) throw notFound('intervention');
    const locked = await lockEditableCase(tx, caseId);
    const values = await apply(tx, locked.organizationId, caseId);
    const [updated] = await tx
      .update(caseInterventions)
      .set({ ...values, version: sql`${caseInterventions.version} + 1`, updatedBy: params.actorId, updatedAt: sql`now()` })
      .where(and(eq(caseInterventions.id, params.id), eq(caseInterventions.version, params.version), isNull(caseInterventions.deletedAt)))
      .returning({ id: caseInterventions.id, version: caseInterventions.version });
    if (!updated) throw staleIntervention(params.version);
    const { version } = await recordCaseChange(tx, {
      caseId,
      organizationId: locked.organizationId,
      actorId: params.actorId,
      action,
      details: { interventionId: params.id },
    });
    return { ...updated, caseVersion: version };
  });
}

/** Saves an edit of an intervention made from `version`; CONFLICT when someone saved since. */
export function updateIntervention(db: Db, params: { id: number; version: number; actorId: string; input: InterventionFields }) {
  return change(db, params, 'case.update_intervention', async (tx, organizationId, caseId) => {
    await check(tx, organizationId, caseId, params.input);
    return columns(params.input);
  });
}

/** Records that the awaited reply came, on that day: the intervention leaves the "awaiting a reply" list. */
export function recordReplyReceived(db: Db, params: { id: number; version: number; actorId: string; replyReceivedOn: string }) {
  return change(db, params, 'case.reply_received', async (tx) => {
    const [row] = await tx.select({ date: caseInterventions.date }).from(caseInterventions).where(eq(caseInterventions.id, params.id));
    if (row && params.replyReceivedOn < row.date) throw invalidField(['replyReceivedOn'], 'intervention.replyBefore');
    return { replyReceivedOn: params.replyReceivedOn };
  });
}

/** Removes an intervention from the case (soft delete: the history keeps it). */
export function removeIntervention(db: Db, params: { id: number; version: number; actorId: string }) {
  return change(db, params, 'case.remove_intervention', async () => ({ deletedAt: sql`now()`, deletedBy: params.actorId }));
}
