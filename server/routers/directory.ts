import 'server-only';
import { listableOrganizationIds } from '../policy/viewer';
import { searchDocumentedOrganizations, searchPersons, searchSources } from '../services/directory/search';
import { createTRPCRouter, signedInProcedure } from '../trpc';
import { directorySearchInput } from '@/common/inputs/directory';

/** Look-ups for the incident form's pickers; only the records of the viewer's own organization. */
export const directoryRouter = createTRPCRouter({
  persons: signedInProcedure
    .input(directorySearchInput)
    .query(({ ctx, input }) => searchPersons(ctx.db, listableOrganizationIds(ctx.viewer, input.organizationId), input.text)),
  organizations: signedInProcedure
    .input(directorySearchInput)
    .query(({ ctx, input }) =>
      searchDocumentedOrganizations(ctx.db, listableOrganizationIds(ctx.viewer, input.organizationId), input.text),
    ),
  sources: signedInProcedure
    .input(directorySearchInput)
    .query(({ ctx, input }) => searchSources(ctx.db, listableOrganizationIds(ctx.viewer, input.organizationId), input.text)),
});
