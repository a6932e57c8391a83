import { z } from 'zod';
import { incidentListInput } from './incident';
import { userText } from './text';

/** The filters a saved search keeps: the list's, without the page position and size. */
export const savedSearchFilters = incidentListInput.omit({ cursor: true, limit: true });
export type SavedSearchFilters = z.infer<typeof savedSearchFilters>;

export const saveSearchInput = z.object({
  organizationId: z.uuid(),
  name: userText().trim().min(1, 'savedSearch.nameRequired').max(200),
  filters: savedSearchFilters,
  shared: z.boolean().default(false),
  notify: z.boolean().default(false),
});
export type SaveSearchInput = z.infer<typeof saveSearchInput>;

export const savedSearchIdInput = z.object({ id: z.uuid() });
