import 'server-only';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { rowsOf } from '@/db/rows';
import { actorNameKeys, documentedOrganizations, incidentSearch, persons, publicIncidents, searchStale } from '@/db/schema';
import { publicSearchColumns } from './public-document';
import { incidentDocuments } from './workspace-document';
import { documentKeys } from '@/server/text-search/words';

/**
 * Brings the search rows up to date: takes the records search_stale names (the triggers add them in
 * every write's transaction), a batch at a time, and rebuilds their rows in the batch's transaction.
 * Every search calls it first, so a search reads current rows; with nothing stale it costs one
 * statement. SKIP LOCKED lets two searches share the work; but a search must not read around a
 * rebuild that another request is still doing (the person a monitor saved a moment ago would be
 * missing), so once nothing free is left it waits for the marks others hold, and goes on if their
 * transaction gave any back.
 */

const batchSize = 500;

type Stale = { kind: (typeof searchStale.$inferSelect)['kind']; id: string };

export async function refreshSearch(db: DbOrTx): Promise<number> {
  // A read-only snapshot (the exports) cannot write: its caller refreshed before opening it. With no
  // mark in sight nothing is stale and no rebuild is in flight (its marks stay visible until it
  // commits): one statement, where the batch and the wait below take two transactions.
  const [state] = rowsOf<{ read_only: boolean; stale: boolean }>(
    await db.execute(sql`SELECT current_setting('transaction_read_only') = 'on' AS read_only, EXISTS (SELECT 1 FROM ${searchStale}) AS stale`),
  );
  if (state?.read_only || !state?.stale) return 0;
  let refreshed = 0;
  for (;;) {
    const done = await db.transaction(async (tx) => {
      const stale = rowsOf<Stale>(
        await tx.execute(sql`DELETE FROM ${searchStale} WHERE (kind, id) IN (
          SELECT kind, id FROM ${searchStale} LIMIT ${batchSize} FOR UPDATE SKIP LOCKED) RETURNING kind, id`),
      );
      await rebuild(tx, stale);
      return stale.length;
    });
    refreshed += done;
    if (done < batchSize && !(await staleLeftAfterOthers(db))) return refreshed;
  }
}

/** Waits until no other transaction holds a stale mark; whether any mark is left to take then. */
async function staleLeftAfterOthers(db: DbOrTx): Promise<boolean> {
  return db.transaction(async (tx) => {
    const left = rowsOf<{ kind: string }>(await tx.execute(sql`SELECT kind FROM ${searchStale} LIMIT 1 FOR UPDATE`));
    return left.length > 0;
  });
}

async function rebuild(tx: DbOrTx, stale: Stale[]): Promise<void> {
  const of = (kind: Stale['kind']) => stale.filter((s) => s.kind === kind).map((s) => s.id);
  await rebuildIncidents(tx, of('incident'));
  await rebuildActors(tx, of('person'), of('organization'));
  await rebuildPublicIncidents(tx, of('public_incident'));
}

export async function rebuildIncidents(tx: DbOrTx, ids: string[]): Promise<void> {
  if (!ids.length) return;
  const documents = await incidentDocuments(tx, ids);
  const gone = ids.filter((id) => !documents.some((d) => d.incidentId === id));
  if (gone.length) await tx.delete(incidentSearch).where(inArray(incidentSearch.incidentId, gone));
  if (!documents.length) return;
  await tx
    .insert(incidentSearch)
    .values(documents)
    .onConflictDoUpdate({
      target: incidentSearch.incidentId,
      set: { organizationId: sql`excluded.organization_id`, title: sql`excluded.title`, titleKeys: sql`excluded.title_keys`, text: sql`excluded.text`, keys: sql`excluded.keys` },
    });
}

/** The distinct keys (folded words and their stems) of a record's names, one row each in actor_name_keys. */
function keysOfNames(names: (string | null | undefined)[]): string[] {
  return documentKeys(names.filter(Boolean).join(' ')).split(' ').filter(Boolean);
}

type ActorNames = { kind: (typeof actorNameKeys.$inferSelect)['kind']; actorId: string; organizationId: string; sortName: string; names: (string | null | undefined)[] };

async function rebuildActors(tx: DbOrTx, personIds: string[], organizationIds: string[]): Promise<void> {
  const actors: ActorNames[] = [];
  if (personIds.length) {
    const found = await tx
      .select({ id: persons.id, organizationId: persons.organizationId, name: persons.name, aliases: persons.aliases })
      .from(persons)
      // A merged duplicate is offered by no search: it keeps no keys.
      .where(and(inArray(persons.id, personIds), isNull(persons.mergedIntoId)));
    for (const p of found) actors.push({ kind: 'person', actorId: p.id, organizationId: p.organizationId, sortName: p.name, names: [p.name, ...p.aliases] });
  }
  if (organizationIds.length) {
    const o = documentedOrganizations;
    const found = await tx.select({ id: o.id, organizationId: o.organizationId, name: o.name, acronym: o.acronym, aliases: o.aliases }).from(o).where(inArray(o.id, organizationIds));
    for (const r of found) actors.push({ kind: 'organization', actorId: r.id, organizationId: r.organizationId, sortName: r.name, names: [r.name, r.acronym, ...r.aliases] });
  }
  // A renamed record loses the keys of its old name: its rows are written anew. The kind leads the
  // primary key, so naming it lets the delete find the rows through the index.
  const k = actorNameKeys;
  if (personIds.length) await tx.delete(k).where(and(eq(k.kind, 'person'), inArray(k.actorId, personIds)));
  if (organizationIds.length) await tx.delete(k).where(and(eq(k.kind, 'organization'), inArray(k.actorId, organizationIds)));
  const rows = actors.flatMap(({ names, ...actor }) => keysOfNames(names).map((key) => ({ ...actor, key })));
  // Bounded statements: a batch of 500 records with long alias lists stays well under the parameter limit.
  for (let i = 0; i < rows.length; i += 5000) await tx.insert(k).values(rows.slice(i, i + 5000)).onConflictDoNothing();
}

/** Public rows written before their search columns existed (the migration names them all once). */
async function rebuildPublicIncidents(tx: DbOrTx, ids: string[]): Promise<void> {
  if (!ids.length) return;
  const rows = await tx.select().from(publicIncidents).where(inArray(publicIncidents.incidentId, ids));
  for (const row of rows) {
    await tx.update(publicIncidents).set(publicSearchColumns(row)).where(inArray(publicIncidents.incidentId, [row.incidentId]));
  }
}
