import 'server-only';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { casePersons } from '@/db/schema';
import { mentionsIn } from '@/common/mentions';
import { invalidField } from '../../errors';

/**
 * A mention (common/mentions.ts) in a case's title or summary names one of the persons the case
 * concerns. Any other id is refused beside the field, so that a text never points at a record of
 * another organization or at someone the case does not concern.
 */
export function checkCaseMentions(input: { title: string; summary: string | null; persons: { personId: string }[] }): void {
  const persons = new Set(input.persons.map((p) => p.personId.toLowerCase()));
  for (const field of ['title', 'summary'] as const) {
    for (const mention of mentionsIn(input[field])) {
      if (mention.target !== 'person' || !persons.has(mention.id)) throw invalidField([field], 'mention.casePersonsOnly');
    }
  }
}

/**
 * The same rule for a legal event's or an intervention's texts, read against the persons the case
 * concerns as saved: a mention names one of them, or the field is refused.
 */
export async function checkCasePartMentions(tx: DbOrTx, caseId: string, fields: Record<string, string | null | undefined>): Promise<void> {
  const mentioned = Object.entries(fields).flatMap(([field, text]) => mentionsIn(text ?? null).map((mention) => ({ field, mention })));
  if (mentioned.length === 0) return;
  const rows = await tx.select({ personId: casePersons.personId }).from(casePersons).where(eq(casePersons.caseId, caseId));
  const persons = new Set(rows.map((row) => row.personId));
  for (const { field, mention } of mentioned) {
    if (mention.target !== 'person' || !persons.has(mention.id)) throw invalidField([field], 'mention.notCasePerson');
  }
}
