import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { caseIncidents } from '@/db/schema';
import { lockEditableCase, recordCaseChange } from './change';

export type LinkResult = { changed: boolean; version: number };

type LinkParams = { caseId: string; incidentId: string; actorId: string };

/**
 * Lock the case, change its links, and record a new version only when `change` touched a row:
 * linking twice or unlinking what is not linked leaves the case as it was.
 */
async function changeLink(db: Db, params: LinkParams, action: 'case.link_incident' | 'case.unlink_incident', change: (tx: Tx) => Promise<unknown[]>): Promise<LinkResult> {
  return db.transaction(async (tx) => {
    const locked = await lockEditableCase(tx, params.caseId);
    if (!(await change(tx)).length) return { changed: false, version: locked.version };
    const { version } = await recordCaseChange(tx, {
      caseId: params.caseId,
      organizationId: locked.organizationId,
      actorId: params.actorId,
      action,
      details: { incidentId: params.incidentId },
    });
    return { changed: true, version };
  });
}

/**
 * Links an incident to a case. Linking one already linked changes nothing (no new version): the
 * person who clicked twice, or two people linking the same incident, leave one link.
 * The caller has checked that the incident is the case organization's or shared with it.
 */
export async function linkIncident(db: Db, params: LinkParams): Promise<LinkResult> {
  return changeLink(db, params, 'case.link_incident', (tx) =>
    tx
      .insert(caseIncidents)
      .values({ caseId: params.caseId, incidentId: params.incidentId, linkedBy: params.actorId })
      .onConflictDoNothing()
      .returning({ incidentId: caseIncidents.incidentId }),
  );
}

/** Removes an incident from a case; removing one that is not linked changes nothing. */
export async function unlinkIncident(db: Db, params: LinkParams): Promise<LinkResult> {
  return changeLink(db, params, 'case.unlink_incident', (tx) =>
    tx
      .delete(caseIncidents)
      .where(and(eq(caseIncidents.caseId, params.caseId), eq(caseIncidents.incidentId, params.incidentId)))
      .returning({ incidentId: caseIncidents.incidentId }),
  );
}
