import 'server-only';
import { randomBytes } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { documentedOrganizations, legalProvisions, persons, sources, type VocabularyKind, vocabularyTerms } from '@/db/schema';
import { type IncidentInput } from '@/common/inputs/incident';
import { invalidField } from '../../errors';

/** A fresh exchange-format ref ("inc:3f9a1c0b7d2e") for a record made in the workspace. */
export function newRef(prefix: 'inc' | 'person' | 'org' | 'src' | 'case'): string {
  return `${prefix}:${randomBytes(6).toString('hex')}`;
}

/** An incident's links with every reference resolved to a row id of the owning organization. */
export type ResolvedLinks = {
  victims: {
    personId: string | null;
    documentedOrganizationId: string | null;
    groupName: string | null;
    count: number | null;
    killed: number | null;
    injured: number | null;
    categories: string[];
  }[];
  perpetrators: { typeCode: string; name: string | null }[];
  legalProvisionIds: string[];
  sourceIds: string[];
};

/** The records a save of the incident form created in the organization (new victims and sources), for the audit log. */
export type CreatedFromForm = { persons: string[]; documentedOrganizations: string[]; sources: string[] };

async function knownCodes(tx: Tx, kind: VocabularyKind, codes: string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await tx
    .select({ code: vocabularyTerms.code })
    .from(vocabularyTerms)
    .where(and(eq(vocabularyTerms.kind, kind), inArray(vocabularyTerms.code, codes)));
  return new Set(rows.map((row) => row.code));
}

/** Refuses vocabulary codes the platform does not know, naming the field. */
export async function checkVocabulary(tx: Tx, input: IncidentInput): Promise<void> {
  const violationTypes = await knownCodes(tx, 'violation_type', input.violationTypes);
  input.violationTypes.forEach((code, index) => {
    if (!violationTypes.has(code)) throw invalidField(['incident', 'violationTypes', index], 'vocabulary.unknownViolationType', { code });
  });
  const perpetratorTypes = await knownCodes(tx, 'perpetrator_type', input.perpetrators.map((p) => p.typeCode));
  input.perpetrators.forEach((perpetrator, index) => {
    if (!perpetratorTypes.has(perpetrator.typeCode)) {
      throw invalidField(['incident', 'perpetrators', index, 'typeCode'], 'vocabulary.unknownPerpetratorType', { code: perpetrator.typeCode });
    }
  });
  const categoryPaths: { code: string; path: (string | number)[] }[] = [];
  input.victims.forEach((victim, index) => {
    if (victim.kind === 'group') victim.categories.forEach((code, i) => categoryPaths.push({ code, path: ['victims', index, 'categories', i] }));
    if (victim.kind === 'newPerson') {
      victim.person.categories.forEach((code, i) => categoryPaths.push({ code, path: ['victims', index, 'person', 'categories', i] }));
    }
  });
  const categories = await knownCodes(tx, 'defender_category', categoryPaths.map((c) => c.code));
  for (const { code, path } of categoryPaths) {
    if (!categories.has(code)) throw invalidField(['incident', ...path], 'vocabulary.unknownCategory', { code });
  }
}

/** Finds or creates a provision of law; provisions are shared by every organization. */
export async function findOrCreateLegalProvision(
  tx: Tx,
  provision: { code: string | null; article: string; title: string | null },
): Promise<string> {
  const code = provision.code ?? '';
  const [row] = await tx
    .insert(legalProvisions)
    .values({ code, article: provision.article, title: provision.title })
    .onConflictDoUpdate({
      target: [legalProvisions.code, legalProvisions.article],
      // Keep a known title; fill one in where none was known.
      set: { title: sql`coalesce(${legalProvisions.title}, excluded.title)` },
    })
    .returning({ id: legalProvisions.id });
  if (!row) throw new Error('Upsert of a legal provision returned nothing');
  return row.id;
}

/**
 * Turns the form's victims, provisions and sources into row ids: existing ones must belong to the
 * organization (anything else reads as "not found"), new ones are created in it.
 */
