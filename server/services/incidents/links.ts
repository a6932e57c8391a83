import 'server-only';
import { eq } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { incidentLegalProvisions, incidentPerpetrators, incidentSources, incidentVictims } from '@/db/schema';
import type { ResolvedLinks } from './references';

/** Replaces an incident's victims, perpetrators, provisions and sources with the given ones, in order. */
export async function replaceIncidentLinks(tx: Tx, incidentId: string, links: ResolvedLinks): Promise<void> {
  await Promise.all([
    tx.delete(incidentVictims).where(eq(incidentVictims.incidentId, incidentId)),
    tx.delete(incidentPerpetrators).where(eq(incidentPerpetrators.incidentId, incidentId)),
    tx.delete(incidentLegalProvisions).where(eq(incidentLegalProvisions.incidentId, incidentId)),
    tx.delete(incidentSources).where(eq(incidentSources.incidentId, incidentId)),
  ]);
  if (links.victims.length) {
    await tx.insert(incidentVictims).values(links.victims.map((v, position) => ({ ...v, incidentId, position })));
  }
  if (links.perpetrators.length) {
    await tx.insert(incidentPerpetrators).values(links.perpetrators.map((p, position) => ({ ...p, incidentId, position })));
  }
  if (links.legalProvisionIds.length) {
    await tx
      .insert(incidentLegalProvisions)
      .values(links.legalProvisionIds.map((legalProvisionId, position) => ({ legalProvisionId, incidentId, position })));
  }
  if (links.sourceIds.length) {
    await tx.insert(incidentSources).values(links.sourceIds.map((sourceId, position) => ({ sourceId, incidentId, position })));
  }
}
