import 'server-only';
import { badRequest } from '../errors';
import { assertCanCreateIn } from '../policy/incident';
import { memberOrganizationIds } from '../policy/viewer';
import { assertCanRemoveSavedSearch } from '../policy/saved-search';
import { countOwnSavedSearches, findSavedSearch, listSavedSearches, maxSavedSearchesPerPerson, removeSavedSearch, saveSearch } from '../services/saved-searches/store';
import { createTRPCRouter, signedInProcedure } from '../trpc';
import { saveSearchInput, savedSearchIdInput } from '@/common/inputs/saved-search';

/** Named filters of the incident list, kept on the server, each person's own or shared within their organization. */
export const savedSearchRouter = createTRPCRouter({
  list: signedInProcedure.query(({ ctx }) => listSavedSearches(ctx.db, ctx.viewer.id, memberOrganizationIds(ctx.viewer))),

  save: signedInProcedure.input(saveSearchInput).mutation(async ({ ctx, input }) => {
    assertCanCreateIn(ctx.viewer, input.organizationId);
    if ((await countOwnSavedSearches(ctx.db, ctx.viewer.id)) >= maxSavedSearchesPerPerson) {
      throw badRequest('savedSearch.tooMany', { maximum: maxSavedSearchesPerPerson });
    }
    return saveSearch(ctx.db, ctx.viewer.id, input);
  }),

  remove: signedInProcedure.input(savedSearchIdInput).mutation(async ({ ctx, input }) => {
    const search = await findSavedSearch(ctx.db, input.id);
    assertCanRemoveSavedSearch(ctx.viewer, search);
    await removeSavedSearch(ctx.db, ctx.viewer.id, { id: input.id, organizationId: search.organizationId });
  }),
});
