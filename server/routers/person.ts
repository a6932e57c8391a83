import 'server-only';
import { requireRecentAuth } from '../auth/require-recent-auth';
import { assertCanMergePersons, assertCanViewPerson, personPolicy } from '../policy/person';
import { listableOrganizationIds, memberOrganizationIds, reviewingOrganizationIds } from '../policy/viewer';
import { notFound } from '../errors';
import { withMentionsNamed } from '../services/directory/workspace-mentions';
import { findLikelyDuplicatePersons } from '../services/persons/likely-duplicates';
import { casesConcerning, incidentsConcerning } from '../services/persons/concerning';
import { mergePersons } from '../services/persons/merge';
import { findPersonForPolicy, getPersonDetail, listMergesInto, listPersons } from '../services/persons/read';
import { createTRPCRouter, signedInProcedure } from '../trpc';
import { personEditing, updatePersonProcedure } from './directory-edit';
import { personListInput, personMergeInput } from '@/common/inputs/person';
import { idInput } from '@/common/inputs/ids';


/** The persons named in an organization's records: the list, one person's page, and the merge of two records of the same person. */
export const personRouter = createTRPCRouter({
  list: signedInProcedure
    .input(personListInput)
    .query(({ ctx, input }) => listPersons(ctx.db, listableOrganizationIds(ctx.viewer, input.organizationId), input)),

  get: signedInProcedure.input(idInput).query(async ({ ctx, input }) => {
    const facts = await findPersonForPolicy(ctx.db, input.id);
    assertCanViewPerson(ctx.viewer, facts);
    const [person, incidents, cases, merges, editing] = await Promise.all([
      getPersonDetail(ctx.db, input.id),
      incidentsConcerning(ctx.db, input.id).then((rows) => withMentionsNamed(ctx.db, memberOrganizationIds(ctx.viewer), rows)),
      casesConcerning(ctx.db, input.id, memberOrganizationIds(ctx.viewer)).then((rows) => withMentionsNamed(ctx.db, memberOrganizationIds(ctx.viewer), rows)),
      listMergesInto(ctx.db, input.id),
      personEditing(ctx.db, ctx.viewer, input.id),
    ]);
    if (!person) throw notFound('person');
    return { person, incidents, cases, merges, canMerge: !facts.mergedIntoId && personPolicy.canMerge(ctx.viewer, facts), editing };
  }),

  merge: signedInProcedure.input(personMergeInput).mutation(async ({ ctx, input }) => {
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

  /** Corrects a person record (server/policy/directory.ts says who may). */
  update: updatePersonProcedure,
});
