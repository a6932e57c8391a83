import { z } from 'zod';
import { newDocumentedOrganizationInput, newPersonInput, newSourceInput } from './incident';
import { versionNumber } from './numbers';
import { userText } from './text';

/**
 * Inputs for correcting a person, a documented organization or a source after it was saved: the
 * same fields and rules as when an incident form creates one, plus other spellings of a name.
 * Each edit names the version it was made on (optimistic concurrency).
 */

/** Other spellings of a name (another script, a maiden name, a transliteration): blank lines dropped, duplicates once. */
export const aliasesInput = z
  .array(userText().trim().max(500))
  .max(30)
  .default([])
  .transform((aliases) => [...new Set(aliases.filter((alias) => alias.length > 0))]);

export const personEditFields = newPersonInput.extend({ aliases: aliasesInput });
export const documentedOrganizationEditFields = newDocumentedOrganizationInput.extend({ aliases: aliasesInput });
export const sourceEditFields = newSourceInput;

const edit = <T extends z.ZodType>(fields: T) => z.object({ id: z.uuid(), version: versionNumber, fields });

export const personEditInput = edit(personEditFields);
export const documentedOrganizationEditInput = edit(documentedOrganizationEditFields);
export const sourceEditInput = edit(sourceEditFields);

export type PersonEditFields = z.output<typeof personEditFields>;
export type DocumentedOrganizationEditFields = z.output<typeof documentedOrganizationEditFields>;
export type SourceEditFields = z.output<typeof sourceEditFields>;

/** The incident form's pickers: records of one organization, by name. */
export const directorySearchInput = z.object({
  organizationId: z.uuid(),
  text: userText().trim().max(200).nullish(),
});
