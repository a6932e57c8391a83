import 'server-only';
import { and, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { documentedOrganizations, personAffiliations, persons, sources, vocabularyTerms, type VocabularyKind } from '@/db/schema';
import {
  vocabularyLists,
  type ExchangeDocument,
  type ExchangeOrganization,
  type ExchangePerson,
  type ExchangeSource,
  type ExchangeTerm,
  type VocabularyList,
} from './document';
import { chunk } from './compare';
import { byCode, byRef } from './order';

/** Every term of the platform's vocabularies, by code within each list; `en` first among the labels. */
export async function exportVocabularies(db: DbOrTx): Promise<NonNullable<ExchangeDocument['vocabularies']>> {
  const rows = await db.select().from(vocabularyTerms);
  const lists = Object.fromEntries(Object.keys(vocabularyLists).map((list) => [list, [] as ExchangeTerm[]])) as Record<
    VocabularyList,
    ExchangeTerm[]
  >;
  const listOf = (kind: VocabularyKind) => (Object.keys(vocabularyLists) as VocabularyList[]).find((list) => vocabularyLists[list] === kind)!;
  for (const row of rows.sort(byCode)) {
    const { en, ...others } = row.labels;
    const labels = { en, ...Object.fromEntries(Object.keys(others).sort().map((tag) => [tag, others[tag] as string])) };
    lists[listOf(row.kind)].push(row.parentCode === null ? { code: row.code, labels } : { code: row.code, parent: row.parentCode, labels });
  }
  return lists;
}

/** Which rows of each list an organization's export holds (the whole export and the streamed one alike). */
export const organizationsOf = (organizationId: string): SQL => eq(documentedOrganizations.organizationId, organizationId);
/** Merged duplicates are left out: every reference to them moved to the record that remains. */
export const personsOf = (organizationId: string): SQL => and(eq(persons.organizationId, organizationId), isNull(persons.mergedIntoId))!;
export const sourcesOf = (organizationId: string): SQL => eq(sources.organizationId, organizationId);

export function organizationRecord(row: typeof documentedOrganizations.$inferSelect): ExchangeOrganization {
  return { ref: row.ref, name: row.name, acronym: row.acronym, kind: row.kind, country: row.country, aliases: row.aliases };
}

export async function exportOrganizations(db: DbOrTx, organizationId: string): Promise<ExchangeOrganization[]> {
  const rows = await db.select().from(documentedOrganizations).where(organizationsOf(organizationId));
  return rows.sort(byRef).map(organizationRecord);
}

export async function exportPersons(db: DbOrTx, organizationId: string): Promise<ExchangePerson[]> {
  const rows = await db.select().from(persons).where(personsOf(organizationId));
  return personRecords(db, rows.sort(byRef));
}

/** The records of these persons, with the refs of the organizations they are affiliated with. */
export async function personRecords(db: DbOrTx, rows: (typeof persons.$inferSelect)[]): Promise<ExchangePerson[]> {
  const affiliationRows = [];
  for (const ids of chunk(rows.map((row) => row.id), 1000)) {
    affiliationRows.push(
      ...(await db
        .select({ personId: personAffiliations.personId, ref: documentedOrganizations.ref })
        .from(personAffiliations)
        .innerJoin(documentedOrganizations, eq(documentedOrganizations.id, personAffiliations.documentedOrganizationId))
        .where(inArray(personAffiliations.personId, ids))),
    );
  }
  const affiliations = new Map<string, string[]>();
  for (const row of affiliationRows) affiliations.set(row.personId, [...(affiliations.get(row.personId) ?? []), row.ref]);

  return rows.map((row) => ({
    ref: row.ref,
    name: row.name,
    gender: row.gender,
    categories: row.categories,
    affiliations: (affiliations.get(row.id) ?? []).sort(),
    role_note: row.roleNote,
    confidential: row.confidential,
    aliases: row.aliases,
  }));
}

export function sourceRecord(row: typeof sources.$inferSelect): ExchangeSource {
  return {
    ref: row.ref,
    title: row.title,
    publisher: row.publisher,
    published_on: row.publishedOn,
    kind: row.kind,
    reference_code: row.referenceCode,
    url: row.url,
    reliability: row.reliability,
  };
}

export async function exportSources(db: DbOrTx, organizationId: string): Promise<ExchangeSource[]> {
  const rows = await db.select().from(sources).where(sourcesOf(organizationId));
  return rows.sort(byRef).map(sourceRecord);
}
