import 'server-only';
import { eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { documentedOrganizations, personAffiliations, persons } from '@/db/schema';
import { chunk, differs, sameContent } from './compare';
import type { ExchangePerson } from './document';
import { emptyCounts, type ImportCounts } from './summary';

type PersonRow = typeof persons.$inferSelect;

function columns(record: ExchangePerson, current: PersonRow | undefined) {
  return {
    name: record.name,
    gender: record.gender ?? null,
    categories: record.categories ?? [],
    roleNote: record.role_note ?? null,
    // Protection only ever tightens on import: a file (perhaps an older export, or a partner's) that
    // does not mark a person confidential must not expose someone the workspace protects. Lifting
    // the flag is a deliberate decision taken in the workspace.
    confidential: (record.confidential ?? false) || (current?.confidential ?? false),
    // A version 1 file says nothing of aliases: the workspace keeps the ones it has.
    aliases: record.aliases ?? current?.aliases ?? [],
  } satisfies Partial<typeof persons.$inferInsert>;
}

/** Each person's affiliations as sorted organization refs: a set, compared regardless of order. */
async function loadAffiliations(tx: Tx, organizationId: string): Promise<Map<string, string[]>> {
  const rows = await tx
    .select({ personId: personAffiliations.personId, ref: documentedOrganizations.ref })
    .from(personAffiliations)
    .innerJoin(persons, eq(persons.id, personAffiliations.personId))
    .innerJoin(documentedOrganizations, eq(documentedOrganizations.id, personAffiliations.documentedOrganizationId))
    .where(eq(persons.organizationId, organizationId));
  const byPerson = new Map<string, string[]>();
  for (const row of rows) byPerson.set(row.personId, [...(byPerson.get(row.personId) ?? []), row.ref]);
  for (const refs of byPerson.values()) refs.sort();
  return byPerson;
}

/**
 * A record merged into another in the workspace (a duplicate of the same person) is not written
 * again: its ref stands for the record that remains, so a file made before the merge points its
 * incidents there. Protection still only tightens: a file marking the duplicate confidential makes
 * the remaining record confidential too.
 */
async function followMerged(tx: Tx, record: ExchangePerson, merged: PersonRow, byId: ReadonlyMap<string, PersonRow>): Promise<boolean> {
  const remaining = byId.get(merged.mergedIntoId as string);
  if (!record.confidential || !remaining || remaining.confidential) return false;
  await tx
    .update(persons)
    .set({ confidential: true, version: sql`${persons.version} + 1`, updatedAt: sql`now()` })
    .where(inArray(persons.id, [remaining.id, merged.id]));
  remaining.confidential = true;
  return true;
}

/**
 * Upserts the persons by (organization, ref) with their affiliations; returns the row id of every
 * ref, and `aliases`: the refs of merged duplicates with the ref of the record that remains.
 * `organizationIds` maps documented-organization refs to row ids (see importOrganizations).
 */
export async function importPersons(
  tx: Tx,
  organizationId: string,
  records: readonly ExchangePerson[],
  organizationIds: ReadonlyMap<string, string>,
): Promise<{ counts: ImportCounts; ids: Map<string, string>; aliases: Map<string, string> }> {
  const counts = emptyCounts();
  const existing = await tx.select().from(persons).where(eq(persons.organizationId, organizationId));
  const byRef = new Map(existing.map((row) => [row.ref, row]));
  const byId = new Map(existing.map((row) => [row.id, row]));
  const aliases = new Map<string, string>();
  for (const row of existing) {
    const remaining = row.mergedIntoId ? byId.get(row.mergedIntoId) : undefined;
    if (remaining) aliases.set(row.ref, remaining.ref);
  }
  const ids = new Map(existing.map((row) => [row.ref, row.mergedIntoId ?? row.id]));
  const currentAffiliations = await loadAffiliations(tx, organizationId);
  const created: (typeof persons.$inferInsert)[] = [];
  const affiliationChanges: { ref: string; replace: boolean; refs: string[] }[] = [];

  for (const record of records) {
    const current = byRef.get(record.ref);
    if (current?.mergedIntoId) {
      if (await followMerged(tx, record, current, byId)) counts.updated++;
      else counts.unchanged++;
      continue;
    }
    const wanted = columns(record, current);
    const affiliations = [...(record.affiliations ?? [])].sort();
    const affiliationsChanged = !sameContent(current ? (currentAffiliations.get(current.id) ?? []) : [], affiliations);
    if (affiliationsChanged) affiliationChanges.push({ ref: record.ref, replace: current !== undefined, refs: affiliations });
    if (!current) {
      created.push({ organizationId, ref: record.ref, ...wanted });
      counts.created++;
    } else if (differs(current, wanted) || affiliationsChanged) {
      await tx.update(persons).set({ ...wanted, version: sql`${persons.version} + 1`, updatedAt: sql`now()` }).where(eq(persons.id, current.id));
      counts.updated++;
    } else {
      counts.unchanged++;
    }
  }
  for (const rows of chunk(created, 500)) {
    const inserted = await tx.insert(persons).values(rows).returning({ id: persons.id, ref: persons.ref });
    for (const row of inserted) ids.set(row.ref, row.id);
  }

  const affiliationRows: (typeof personAffiliations.$inferInsert)[] = [];
  for (const change of affiliationChanges) {
    const personId = ids.get(change.ref) as string;
    if (change.replace) await tx.delete(personAffiliations).where(eq(personAffiliations.personId, personId));
    for (const ref of change.refs) affiliationRows.push({ personId, documentedOrganizationId: organizationIds.get(ref) as string });
  }
  for (const rows of chunk(affiliationRows, 1000)) await tx.insert(personAffiliations).values(rows);
  return { counts, ids, aliases };
}
