import { eq, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { caseIncidents, caseInterventions, cases } from '@/db/schema';
import { caseLinksFromFile, loadCaseLinksByRef, type CaseLinksByRef } from './case-links';
import { differs, sameContent } from './compare';
import type { ExchangeCase } from './document';
import { emptyCounts, type ImportCounts } from './summary';

function columns(record: ExchangeCase) {
  return {
    title: record.title,
    summary: record.summary ?? null,
    status: record.status ?? 'open',
  } satisfies Partial<typeof cases.$inferInsert>;
}

async function writeLinks(
  tx: Tx,
  caseId: string,
  links: CaseLinksByRef,
  ids: { incidents: ReadonlyMap<string, string>; sources: ReadonlyMap<string, string> },
): Promise<void> {
  await tx.delete(caseIncidents).where(eq(caseIncidents.caseId, caseId));
  await tx.delete(caseInterventions).where(eq(caseInterventions.caseId, caseId));
  if (links.incidents.length > 0) {
    await tx.insert(caseIncidents).values(links.incidents.map((ref) => ({ caseId, incidentId: ids.incidents.get(ref) as string })));
  }
  if (links.interventions.length > 0) {
    await tx.insert(caseInterventions).values(
      links.interventions.map(({ source, ...intervention }, position) => ({
        ...intervention,
        caseId,
        position,
        sourceId: source === null ? null : (ids.sources.get(source) as string),
      })),
    );
  }
}

/** Upserts cases by (organization, ref) with their incidents and interventions. */
export async function importCases(
  tx: Tx,
  organizationId: string,
  records: readonly ExchangeCase[],
  ids: { incidents: ReadonlyMap<string, string>; sources: ReadonlyMap<string, string> },
): Promise<ImportCounts> {
  const counts = emptyCounts();
  const existing = new Map((await tx.select().from(cases).where(eq(cases.organizationId, organizationId))).map((row) => [row.ref, row]));
  const currentLinks = await loadCaseLinksByRef(tx, organizationId, { includeDeletedIncidents: true });

  for (const record of records) {
    const wanted = columns(record);
    const links = caseLinksFromFile(record);
    const current = existing.get(record.ref);
    if (!current) {
      const [created] = await tx.insert(cases).values({ organizationId, ref: record.ref, ...wanted }).returning({ id: cases.id });
      await writeLinks(tx, created!.id, links, ids);
      counts.created++;
    } else if (differs(current, wanted) || !sameContent(currentLinks.get(current.id) ?? { incidents: [], interventions: [] }, links)) {
      await tx.update(cases).set({ ...wanted, updatedAt: sql`now()` }).where(eq(cases.id, current.id));
      await writeLinks(tx, current.id, links, ids);
      counts.updated++;
    } else {
      counts.unchanged++;
    }
  }
  return counts;
}
