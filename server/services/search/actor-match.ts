import 'server-only';
import { and, asc, desc, eq, inArray, like, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { actorNameKeys } from '@/db/schema';
import { queryWords } from '@/server/text-search/words';
import { refreshSearch } from './refresh';

/** A key as the start of a LIKE pattern: keys are folded letters and digits, escaped all the same. */
const prefix = (key: string) => `${key.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export type ActorKind = (typeof actorNameKeys.$inferSelect)['kind'];

/** Which rows of the list: the first `limit` after `offset`. */
export type ActorPage = { limit: number; offset?: number };

/**
 * One page of the persons or organizations of these organizations whose names meet the typed words,
 * across scripts and spellings (Қасым, Касым and Kassym alike): every word must begin a part of the
 * name, an alias or the acronym, or share its stem (a declined form), compared as folded keys in
 * actor_name_keys. Those where every word is a whole part of the name (`exact`) come first, then by
 * name and id. Null when no word was typed.
 *
 * The page is chosen from the keys' index alone, which holds the name beside each key: a common
 * surname meets a tenth of the records, and reading each of those from its table to sort them
 * cost more than the whole goal (issue 17). A walk down the name order that stops at the page was
 * weighed and left: a name begins with a first name, so the records a first name meets lie
 * together in that order, and a walk from the start reads every record before them.
 *
 * Each word's records come from two index ranges (the keys it begins, and its shorter stems: a
 * stem is the key with endings taken off, so it never begins with the key), one row per key met,
 * tagged with the word's bit, and with the bit again when the key is one of the word's stems (the
 * whole key or a shorter one). A record is met when its rows carry every word's bit, exact when
 * they carry every word's exact bit; bit_or is a plain aggregate, so one hash over the rows does it.
 */
export async function actorNameHits(db: DbOrTx, kind: ActorKind, organizationIds: string[], text: string | null | undefined, page: ActorPage) {
  const words = queryWords(text ?? '');
  if (!words.length || !organizationIds.length) return null;
  await refreshSearch(db);
  const k = actorNameKeys;
  const met = (bit: number, keys: SQL, exactBit: SQL) =>
    db
      .select({ actorId: k.actorId, name: k.sortName, word: sql<number>`${sql.raw(String(bit))}`.as('word'), exact: sql<number>`${exactBit}`.as('exact') })
      .from(k)
      .where(and(eq(k.kind, kind), inArray(k.organizationId, organizationIds), keys));
  const branches = words.flatMap(({ key, stems }, index) => {
    const bit = sql.raw(String(1 << index));
    const shorter = stems.filter((stem) => stem !== key);
    return [
      met(1 << index, like(k.key, prefix(key)), sql`CASE WHEN ${k.key} = ${key} THEN ${bit} ELSE 0 END`),
      ...(shorter.length ? [met(1 << index, inArray(k.key, shorter), bit)] : []),
    ];
  });
  type Branch = (typeof branches)[number];
  // Drizzle types a select with a union appended as another builder; it is the same select.
  const keysMet = branches.slice(1).reduce<Branch>((union, branch) => union.unionAll(branch) as unknown as Branch, branches[0]!).as('keys_met');
  const every = sql.raw(String((1 << words.length) - 1));
  const exact = sql<boolean>`bit_or(${keysMet.exact}) = ${every}`;
  return db
    .select({ actorId: keysMet.actorId, name: keysMet.name, exact: exact.as('exact') })
    .from(keysMet)
    .groupBy(keysMet.actorId, keysMet.name)
    .having(sql`bit_or(${keysMet.word}) = ${every}`)
    .orderBy(desc(exact), asc(keysMet.name), asc(keysMet.actorId))
    .limit(page.limit)
    .offset(page.offset ?? 0)
    .as('hits');
}
