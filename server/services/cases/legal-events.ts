import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { caseLegalEventProvisions, caseLegalEvents } from '@/db/schema';
import { type LegalEventFields } from '@/common/inputs/case';
import { conflict, notFound } from '../../errors';
import { findOrCreateLegalProvision } from '../incidents/references';
import { lockEditableCase, recordCaseChange } from './change';
import { checkCasePartMentions } from './mentions-check';
import { checkPersonsOf } from './persons';

function columns(input: LegalEventFields) {
  return {
    kind: input.kind,
    personId: input.personId,
    date: input.date,
    datePrecision: input.datePrecision,
    court: input.court,
    summary: input.summary,
    outcome: input.outcome,
  };
}

async function replaceProvisions(tx: Tx, legalEventId: number, provisions: LegalEventFields['provisions']): Promise<void> {
  await tx.delete(caseLegalEventProvisions).where(eq(caseLegalEventProvisions.legalEventId, legalEventId));
  const ids: string[] = [];
  for (const provision of provisions) {
    const id = await findOrCreateLegalProvision(tx, provision);
    if (!ids.includes(id)) ids.push(id);
  }
  if (ids.length) {
    await tx.insert(caseLegalEventProvisions).values(ids.map((legalProvisionId, position) => ({ legalEventId, legalProvisionId, position })));
  }
}

/** The case a legal event belongs to (null when the event is missing or deleted): what the policy checks. */
export async function caseOfLegalEvent(db: Db | Tx, id: number): Promise<string | null> {
  const [row] = await db
    .select({ caseId: caseLegalEvents.caseId })
    .from(caseLegalEvents)
    .where(and(eq(caseLegalEvents.id, id), isNull(caseLegalEvents.deletedAt)));
  return row?.caseId ?? null;
}

/** Adds a step of the proceedings to a case; the case gets a new version. */
export async function addLegalEvent(db: Db, params: { caseId: string; actorId: string; input: LegalEventFields }) {
  return db.transaction(async (tx) => {
    const locked = await lockEditableCase(tx, params.caseId);
    await checkPersonsOf(tx, locked.organizationId, [params.input.personId], () => ['personId']);
    await checkCasePartMentions(tx, params.caseId, { court: params.input.court, summary: params.input.summary, outcome: params.input.outcome });
    const [created] = await tx
      .insert(caseLegalEvents)
      .values({ ...columns(params.input), caseId: params.caseId, createdBy: params.actorId, updatedBy: params.actorId })
      .returning({ id: caseLegalEvents.id, version: caseLegalEvents.version });
    if (!created) throw new Error('Insert of a legal event returned nothing');
    await replaceProvisions(tx, created.id, params.input.provisions);
    const { version } = await recordCaseChange(tx, {
      caseId: params.caseId,
      organizationId: locked.organizationId,
      actorId: params.actorId,
      action: 'case.add_legal_event',
      details: { legalEventId: created.id, kind: params.input.kind },
    });
    return { ...created, caseVersion: version };
  });
}

function staleEvent(version: number) {
  return conflict('legalEvent.stale', { version });
}

/**
 * Changes a legal event still at `version`, in its case's transaction: the case gets a new version.
 * `apply` answers undefined when the event was saved (or removed) since: CONFLICT.
 */
async function change<Changed extends object>(
  db: Db,
  params: { id: number; version: number; actorId: string },
  action: string,
  apply: (tx: Tx, organizationId: string, caseId: string) => Promise<Changed | undefined>,
) {
  return db.transaction(async (tx) => {
    const caseId = await caseOfLegalEvent(tx, params.id);
    if (!caseId) throw notFound('legal event');
    const locked = await lockEditableCase(tx, caseId);
    const changed = await apply(tx, locked.organizationId, caseId);
    if (!changed) throw staleEvent(params.version);
    const { version } = await recordCaseChange(tx, {
      caseId,
      organizationId: locked.organizationId,
      actorId: params.actorId,
      action,
      details: { legalEventId: params.id },
    });
    return { ...changed, caseVersion: version };
  });
}

/** Saves an edit of a legal event made from `version`; CONFLICT when someone saved since. */
export function updateLegalEvent(db: Db, params: { id: number; version: number; actorId: string; input: LegalEventFields }) {
  return change(db, params, 'case.update_legal_event', async (tx, organizationId, caseId) => {
    await checkPersonsOf(tx, organizationId, [params.input.personId], () => ['personId']);
    await checkCasePartMentions(tx, caseId, { court: params.input.court, summary: params.input.summary, outcome: params.input.outcome });
    const [updated] = await tx
      .update(caseLegalEvents)
      .set({ ...columns(params.input), version: sql`${caseLegalEvents.version} + 1`, updatedBy: params.actorId, updatedAt: sql`now()` })
      .where(and(eq(caseLegalEvents.id, params.id), eq(caseLegalEvents.version, params.version), isNull(caseLegalEvents.deletedAt)))
      .returning({ id: caseLegalEvents.id, version: caseLegalEvents.version });
    if (updated) await replaceProvisions(tx, updated.id, params.input.provisions);
    return updated;
  });
}

/** Removes a legal event from the case (soft delete: the history keeps it). */
export function removeLegalEvent(db: Db, params: { id: number; version: number; actorId: string }) {
  return change(db, params, 'case.remove_legal_event', async (tx) => {
    const [removed] = await tx
      .update(caseLegalEvents)
      .set({ deletedAt: sql`now()`, deletedBy: params.actorId })
      .where(and(eq(caseLegalEvents.id, params.id), eq(caseLegalEvents.version, params.version), isNull(caseLegalEvents.deletedAt)))
      .returning({ id: caseLegalEvents.id });
    // What the caller gets is the case's new version: the event is gone.
    return removed ? {} : undefined;
  });
}
