import 'server-only';
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
