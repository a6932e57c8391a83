import { z } from 'zod';
import { versionNumber } from './numbers';
import { userText } from './text';

export const personListInput = z
  .object({
    organizationId: z.uuid().nullish(),
    text: userText().trim().max(200).nullish(),
    page: z.number().int().min(0).max(10_000).default(0),
  })
  .default({ page: 0 });

export const personMergeInput = z.object({
  /** The record that remains. */
  id: z.uuid(),
  version: versionNumber,
  /** The duplicate that is merged into it. */
  duplicateId: z.uuid(),
  duplicateVersion: versionNumber,
});
