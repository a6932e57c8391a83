import { z } from 'zod';
import { incidentDateInput } from './incident';
import { userText } from './text';

/** What the incident form knows before saving, enough to ask whether the incident is already recorded. */
export const incidentDuplicateCheckInput = z.object({
  organizationId: z.uuid(),
  /** The incident being edited, which is not its own duplicate. */
  incidentId: z.uuid().nullish(),
  title: userText().trim().min(1).max(500),
  date: incidentDateInput,
  /** Victims chosen from the directory, and the names of victims typed in as new persons. */
  personIds: z.array(z.uuid()).max(50).default([]),
  personNames: z.array(userText().trim().min(1).max(500)).max(50).default([]),
});
export type IncidentDuplicateCheckInput = z.infer<typeof incidentDuplicateCheckInput>;
