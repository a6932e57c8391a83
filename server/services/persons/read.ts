import 'server-only';
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '@/db/client';
import { personMerges, persons, users } from '@/db/schema';
import { actorNameMatch } from '../search/actor-match';
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

/** The persons of the given organizations by name (merged duplicates left out), with how many incidents name each. */
export async function listPersons(db: DbOrTx, organizationIds: string[], params: { text?: string | null; page?: number }) {
  if (organizationIds.length === 0) return { persons: [], hasMore: false };
  const page = params.page ?? 0;
  // Other spellings are searched too, in any script: a monitor types the name as they know it.
  const match = await actorNameMatch(db, 'person', persons.id, params.text);
  const rows = await db
    .select({
      id: persons.id,
      ref: persons.ref,
      name: persons.name,
      categories: persons.categories,
      confidential: persons.confidential,
      incidents: sql<number>`(SELECT count(DISTINCT v.incident_id)::int FROM incident_victims v JOIN incidents i ON i.id = v.incident_id
                               WHERE v.person_id = persons.id AND i.deleted_at IS NULL)`,
    })
    .from(persons)
    .where(
      and(
        inArray(persons.organizationId, organizationIds),
        isNull(persons.mergedIntoId),
        match?.where,
      ),
    )
    .orderBy(...(match ? [desc(match.exact)] : []), asc(persons.name), asc(persons.id))
    .limit(personsPerPage + 1)
    .offset(page * personsPerPage);
  return { persons: rows.slice(0, personsPerPage), hasMore: rows.length > personsPerPage };
}
