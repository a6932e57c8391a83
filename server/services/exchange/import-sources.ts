import 'server-only';
import { eq } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { sources } from '@/db/schema';
import { chunk, differs } from './compare';
import type { ExchangeSource } from './document';
import { emptyCounts, type ImportCounts } from './summary';

function columns(record: ExchangeSource) {
  return {
    title: record.title,
    publisher: record.publisher ?? null,
    publishedOn: record.published_on ?? null,
    kind: record.kind ?? null,
    referenceCode: record.reference_code ?? null,
    url: record.url ?? null,
    reliability: record.reliability ?? null,
  } satisfies Partial<typeof sources.$inferInsert>;
}

/** Upserts the sources by (organization, ref); returns the row id of every ref. */
export async function importSources(
  tx: Tx,
  organizationId: string,
  records: readonly ExchangeSource[],
): Promise<{ counts: ImportCounts; ids: Map<string, string> }> {
  const counts = emptyCounts();
  const existing = await tx.select().from(sources).where(eq(sources.organizationId, organizationId));
  const byRef = new Map(existing.map((row) => [row.ref, row]));
  const ids = new Map(existing.map((row) => [row.ref, row.id]));
  const created: (typeof sources.$inferInsert)[] = [];

  for (const record of records) {
    const wanted = columns(record);
    const current = byRef.get(record.ref);
    if (!current) {
      created.push({ organizationId, ref: record.ref, ...wanted });
      counts.created++;
    } else if (differs(current, wanted)) {
      await tx.update(sources).set(wanted).where(eq(sources.id, current.id));
      counts.updated++;
    } else {
      counts.unchanged++;
    }
  }
  for (const rows of chunk(created, 500)) {
    const inserted = await tx.insert(sources).values(rows).returning({ id: sources.id, ref: sources.ref });
    for (const row of inserted) ids.set(row.ref, row.id);
  }
  return { counts, ids };
}
