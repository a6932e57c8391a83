import 'server-only';
import { mentionsIn } from '@/common/mentions';
import { type IncidentInput } from '@/common/inputs/incident';
import { invalidField } from '../../errors';
import type { ResolvedLinks } from './references';

/**
 * A mention (common/mentions.ts) names a person or organization of the incident: one of its victims.
 * Any other id is refused beside the field, so that a text can never point at a record of another
 * organization or at someone the incident does not concern. The texts checked are the incident's own
 * and those of the new sources written with it (a cited source was checked when it was written).
 */
export function checkIncidentMentions(input: IncidentInput, links: ResolvedLinks): void {
  const persons = new Set(links.victims.flatMap((v) => (v.personId ? [v.personId] : [])));
  const organizations = new Set(links.victims.flatMap((v) => (v.documentedOrganizationId ? [v.documentedOrganizationId] : [])));
  const check = (text: string | null | undefined, path: (string | number)[]) => {
    for (const mention of mentionsIn(text ?? null)) {
      const known = mention.target === 'person' ? persons.has(mention.id) : organizations.has(mention.id);
      if (!known) throw invalidField(['incident', ...path], 'mention.incidentVictimsOnly');
    }
  };
  for (const field of ['title', 'summary'] as const) check(input[field], [field]);
  input.sources.forEach((citation, index) => {
    if (citation.kind !== 'newSource') return;
    for (const field of ['title', 'publisher'] as const) check(citation.source[field], ['sources', index, 'source', field]);
  });
}
