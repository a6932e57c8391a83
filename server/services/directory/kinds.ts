import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { documentedOrganizations, persons, sources, vocabularyTerms } from '@/db/schema';
import { type DocumentedOrganizationEditFields, type PersonEditFields, type SourceEditFields } from '@/common/inputs/directory';
import { invalidField } from '../../errors';
import { refreshPublicCase } from '../publishing/public-case';
import { refreshPublicIncident, refreshPublicIncidentsOf } from '../publishing/public-record';
import type { DirectoryAdapter } from './edit';
import { checkOwnMentions } from './mentions-check';
import { publicRecordsCiting } from './usage';

/** The three adapters of server/services/directory/edit.ts: which columns each kind edits, and what an edit re-projects. */

type PersonRow = typeof persons.$inferSelect;
type OrganizationRow = typeof documentedOrganizations.$inferSelect;
type SourceRow = typeof sources.$inferSelect;

export type PersonFields = Pick<PersonRow, 'name' | 'aliases' | 'gender' | 'categories' | 'roleNote' | 'confidential'>;
export type OrganizationFields = Pick<OrganizationRow, 'name' | 'aliases' | 'acronym' | 'kind' | 'country'>;
export type SourceFields = Pick<SourceRow, 'title' | 'publisher' | 'publishedOn' | 'kind' | 'referenceCode' | 'url' | 'reliability'>;

export const personFields = (row: PersonEditFields | PersonRow): PersonFields => ({
  name: row.name,
  aliases: row.aliases,
  gender: row.gender ?? null,
  categories: row.categories,
  roleNote: row.roleNote ?? null,
  confidential: row.confidential,
});
export const organizationFields = (row: DocumentedOrganizationEditFields | OrganizationRow): OrganizationFields => ({
  name: row.name,
  aliases: row.aliases,
  acronym: row.acronym ?? null,
  kind: row.kind ?? null,
  country: row.country ?? null,
});
export const sourceFields = (row: SourceEditFields | SourceRow): SourceFields => ({
  title: row.title,
  publisher: row.publisher ?? null,
  publishedOn: row.publishedOn ?? null,
  kind: row.kind ?? null,
  referenceCode: row.referenceCode ?? null,
  url: row.url ?? null,
  reliability: row.reliability ?? null,
});

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Refreshes the public incidents and cases whose published version cites the record. */
async function reprojectCiting(tx: Tx, kind: 'person' | 'documented_organization' | 'source', id: string, organizationId: string): Promise<number> {
  const citing = await publicRecordsCiting(tx, kind, id, organizationId);
  // Refreshing an incident refreshes the public cases that show it, too.
  for (const incidentId of citing.incidentIds) await refreshPublicIncident(tx, incidentId);
  for (const caseId of citing.caseIds) await refreshPublicCase(tx, caseId);
  return citing.incidentIds.length + citing.caseIds.length;
}

/**
 * Whether an edit of a person changes what protection hides: the mark itself, or the name or other
 * spellings of someone protected (before or after). The redaction of every public text of the
 * organization reads its confidential persons' names (server/services/publishing/public-record.ts),
 * so all of them are re-projected, in the same transaction, and the name disappears everywhere at once.
 */
export function changesProtection(before: PersonFields, after: PersonFields): boolean {
  if (before.confidential !== after.confidential) return true;
  if (!before.confidential && !after.confidential) return false;
  return before.name !== after.name || !same(before.aliases, after.aliases);
}

/**
 * A protected person's former name stays protected: texts written before the correction still spell
 * it that way (a misspelling, a maiden name), so it is kept as another spelling, which the redaction
 * reads. A reviewer can remove it afterwards with a second edit if it was someone else's name.
 */
export function keepFormerNameProtected(before: PersonFields, after: PersonFields): PersonFields {
  const renamed = before.name.trim().toLocaleLowerCase() !== after.name.trim().toLocaleLowerCase();
  if (!after.confidential || !renamed) return after;
  const known = new Set([after.name, ...after.aliases].map((spelling) => spelling.trim().toLocaleLowerCase()));
  return known.has(before.name.trim().toLocaleLowerCase()) ? after : { ...after, aliases: [...after.aliases, before.name] };
}

