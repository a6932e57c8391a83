import 'server-only';
import { assertCanCreateIn } from '../policy/incident';
import { assertCanSeeUnfinishedForm } from '../policy/unfinished-form';
import { memberOrganizationIds } from '../policy/viewer';
import { badRequest } from '../errors';
import { countUnfinishedForms, deleteUnfinishedForm, findUnfinishedForm, keepUnfinishedForm, listUnfinishedForms } from '../services/unfinished-forms/store';
import { createTRPCRouter, signedInProcedure } from '../trpc';
import { keepUnfinishedFormInput, maxUnfinishedFormsPerPerson, unfinishedFormIdInput } from '@/common/inputs/unfinished-form';

/** New-incident forms kept on the server before they were complete: each its author's alone, until saved or deleted. */
export const unfinishedFormRouter = createTRPCRouter({
  list: signedInProcedure.query(({ ctx }) => listUnfinishedForms(ctx.db, ctx.viewer.id, memberOrganizationIds(ctx.viewer))),

  get: signedInProcedure.input(unfinishedFormIdInput).query(async ({ ctx, input }) => {
    const form = await findUnfinishedForm(ctx.db, input.id);
    assertCanSeeUnfinishedForm(ctx.viewer, form);
    return { id: form.id, organizationId: form.organizationId, form: form.form, updatedAt: form.updatedAt };
  }),

  keep: signedInProcedure.input(keepUnfinishedFormInput).mutation(async ({ ctx, input }) => {
    assertCanCreateIn(ctx.viewer, input.organizationId);
    const existing = input.id ? await findUnfinishedForm(ctx.db, input.id) : null;
    if (input.id) assertCanSeeUnfinishedForm(ctx.viewer, existing);
    else if ((await countUnfinishedForms(ctx.db, ctx.viewer.id)) >= maxUnfinishedFormsPerPerson) {
      throw badRequest('unfinishedForm.tooMany', { count: maxUnfinishedFormsPerPerson });
    }
    return keepUnfinishedForm(ctx.db, ctx.viewer.id, input, existing);
  }),

  delete: signedInProcedure.input(unfinishedFormIdInput).mutation(async ({ ctx, input }) => {
    const form = await findUnfinishedForm(ctx.db, input.id);
    assertCanSeeUnfinishedForm(ctx.viewer, form);
    await deleteUnfinishedForm(ctx.db, ctx.viewer.id, form);
  }),
});
