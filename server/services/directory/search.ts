import 'server-only';
import { and, asc, desc, ilike, inArray, isNull, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { documentedOrganizations, persons, sources } from '@/db/schema';
import { actorNameMatch } from '../search/actor-match';

// Pickers in the incident form: people, organizations and sources already in the organization's records.

function pattern(text: string | null | undefined): string {
  return `%${(text ?? '').replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** How many incidents (not deleted) name the person or organization as a victim. */
const incidentCount = (column: 'person_id' | 'documented_organization_id', table: 'persons' | 'documented_organizations') =>
  sql<number>`(SELECT count(DISTINCT v.incident_id)::int FROM incident_victims v JOIN incidents i ON i.id = v.incident_id
                WHERE v.${sql.raw(column)} = ${sql.raw(table)}.id AND i.deleted_at IS NULL)`;

/** Suggestions as a person's name is typed, in any script or spelling, with how many incidents name each (entity resolution before a new record is made). */
export async function searchPersons(db: DbOrTx, organizationIds: string[], text?: string | null, limit = 20) {
  if (!organizationIds.length) return [];
  const match = await actorNameMatch(db, 'person', persons.id, text);
  return db
    .select({
      id: persons.id,
      ref: persons.ref,
      name: persons.name,
      confidential: persons.confidential,
      categories: persons.categories,
      incidents: incidentCount('person_id', 'persons'),
    })
    .from(persons)
    // A merged duplicate is no longer offered: its references moved to the record that remains.
    .where(and(inArray(persons.organizationId, organizationIds), isNull(persons.mergedIntoId), match?.where))
    .orderBy(...(match ? [desc(match.exact)] : []), asc(persons.name), asc(persons.id))
    .limit(limit);
}

export async function searchDocumentedOrganizations(db: DbOrTx, organizationIds: string[], text?: string | null, limit = 20) {
  if (!organizationIds.length) return [];
  const o = documentedOrganizations;
  const match = await actorNameMatch(db, 'organization', o.id, text);
  return db
    .select({ id: o.id, ref: o.ref, name: o.name, acronym: o.acronym, incidents: incidentCount('documented_organization_id', 'documented_organizations') })
    .from(o)
    .where(and(inArray(o.organizationId, organizationIds), match?.where))
    .orderBy(...(match ? [desc(match.exact)] : []), asc(o.name), asc(o.id))
    .limit(limit);
}

/**
 * A source whose title or publisher mentions a person or organization of its organization by this
 * name: the stored text holds the mention's id (common/mentions.ts), not the name a monitor types.
 */
function mentionsNamed(like: string) {
  const mentioning = (target: 'person' | 'organization', id: ReturnType<typeof sql>) =>
    sql`(${sources.title} LIKE '%@[' || ${target} || ':' || ${id} || ']%' OR coalesce(${sources.publisher}, '') LIKE '%@[' || ${target} || ':' || ${id} || ']%')`;
  return sql`(EXISTS (SELECT 1 FROM persons p WHERE p.organization_id = ${sources.organizationId} AND p.name ILIKE ${like} AND ${mentioning('person', sql`p.id::text`)})
    OR EXISTS (SELECT 1 FROM documented_organizations o WHERE o.organization_id = ${sources.organizationId} AND o.name ILIKE ${like} AND ${mentioning('organization', sql`o.id::text`)}))`;
}

export async function searchSources(db: DbOrTx, organizationIds: string[], text?: string | null, limit = 20) {
  if (!organizationIds.length) return [];
  const like = pattern(text);
  return db
    .select({ id: sources.id, ref: sources.ref, title: sources.title, publisher: sources.publisher, referenceCode: sources.referenceCode })
    .from(sources)
    .where(
      and(
        inArray(sources.organizationId, organizationIds),
        or(ilike(sources.title, like), ilike(sources.publisher, like), ilike(sources.referenceCode, like), text?.trim() ? mentionsNamed(like) : undefined),
      ),
    )
    .orderBy(asc(sources.title))
    .limit(limit);
}

