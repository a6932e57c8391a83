import 'server-only';
import { and, asc, ilike, inArray, isNull, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { documentedOrganizations, persons, sources } from '@/db/schema';

// Pickers in the incident form: people, organizations and sources already in the organization's records.

function pattern(text: string | null | undefined): string {
  return `%${(text ?? '').replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export async function searchPersons(db: DbOrTx, organizationIds: string[], text?: string | null, limit = 20) {
  if (!organizationIds.length) return [];
  return db
    .select({ id: persons.id, ref: persons.ref, name: persons.name, confidential: persons.confidential, categories: persons.categories })
    .from(persons)
    // A merged duplicate is no longer offered: its references moved to the record that remains.
    .where(and(inArray(persons.organizationId, organizationIds), isNull(persons.mergedIntoId), or(ilike(persons.name, pattern(text)), sql`array_to_string(${persons.aliases}, ' ') ILIKE ${pattern(text)}`)))
    .orderBy(asc(persons.name))
    .limit(limit);
}

export async function searchDocumentedOrganizations(db: DbOrTx, organizationIds: string[], text?: string | null, limit = 20) {
  if (!organizationIds.length) return [];
  const like = pattern(text);
  return db
    .select({ id: documentedOrganizations.id, ref: documentedOrganizations.ref, name: documentedOrganizations.name, acronym: documentedOrganizations.acronym })
    .from(documentedOrganizations)
    .where(
      and(
        inArray(documentedOrganizations.organizationId, organizationIds),
        or(ilike(documentedOrganizations.name, like), ilike(documentedOrganizations.acronym, like), sql`array_to_string(${documentedOrganizations.aliases}, ' ') ILIKE ${like}`),
      ),
    )
    .orderBy(asc(documentedOrganizations.name))
    .limit(limit);
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
        or(ilike(sources.title, like), ilike(sources.publisher, like), ilike(sources.referenceCode, like)),
      ),
    )
    .orderBy(asc(sources.title))
    .limit(limit);
}

