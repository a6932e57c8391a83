import 'server-only';
import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '@/db/client';
import { personMerges, persons, users } from '@/db/schema';
import { actorNameHits, type ActorPage } from '../search/actor-match';
import { incidentCount } from '../directory/incident-count';
import { loadPersonSnapshot, type PersonSnapshot } from './snapshot';

/** The facts the policy needs; null when there is no such person. Merged records are found too (their page says where they went). */
export async function findPersonForPolicy(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ id: persons.id, organizationId: persons.organizationId, mergedIntoId: persons.mergedIntoId, version: persons.version })
    .from(persons)
    .where(eq(persons.id, id));
  return row ?? null;
}

const into = alias(persons, 'merged_into');

export type PersonMergeEntry = {
  id: number;
  mergedAt: Date;
  mergedBy: { id: string; name: string } | null;
  /** The duplicate as it was just before the merge. */
  merged: PersonSnapshot;
  /** The remaining record just before, and just after. */
  before: PersonSnapshot;
  after: PersonSnapshot;
  moved: MergeMoved;
};

/** What a merge re-pointed, kept in its history row. */
export type MergeMoved = {
  incidents: { id: string; ref: string; fromVersion: number; toVersion: number; victimRows: number; duplicateRowsRemoved: number }[];
  cases: { id: string; ref: string; caseLinks: number; duplicateLinksRemoved: number; fromVersion: number | null; toVersion: number | null }[];
  legalEvents: number[];
  affiliationsAdded: string[];
  /** Records merged earlier into the duplicate, which now point at the remaining record. */
  redirectedPersons: string[];
};

/** Every merge into this person, newest first. */
export async function listMergesInto(db: DbOrTx, personId: string): Promise<PersonMergeEntry[]> {
  const rows = await db
    .select({ merge: personMerges, userName: users.name })
    .from(personMerges)
    .leftJoin(users, eq(users.id, personMerges.mergedBy))
    .where(eq(personMerges.personId, personId))
    .orderBy(desc(personMerges.id));
  return rows.map(({ merge, userName }) => ({
    id: merge.id,
    mergedAt: merge.mergedAt,
    mergedBy: { id: merge.mergedBy, name: userName ?? '' },
    merged: merge.mergedPersonBefore as PersonSnapshot,
    before: merge.personBefore as PersonSnapshot,
    after: merge.personAfter as PersonSnapshot,
    moved: merge.moved as MergeMoved,
  }));
}

/** The person page's record: the fields, its affiliations, and, for a merged duplicate, where it went. */
export async function getPersonDetail(db: DbOrTx, id: string) {
  const snapshot = await loadPersonSnapshot(db, id);
  if (!snapshot) return null;
  const [row] = await db
    .select({
      organizationId: persons.organizationId,
      createdAt: persons.createdAt,
      updatedAt: persons.updatedAt,
      mergedAt: persons.mergedAt,
      mergedInto: { id: into.id, name: into.name, ref: into.ref },
    })
    .from(persons)
    .leftJoin(into, eq(into.id, persons.mergedIntoId))
    .where(eq(persons.id, id));
  if (!row) return null;
  return { ...snapshot, organizationId: row.organizationId, createdAt: row.createdAt, updatedAt: row.updatedAt, mergedAt: row.mergedAt, mergedInto: row.mergedInto };
}

export const personsPerPage = 50;

/**
 * A page of the persons of the given organizations (merged duplicates left out), with how many
 * incidents name each: those whose names meet the typed words, in any script, exact first
 * (server/services/search/actor-match.ts), or, with no words, all of them; then by name and id.
 * The person list and the incident form's picker both read it.
 */
export async function personsByName(db: DbOrTx, organizationIds: string[], text: string | null | undefined, page: ActorPage) {
  if (organizationIds.length === 0) return [];
  const fields = {
    id: persons.id,
    ref: persons.ref,
    name: persons.name,
    categories: persons.categories,
    confidential: persons.confidential,
    incidents: incidentCount('person_id', 'persons'),
  };
  // A merged duplicate is no longer offered: its references moved to the record that remains.
  const offered = and(inArray(persons.organizationId, organizationIds), isNull(persons.mergedIntoId));
  const hits = await actorNameHits(db, 'person', organizationIds, text, page);
  if (!hits) {
    return db.select(fields).from(persons).where(offered).orderBy(asc(persons.name), asc(persons.id)).limit(page.limit).offset(page.offset ?? 0);
  }
  // The page is chosen already: only its rows are read, and their incidents counted.
  return db.select(fields).from(hits).innerJoin(persons, eq(persons.id, hits.actorId)).where(offered).orderBy(desc(hits.exact), asc(hits.name), asc(hits.actorId));
}

/** The person list: a page of persons by name, or of those whose names meet the typed words. */
export async function listPersons(db: DbOrTx, organizationIds: string[], params: { text?: string | null; page?: number }) {
  const page = params.page ?? 0;
  // One more than a page tells whether another follows.
  const rows = await personsByName(db, organizationIds, params.text, { limit: personsPerPage + 1, offset: page * personsPerPage });
  return { persons: rows.slice(0, personsPerPage), hasMore: rows.length > personsPerPage };
}
