import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { documentedOrganizations, persons } from '@/db/schema';
import { mentionsIn, renderMentions, type Mention } from '@/common/mentions';

/**
 * How the public side renders mentions (common/mentions.ts): a protected person by their public
 * label (the one the record already gives them, or the neutral one), anyone else by their current
 * name. Only persons and organizations of the publishing organization resolve; any other id, and
 * anything unknown, renders as a neutral label, so a token can never pull in another NGO's record.
 * Confidentiality is read as it is now, like everywhere in the projection.
 */
export async function publicMentionRenderer(
  tx: Tx,
  organizationId: string,
  texts: (string | null)[],
  labelOf: (personId: string) => string | undefined,
): Promise<(text: string | null) => string | null> {
  const mentioned = texts.flatMap((text) => mentionsIn(text));
  if (mentioned.length === 0) return (text) => text;
  const personIds = [...new Set(mentioned.filter((m) => m.target === 'person').map((m) => m.id))];
  const organizationIds = [...new Set(mentioned.filter((m) => m.target === 'organization').map((m) => m.id))];
  const [personRows, organizationRows] = await Promise.all([
    personIds.length
      ? tx
          .select({ id: persons.id, name: persons.name, confidential: persons.confidential })
          .from(persons)
          .where(and(eq(persons.organizationId, organizationId), inArray(persons.id, personIds)))
      : [],
    organizationIds.length
      ? tx
          .select({ id: documentedOrganizations.id, name: documentedOrganizations.name })
          .from(documentedOrganizations)
          .where(and(eq(documentedOrganizations.organizationId, organizationId), inArray(documentedOrganizations.id, organizationIds)))
      : [],
  ]);
  const personById = new Map(personRows.map((row) => [row.id, row]));
  const organizationById = new Map(organizationRows.map((row) => [row.id, row.name]));
  const resolve = (mention: Mention): string => {
    if (mention.target === 'organization') return organizationById.get(mention.id) ?? 'an organization';
    const person = personById.get(mention.id);
    if (!person || person.confidential) return labelOf(mention.id) ?? 'Protected person';
    return person.name;
  };
  return (text) => renderMentions(text, resolve);
}
