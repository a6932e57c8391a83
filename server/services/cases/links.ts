import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { caseIncidents } from '@/db/schema';
import { lockEditableCase, recordCaseChange } from './change';

export type LinkResult = { changed: boolean; version: number };

/**
 * Links an incident to a case. Linking one already linked changes nothing (no new version): the
 * person who clicked twice, or two people linking the same incident, leave one link.
 * The caller has checked that the incident is the case organization's or shared with it.
 */
export async function linkIncident(db: Db, params: { caseId: string; incidentId: string; actorId: string }): Promise<LinkResult> {
  return db.transaction(async (tx) => {
    const locked = await lockEditableCase(tx, params.caseId);
    const inserted = await tx
      .insert(caseIncidents)
      .values({ caseId: params.caseId, incidentId: params.incidentId, linkedBy: params.actorId })
      .onConflictDoNothing()
      .returning({ incidentId: caseIncidents.incidentId });
    if (!inserted.length) return { changed: false, version: locked.version };
    const { version } = await recordCaseChange(tx, {
      caseId: params.caseId,
      organizationId: locked.organizationId,
      actorId: params.actorId,
      action: 'case.link_incident',
      details: { incidentId: params.incidentId },
    });
    return { changed: true, version };
  });
}

/** Removes an incident from a case; removing one that is not linked changes nothing. */
export async function unlinkIncident(db: Db, params: { caseId: string; incidentId: string; actorId: string }): Promise<LinkResult> {
  return db.transaction(async (tx) => {
    const locked = await lockEditableCase(tx, params.caseId);
    const removed = await tx
      .delete(caseIncidents)
      .where(and(eq(caseIncidents.caseId, params.caseId), eq(caseIncidents.incidentId, params.incidentId)))
      .returning({ incidentId: caseIncidents.incidentId });
    if (!removed.length) return { changed: false, version: locked.version };
    const { version } = await recordCaseChange(tx, {
      caseId: params.caseId,
      organizationId: locked.organizationId,
      actorId: params.actorId,
      action: 'case.unlink_incident',
      details: { incidentId: params.incidentId },
    });
    return { changed: true, version };
  });
}