export async function resolveLinks(
  tx: Tx,
  organizationId: string,
  input: IncidentInput,
): Promise<ResolvedLinks & { created: CreatedFromForm }> {
  const created: CreatedFromForm = { persons: [], documentedOrganizations: [], sources: [] };
  const victims: ResolvedLinks['victims'] = [];
  for (const [index, victim] of input.victims.entries()) {
    const base = { personId: null, documentedOrganizationId: null, groupName: null, count: null, killed: null, injured: null, categories: [] };
    switch (victim.kind) {
      case 'person': {
        // FOR SHARE: a merge of this person waits for this save, or this save sees the merge. A form
        // opened before a merge still names the duplicate; the link goes to the record that remains.
        const [found] = await tx
          .select({ id: persons.id, mergedIntoId: persons.mergedIntoId })
          .from(persons)
          .where(and(eq(persons.id, victim.personId), eq(persons.organizationId, organizationId)))
          .for('share');
        if (!found) throw invalidField(['incident', 'victims', index, 'personId'], 'reference.noPerson');
        victims.push({ ...base, personId: found.mergedIntoId ?? found.id });
        break;
      }
      case 'newPerson': {
        const [person] = await tx
          .insert(persons)
          .values({
            organizationId,
            ref: newRef('person'),
            name: victim.person.name,
            gender: victim.person.gender ?? null,
            categories: victim.person.categories,
            roleNote: victim.person.roleNote,
            confidential: victim.person.confidential,
          })
          .returning({ id: persons.id });
        created.persons.push(person!.id);
        victims.push({ ...base, personId: person!.id });
        break;
      }
      case 'organization': {
        const [found] = await tx
          .select({ id: documentedOrganizations.id })
          .from(documentedOrganizations)
          .where(
            and(
              eq(documentedOrganizations.id, victim.documentedOrganizationId),
              eq(documentedOrganizations.organizationId, organizationId),
            ),
          );
        if (!found) throw invalidField(['incident', 'victims', index, 'documentedOrganizationId'], 'reference.noOrganization');
        victims.push({ ...base, documentedOrganizationId: found.id });
        break;
      }
      case 'newOrganization': {
        const [organization] = await tx
          .insert(documentedOrganizations)
          .values({
            organizationId,
            ref: newRef('org'),
            name: victim.organization.name,
            acronym: victim.organization.acronym,
            kind: victim.organization.kind,
            country: victim.organization.country ?? null,
          })
          .returning({ id: documentedOrganizations.id });
        created.documentedOrganizations.push(organization!.id);
        victims.push({ ...base, documentedOrganizationId: organization!.id });
        break;
      }
      case 'group':
        victims.push({
          ...base,
          groupName: victim.groupName,
          count: victim.count ?? null,
          killed: victim.killed ?? null,
          injured: victim.injured ?? null,
          categories: victim.categories,
        });
        break;
    }
  }

  const legalProvisionIds: string[] = [];
  for (const provision of input.legalProvisions) legalProvisionIds.push(await findOrCreateLegalProvision(tx, provision));

  const sourceIds: string[] = [];
  for (const [index, citation] of input.sources.entries()) {
    if (citation.kind === 'source') {
      const [found] = await tx
        .select({ id: sources.id })
        .from(sources)
        .where(and(eq(sources.id, citation.sourceId), eq(sources.organizationId, organizationId)));
      if (!found) throw invalidField(['incident', 'sources', index, 'sourceId'], 'reference.noSource');
      sourceIds.push(found.id);
    } else {
      const [source] = await tx
        .insert(sources)
        .values({ organizationId, ref: newRef('src'), ...citation.source, reliability: citation.source.reliability ?? null })
        .returning({ id: sources.id });
      created.sources.push(source!.id);
      sourceIds.push(source!.id);
    }
  }

  return {
    victims,
    perpetrators: input.perpetrators.map((p) => ({ typeCode: p.typeCode, name: p.name })),
    legalProvisionIds,
    sourceIds,
    created,
  };
}
