import 'server-only';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { rowsOf } from '@/db/rows';
import { foldToKey } from '../publishing/name-forms/fold';

/**
 * Persons that are probably one person recorded twice, for reviewers to merge (the merge exists:
 * server/services/persons/merge.ts). Two signs: the same name once folded across scripts and
 * spellings (Елеусинов, Yeleusinov and Eleusinov; the words in any order; a name against an alias),
 * or names alike by trigram similarity (a typo, a missing patronymic).
 */

export type DuplicatePerson = { id: string; name: string; aliases: string[]; confidential: boolean; incidents: number };
export type LikelyDuplicatePair = { first: DuplicatePerson; second: DuplicatePerson; sameFoldedName: boolean; similarName: boolean };

/** How alike two names must be (pg_trgm similarity) to be listed without folding to the same key. */
export const nameSimilarity = 0.6;
/** Bounds on the work of one request: persons folded, pairs returned. */
const maxPersons = 50_000;
const maxPairs = 100;

/** A name's folded key: each word folded, the words sorted, so "Nurbek Example" meets "Example Nurbek". */
export function foldedName(name: string): string {
  return name
    .split(/[\s\-.,]+/u)
    .filter(Boolean)
    .map(foldToKey)
    .sort()
    .join(' ');
}

type Row = { id: string; organization_id: string; name: string; aliases: string[]; confidential: boolean; incidents: number };

export async function findLikelyDuplicatePersons(db: DbOrTx, organizationIds: string[]): Promise<LikelyDuplicatePair[]> {
  if (organizationIds.length === 0) return [];
  const orgs = sql`ARRAY[${sql.join(organizationIds.map((id) => sql`${id}`), sql`, `)}]::uuid[]`;
  const persons = rowsOf<Row>(
    await db.execute(sql`
      SELECT p.id, p.organization_id, p.name, p.aliases, p.confidential,
             (SELECT count(DISTINCT v.incident_id)::int FROM incident_victims v WHERE v.person_id = p.id) AS incidents
      FROM persons p WHERE p.organization_id = ANY(${orgs}) AND p.merged_into_id IS NULL
      ORDER BY p.id LIMIT ${maxPersons}`),
  );
  const byId = new Map(persons.map((p) => [p.id, p]));
  const pairs = new Map<string, { first: Row; second: Row; sameFoldedName: boolean; similarName: boolean }>();
  const pairOf = (a: Row, b: Row) => {
    const [first, second] = a.id < b.id ? [a, b] : [b, a];
    const key = `${first.id}:${second.id}`;
    let pair = pairs.get(key);
    if (!pair) pairs.set(key, (pair = { first, second, sameFoldedName: false, similarName: false }));
    return pair;
  };

  // Same folded key, within one organization: a name or any alias of one against a name or alias of the other.
  const byKey = new Map<string, Row[]>();
  for (const person of persons) {
    for (const key of new Set([person.name, ...person.aliases].map(foldedName).filter(Boolean))) {
      const bucket = `${person.organization_id}|${key}`;
      byKey.set(bucket, [...(byKey.get(bucket) ?? []), person]);
    }
  }
  for (const group of byKey.values()) {
    for (let i = 0; i < group.length; i += 1) for (let j = i + 1; j < group.length; j += 1) pairOf(group[i]!, group[j]!).sameFoldedName = true;
  }

  // Alike by trigrams (the index on lower(name) answers `%`).
  const similar = rowsOf<{ a: string; b: string }>(
    await db.execute(sql`
      SELECT a.id AS a, b.id AS b FROM persons a
      JOIN persons b ON b.organization_id = a.organization_id AND a.id < b.id AND lower(b.name) % lower(a.name)
      WHERE a.organization_id = ANY(${orgs}) AND a.merged_into_id IS NULL AND b.merged_into_id IS NULL
        AND similarity(lower(a.name), lower(b.name)) >= ${nameSimilarity}
      LIMIT ${maxPairs * 2}`),
  );
  for (const { a, b } of similar) {
    const first = byId.get(a);
    const second = byId.get(b);
    if (first && second) pairOf(first, second).similarName = true;
  }

  const shown = (p: Row): DuplicatePerson => ({ id: p.id, name: p.name, aliases: p.aliases, confidential: p.confidential, incidents: p.incidents });
  return [...pairs.values()]
    .sort((x, y) => Number(y.sameFoldedName) - Number(x.sameFoldedName) || x.first.name.localeCompare(y.first.name))
    .slice(0, maxPairs)
    .map((pair) => ({ first: shown(pair.first), second: shown(pair.second), sameFoldedName: pair.sameFoldedName, similarName: pair.similarName }));
}
