import 'server-only';
import { listableOrganizationIds } from '../policy/viewer';
import { searchDocumentedOrganizations, searchPersons, searchSources } from '../services/directory/search';
import { withMentionsNamed } from '../services/directory/workspace-mentions';
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
  // A source's title may mention someone (common/mentions.ts): the picker shows the current name.
  sources: signedInProcedure.input(directorySearchInput).query(async ({ ctx, input }) => {
    const organizationIds = listableOrganizationIds(ctx.viewer, input.organizationId);
    return withMentionsNamed(ctx.db, organizationIds, await searchSources(ctx.db, organizationIds, input.text));
  }),
});