/**
 * Whether an edit lifts protection from some spelling of a protected person: the mark taken off, or
 * a name or alias that the redaction hid no longer among the person's spellings (after the former
 * name is kept, above). Public texts would then show it. Changing only the case of a spelling does not count.
 */
export function liftsProtection(before: PersonFields, after: PersonFields): boolean {
  if (!before.confidential) return false;
  if (!after.confidential) return true;
  const completed = keepFormerNameProtected(before, after);
  const spelled = (fields: PersonFields) => [fields.name, ...fields.aliases].map((spelling) => spelling.trim().toLocaleLowerCase());
  const kept = new Set(spelled(completed));
  return spelled(before).some((spelling) => !kept.has(spelling));
}

export const personAdapter: DirectoryAdapter<PersonFields> = {
  kind: 'person',
  what: 'person',
  complete: keepFormerNameProtected,
  async lock(tx, id) {
    const [row] = await tx.select().from(persons).where(eq(persons.id, id)).for('update');
    return row ? { organizationId: row.organizationId, createdBy: row.createdBy, version: row.version, mergedIntoId: row.mergedIntoId, fields: personFields(row) } : null;
  },
  async check(tx, fields) {
    if (!fields.categories.length) return;
    const known = await tx
      .select({ code: vocabularyTerms.code })
      .from(vocabularyTerms)
      .where(and(eq(vocabularyTerms.kind, 'defender_category'), inArray(vocabularyTerms.code, fields.categories)));
    const codes = new Set(known.map((row) => row.code));
    fields.categories.forEach((code, index) => {
      if (!codes.has(code)) throw invalidField(['fields', 'categories', index], 'vocabulary.unknownCategory', { code });
    });
  },
  async write(tx, id, fields) {
    await tx.update(persons).set({ ...fields, version: sql`${persons.version} + 1`, updatedAt: sql`now()` }).where(eq(persons.id, id));
  },
  async reproject(tx, change) {
    if (changesProtection(change.before, change.after)) return refreshPublicIncidentsOf(tx, change.organizationId);
    if (same(change.before, change.after)) return 0;
    return reprojectCiting(tx, 'person', change.id, change.organizationId);
  },
};

export const organizationAdapter: DirectoryAdapter<OrganizationFields> = {
  kind: 'documented_organization',
  what: 'organization',
  async lock(tx, id) {
    const [row] = await tx.select().from(documentedOrganizations).where(eq(documentedOrganizations.id, id)).for('update');
    return row ? { organizationId: row.organizationId, createdBy: row.createdBy, version: row.version, fields: organizationFields(row) } : null;
  },
  async write(tx, id, fields) {
    await tx
      .update(documentedOrganizations)
      .set({ ...fields, version: sql`${documentedOrganizations.version} + 1`, updatedAt: sql`now()` })
      .where(eq(documentedOrganizations.id, id));
  },
  reproject: (tx, change) => reprojectCiting(tx, 'documented_organization', change.id, change.organizationId),
};

export const sourceAdapter: DirectoryAdapter<SourceFields> = {
  kind: 'source',
  what: 'source',
  async lock(tx, id) {
    const [row] = await tx.select().from(sources).where(eq(sources.id, id)).for('update');
    return row ? { organizationId: row.organizationId, createdBy: row.createdBy, version: row.version, fields: sourceFields(row) } : null;
  },
  // The texts that go public rendered (public-fields.ts) may mention the organization's own people.
  check: (tx, fields, { organizationId }) =>
    checkOwnMentions(tx, organizationId, [
      { field: 'title', text: fields.title },
      { field: 'publisher', text: fields.publisher },
    ]),
  async write(tx, id, fields) {
    await tx.update(sources).set({ ...fields, version: sql`${sources.version} + 1`, updatedAt: sql`now()` }).where(eq(sources.id, id));
  },
  // The public cites a source as it is now (title, publisher, address), so every citing public record is rewritten.
  reproject: (tx, change) => reprojectCiting(tx, 'source', change.id, change.organizationId),
};
