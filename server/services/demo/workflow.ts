import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { incidents } from '@/db/schema';
import { incidentInput } from '@/common/inputs/incident';
import { loadIncidentSnapshot } from '../incidents/snapshot';
import { snapshotToFormValues } from '../incidents/snapshot-input';
import { updateIncident } from '../incidents/write';
import { decide } from '../review/decide';

/**
 * Puts the demo's review queue in motion, through the same services people use: a correction of a
 * published incident waits for review, and another correction has been returned with a request for
 * changes. The public keeps seeing the published versions meanwhile. Runs once per database.
 */
export async function seedDemoWorkflow(db: Db, params: { organizationId: string; authorId: string; reviewerId: string }) {
  const corrections = [
    { ref: 'inc:fp-blocked', title: 'Foreign Policy website blocked in Kazakhstan', returnWith: null },
    {
      ref: 'inc:mamay-beaten',
      title: 'Journalist Zhanbolat Mamay beaten in pre-trial detention in Almaty',
      returnWith: 'Please cite the source that describes the beating, and give the day if it is known.',
    },
  ];
  for (const correction of corrections) {
    const [row] = await db
      .select({ id: incidents.id, status: incidents.reviewStatus, version: incidents.version })
      .from(incidents)
      .where(and(eq(incidents.organizationId, params.organizationId), eq(incidents.ref, correction.ref)));
    // Only a still-published record gets the demo correction, so a second run changes nothing.
    if (!row || row.status !== 'published') continue;
    const snapshot = await loadIncidentSnapshot(db, row.id);
    if (!snapshot) continue;
    const input = incidentInput.parse({ ...snapshotToFormValues(snapshot), title: correction.title });
    const edited = await updateIncident(db, { id: row.id, version: row.version, userId: params.authorId, input });
    const submitted = await decide(db, { name: 'submit', subject: { kind: 'incident', id: row.id }, version: edited.version, actorId: params.authorId, comment: null });
    if (correction.returnWith) {
      await decide(db, {
        name: 'requestChanges',
        subject: { kind: 'incident', id: row.id },
        version: submitted.version,
        actorId: params.reviewerId,
        comment: correction.returnWith,
      });
    }
  }
}
