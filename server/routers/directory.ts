import { z } from 'zod';
import { listableOrganizationIds } from '../policy/viewer';
import { searchDocumentedOrganizations, searchPersons, searchSources } from '../services/directory/search';
import { createTRPCRouter, signedInProcedure } from '../trpc';
import { userText } from '../validation/text';

const searchInput = z.object({
  organizationId: z.uuid(),
  text: userText().trim().max(200, 'At most 200 characters').nullish(),
});

/** Look-ups for the incident form's pickers; only the records of the viewer's own organization. */
export const directoryRouter = createTRPCRouter({
  persons: signedInProcedure
    .input(searchInput)
    .query(({ ctx, input }) => searchPersons(ctx.db, listableOrganizationIds(ctx.viewer, input.organizationId), input.text)),
  organizations: signedInProcedure
    .input(searchInput)
    .query(({ ctx, input }) =>
      searchDocumentedOrganizations(ctx.db, listableOrganizationIds(ctx.viewer, input.organizationId), input.text),
    ),
  sources: signedInProcedure
    .input(searchInput)
    .query(({ ctx, input }) => searchSources(ctx.db, listableOrganizationIds(ctx.viewer, input.organizationId), input.text)),
});
