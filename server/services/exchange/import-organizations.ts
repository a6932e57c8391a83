import 'server-only';
import { eq } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { documentedOrganizations } from '@/db/schema';
import { chunk, differs } from './compare';
import type { ExchangeOrganization } from './document';
import { emptyCounts, type ImportCounts } from './summary';

function columns(record: ExchangeOrganization, current: typeof documentedOrganizations.$inferSelect | undefined) {
  return {
    name: record.name,
    acronym: record.acronym ?? null,
    kind: record.kind ?? null,
    country: record.country ?? null,
    // A version 1 file says nothing of aliases: the workspace keeps the ones it has.
    aliases: record.aliases ?? current?.aliases ?? [],
  } satisfies Partial<typeof documentedOrganizations.$inferInsert>;
}

/** Upserts the documented organizations by (organization, ref); returns the row id of every ref. */
export async function importOrganizations(
  tx: Tx,
  organizationId: string,
  records: readonly ExchangeOrganization[],
): Promise<{ counts: ImportCounts; ids: Map<string, string> }> {
  const counts = emptyCounts();
  const existing = await tx.select().from(documentedOrganizations).where(eq(documentedOrganizations.organizationId, organizationId));
  const byRef = new Map(existing.map((row) => [row.ref, row]));
  const ids = new Map(existing.map((row) => [row.ref, row.id]));
  const created: (typeof documentedOrganizations.$inferInsert)[] = [];

  for (const record of records) {
    const current = byRef.get(record.ref);
    const wanted = columns(record, current);
    if (!current) {
      created.push({ organizationId, ref: record.ref, ...wanted });
      counts.created++;
    } else if (differs(current, wanted)) {
      await tx.update(documentedOrganizations).set(wanted).where(eq(documentedOrganizations.id, current.id));
      counts.updated++;
    } else {
      counts.unchanged++;
    }
  }
  for (const rows of chunk(created, 500)) {
    const inserted = await tx
      .insert(documentedOrganizations)
      .values(rows)
      .returning({ id: documentedOrganizations.id, ref: documentedOrganizations.ref });
    for (const row of inserted) ids.set(row.ref, row.id);
  }
  return { counts, ids };
}
