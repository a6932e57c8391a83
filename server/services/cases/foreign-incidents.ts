import 'server-only';
import { eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { cases, incidents } from '@/db/schema';
import { foreignIncidentView } from '../incidents/foreign-view';
import type { CaseSnapshot } from './snapshot';

/**
 * A case may hold incidents another organization shares with it. Its history keeps them as that
 * organization lets others read them (title projected, no ref), so that nothing confidential of the
 * other organization stays in case_versions, even after it stops sharing. Versions saved before
 * this rule are projected the same way when they are read.
 */
export async function withForeignIncidentsProjected(db: DbOrTx, caseId: string, snapshots: CaseSnapshot[]): Promise<CaseSnapshot[]> {
  const ids = [...new Set(snapshots.flatMap((snapshot) => snapshot.incidents.map((incident) => incident.id)))];
  if (!ids.length) return snapshots;
  const [[owner], owners] = await Promise.all([
    db.select({ organizationId: cases.organizationId }).from(cases).where(eq(cases.id, caseId)),
    db.select({ id: incidents.id, organizationId: incidents.organizationId }).from(incidents).where(inArray(incidents.id, ids)),
  ]);
  const ownerOf = new Map(owners.map((row) => [row.id, row.organizationId]));
  const foreign = ids.filter((id) => ownerOf.get(id) !== owner?.organizationId);
  if (!foreign.length) return snapshots;
  const view = await foreignIncidentView(db, foreign);
  const isForeign = new Set(foreign);
  return snapshots.map((snapshot) => ({
    ...snapshot,
    incidents: snapshot.incidents.map((incident) =>
      isForeign.has(incident.id) ? { id: incident.id, ref: '', title: view(incident.id, { title: incident.title }).title } : incident,
    ),
  }));
}
