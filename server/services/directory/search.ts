import 'server-only';
import { and, asc, desc, eq, ilike, inArray, or } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { documentedOrganizations, persons, sources } from '@/db/schema';
import { mentionToken } from '@/common/mentions';
import { actorNameHits } from '../search/actor-match';
import { personsByName } from '../persons/read';
import { incidentCount } from './incident-count';

// Pickers in the incident form: people, organizations and sources already in the organization's records.

function pattern(text: string | null | undefined): string {
  return `%${(text ?? '').replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Suggestions as a person's name is typed, in any script or spelling, with how many incidents name each (entity resolution before a new record is made). */
export function searchPersons(db: DbOrTx, organizationIds: string[], text?: string | null, limit = 20) {
  return personsByName(db, organizationIds, text, { limit });
}

export async function searchDocumentedOrganizations(db: DbOrTx, organizationIds: string[], text?: string | null, limit = 20) {
  if (!organizationIds.length) return [];
  const o = documentedOrganizations;
  const fields = { id: o.id, ref: o.ref, name: o.name, acronym: o.acronym, incidents: incidentCount('documented_organization_id', 'documented_organizations') };
  const hits = await actorNameHits(db, 'organization', organizationIds, text, { limit });
  if (!hits) return db.select(fields).from(o).where(inArray(o.organizationId, organizationIds)).orderBy(asc(o.name), asc(o.id)).limit(limit);
  // The page is chosen already: only its rows are read, and their incidents counted.
  return db.select(fields).from(hits).innerJoin(o, eq(o.id, hits.actorId)).where(inArray(o.organizationId, organizationIds)).orderBy(desc(hits.exact), asc(hits.name), asc(hits.actorId));
}

/**
 * The mention tokens (common/mentions.ts) of the persons and organizations of these organizations
 * whose name holds the typed words, at most 50: a source's stored title holds a mention's id, not
 * the name a monitor types. Looked up once, so the source search stays one pass over the sources.
 */
async function mentionTokensNamed(db: DbOrTx, organizationIds: string[], like: string): Promise<string[]> {
  const [people, organizations] = await Promise.all([
    db.select({ id: persons.id }).from(persons).where(and(inArray(persons.organizationId, organizationIds), ilike(persons.name, like))).limit(50),
    db.select({ id: documentedOrganizations.id }).from(documentedOrganizations).where(and(inArray(documentedOrganizations.organizationId, organizationIds), ilike(documentedOrganizations.name, like))).limit(50),
  ]);
  return [...people.map(({ id }) => mentionToken({ target: 'person', id })), ...organizations.map(({ id }) => mentionToken({ target: 'organization', id }))];
}

export async function searchSources(db: DbOrTx, organizationIds: string[], text?: string | null, limit = 20) {
  if (!organizationIds.length) return [];
  const like = pattern(text);
  const tokens = text?.trim() ? await mentionTokensNamed(db, organizationIds, like) : [];
  const mentioning = tokens.flatMap((token) => [ilike(sources.title, pattern(token)), ilike(sources.publisher, pattern(token))]);
  return db
    .select({ id: sources.id, ref: sources.ref, title: sources.title, publisher: sources.publisher, referenceCode: sources.referenceCode })
    .from(sources)
    .where(
      and(
        inArray(sources.organizationId, organizationIds),
        or(ilike(sources.title, like), ilike(sources.publisher, like), ilike(sources.referenceCode, like), ...mentioning),
      ),
    )
    .orderBy(asc(sources.title))
    .limit(limit);
}

