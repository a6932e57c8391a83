import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { caseLegalEvents, cases, incidents, sources, type EvidenceSubject } from '@/db/schema';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The organization that owns the record a file is attached to, or null when there is no such
 * (live) record. Ids of the wrong shape are simply not found.
 */
export async function subjectOwner(db: DbOrTx, kind: EvidenceSubject, id: string): Promise<string | null> {
  if (kind === 'legal_event') {
    if (!/^[1-9][0-9]{0,9}$/.test(id) || Number(id) > 2_147_483_647) return null;
    const [row] = await db
      .select({ organizationId: cases.organizationId })
      .from(caseLegalEvents)
      .innerJoin(cases, eq(cases.id, caseLegalEvents.caseId))
      .where(and(eq(caseLegalEvents.id, Number(id)), isNull(caseLegalEvents.deletedAt), isNull(cases.deletedAt)));
    return row?.organizationId ?? null;
  }
  if (!uuidPattern.test(id)) return null;
  if (kind === 'incident') {
    const [row] = await db.select({ organizationId: incidents.organizationId }).from(incidents).where(and(eq(incidents.id, id), isNull(incidents.deletedAt)));
    return row?.organizationId ?? null;
  }
  if (kind === 'case') {
    const [row] = await db.select({ organizationId: cases.organizationId }).from(cases).where(and(eq(cases.id, id), isNull(cases.deletedAt)));
    return row?.organizationId ?? null;
  }
  const [row] = await db.select({ organizationId: sources.organizationId }).from(sources).where(eq(sources.id, id));
  return row?.organizationId ?? null;
}
