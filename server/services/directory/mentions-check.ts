import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { documentedOrganizations, persons } from '@/db/schema';
import { mentionsIn } from '@/common/mentions';
import { invalidField } from '../../errors';

/**
 * A correction of a source may write mentions (common/mentions.ts) into its texts. A source can be
 * cited by several incidents, so no one incident's victims bound them: they may name any person or
 * organization of the source's own organization, and nothing of another one (a token that pointed
 * there would neither render nor belong to what this organization publishes).
 */
export async function checkOwnMentions(tx: Tx, organizationId: string, texts: { field: string; text: string | null }[]): Promise<void> {
  const mentioned = texts.flatMap(({ field, text }) => mentionsIn(text).map((mention) => ({ field, ...mention })));
  if (mentioned.length === 0) return;
  const ids = (target: 'person' | 'organization') => [...new Set(mentioned.filter((m) => m.target === target).map((m) => m.id))];
  const [personRows, organizationRows] = await Promise.all([
    ids('person').length
      ? tx.select({ id: persons.id }).from(persons).where(and(eq(persons.organizationId, organizationId), inArray(persons.id, ids('person'))))
      : [],
    ids('organization').length
      ? tx
          .select({ id: documentedOrganizations.id })
          .from(documentedOrganizations)
          .where(and(eq(documentedOrganizations.organizationId, organizationId), inArray(documentedOrganizations.id, ids('organization'))))
      : [],
  ]);
  const known = new Set([...personRows.map((row) => `person:${row.id}`), ...organizationRows.map((row) => `organization:${row.id}`)]);
  const stranger = mentioned.find((mention) => !known.has(`${mention.target}:${mention.id}`));
  if (stranger) throw invalidField(['fields', stranger.field], 'mention.ownRecordsOnly');
}
