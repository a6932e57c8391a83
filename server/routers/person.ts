import { z } from 'zod';
import { requireRecentAuth } from '../auth/require-recent-auth';
import { assertCanMergePersons, assertCanViewPerson, personPolicy } from '../auth/person-policy';
import { listableOrganizationIds, memberOrganizationIds, reviewingOrganizationIds } from '../auth/policy';
import { findLikelyDuplicatePersons } from '../services/persons/likely-duplicates';
import { notFound } from '../services/errors';
import { casesConcerning, incidentsConcerning } from '../services/persons/concerning';
import { mergePersons } from '../services/persons/merge';
import { findPersonForPolicy, getPersonDetail, listMergesInto, listPersons } from '../services/persons/read';
import { createTRPCRouter, signedInProcedure } from '../trpc';
import { personEditing, updatePersonProcedure } from './directory-edit';
import { versionNumber } from '../validation/numbers';
import { userText } from '../validation/text';

const listInput = z
  .object({
    organizationId: z.uuid().nullish(),
    text: userText().trim().max(200, 'At most 200 characters').nullish(),
    page: z.number().int().min(0).max(10_000).default(0),
  })
  .default({ page: 0 });

const mergeInput = z.object({
  /** The record that remains. */
  id: z.uuid(),
  version: versionNumber,
  /** The duplicate that is merged into it. */
  duplicateId: z.uuid(),
  duplicateVersion: versionNumber,
});

/** The persons named in an organization's records: the list, one person's page, and the merge of two records of the same person. */
export const personRouter = createTRPCRouter({
  list: signedInProcedure
    .input(listInput)
    .query(({ ctx, input }) => listPersons(ctx.db, listableOrganizationIds(ctx.viewer, input.organizationId), input)),

  get: signedInProcedure.input(z.object({ id: z.uuid() })).query(async ({ ctx, input }) => {
    const facts = await findPersonForPolicy(ctx.db, input.id);
    assertCanViewPerson(ctx.viewer, facts);
    const [person, incidents, cases, merges, editing] = await Promise.all([
      getPersonDetail(ctx.db, input.id),
      incidentsConcerning(ctx.db, input.id),
      casesConcerning(ctx.db, input.id, memberOrganizationIds(ctx.viewer)),
      listMergesInto(ctx.db, input.id),
      personEditing(ctx.db, ctx.viewer, input.id),
    ]);
    if (!person) throw notFound('person');
    return { person, incidents, cases, merges, canMerge: !facts.mergedIntoId && personPolicy.canMerge(ctx.viewer, facts), editing };
  }),

  merge: signedInProcedure.input(mergeInput).mutation(async ({ ctx, input }) => {
    const [person, duplicate] = await Promise.all([findPersonForPolicy(ctx.db, input.id), findPersonForPolicy(ctx.db, input.duplicateId)]);
    assertCanMergePersons(ctx.viewer, person, duplicate);
    requireRecentAuth(ctx);
    return mergePersons(ctx.db, {
      personId: input.id,
      personVersion: input.version,
      duplicateId: input.duplicateId,
      duplicateVersion: input.duplicateVersion,
      actorId: ctx.viewer.id,
    });
  }),

  /** Pairs of records that probably name one person, for the reviewers who merge them; empty for monitors. */
  likelyDuplicates: signedInProcedure.query(({ ctx }) => findLikelyDuplicatePersons(ctx.db, reviewingOrganizationIds(ctx.viewer))),

  /** Corrects a person record (server/auth/directory-policy.ts says who may). */
  update: updatePersonProcedure,
});
