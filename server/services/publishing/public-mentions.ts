import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { documentedOrganizations, persons } from '@/db/schema';
import { mentionsIn, renderMentions, type Mention } from '@/common/mentions';
import { protectedNow } from './protected-persons';

/** The persons and organizations a record's texts mention, as they are now (projection-input.ts loads them). */
export type MentionedRecords = {
  /** `confidential`: protected now (protected-persons.ts); `mergedIntoId`: the record a merged one names. */
  persons: Map<string, { name: string; confidential: boolean; mergedIntoId: string | null }>;
  organizations: Map<string, string>;
};

export const noMentions: MentionedRecords = { persons: new Map(), organizations: new Map() };

/**
 * Reads the records that the texts mention (common/mentions.ts). Only persons and organizations of
 * the owning organization resolve: a token naming another NGO's record stays unresolved, so it can
 * never pull in their data.
 */
export async function loadMentioned(db: DbOrTx, organizationId: string, texts: (string | null)[]): Promise<MentionedRecords> {
  const mentioned = texts.flatMap((text) => mentionsIn(text));
  if (mentioned.length === 0) return noMentions;
  const personIds = [...new Set(mentioned.filter((m) => m.target === 'person').map((m) => m.id))];
  const organizationIds = [...new Set(mentioned.filter((m) => m.target === 'organization').map((m) => m.id))];
  const [personRows, organizationRows] = await Promise.all([
    personIds.length
      ? db
          .select({ id: persons.id, name: persons.name, confidential: protectedNow, mergedIntoId: persons.mergedIntoId })
          .from(persons)
          .where(and(eq(persons.organizationId, organizationId), inArray(persons.id, personIds)))
      : [],
    organizationIds.length
      ? db
          .select({ id: documentedOrganizations.id, name: documentedOrganizations.name })
          .from(documentedOrganizations)
          .where(and(eq(documentedOrganizations.organizationId, organizationId), inArray(documentedOrganizations.id, organizationIds)))
      : [],
  ]);
  return {
    persons: new Map(personRows.map(({ id, ...row }) => [id, row])),
    organizations: new Map(organizationRows.map((row) => [row.id, row.name])),
  };
}

/**
 * How text leaving the workspace renders mentions: a protected person by their public label (the one
 * the record gives them, or the neutral one), anyone else by their current name; anything unknown as
 * a neutral word. Confidentiality is read as it is now, like everywhere in the projection.
 */
export function publicMentionRenderer(mentioned: MentionedRecords, labelOf: (personId: string) => string | undefined): (text: string) => string {
  const resolve = (mention: Mention): string => {
    if (mention.target === 'organization') return mentioned.organizations.get(mention.id) ?? 'an organization';
    const person = mentioned.persons.get(mention.id);
    // A mention of a merged record (written before the merge) is the person it was merged into: their label.
    if (!person || person.confidential) return labelOf(mention.id) ?? (person?.mergedIntoId ? labelOf(person.mergedIntoId) : undefined) ?? 'Protected person';
    return person.name;
  };
  return (text) => renderMentions(text, resolve);
}
