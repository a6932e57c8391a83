import 'server-only';
import { sourceMentionChoices } from '../services/directory/source-mention-choices';
import { requireRecentAuth } from '../auth/require-recent-auth';
import type { LiveSession } from '../auth/sessions';
import { assertCanEditRecord, assertCanRevealPerson, assertCanViewRecord, directoryPolicy } from '../policy/directory';
import type { Viewer } from '../policy/viewer';
import { editDirectoryRecord } from '../services/directory/edit';
import { listDirectoryVersions } from '../services/directory/history';
import { liftsProtection, organizationAdapter, organizationFields, personAdapter, personFields, type PersonFields, sourceAdapter, sourceFields } from '../services/directory/kinds';
import { editFacts, getDocumentedOrganization, getSource } from '../services/directory/read';
import { withMentionsNamed } from '../services/directory/workspace-mentions';
import { createTRPCRouter, signedInProcedure } from '../trpc';
import { documentedOrganizationEditInput, personEditInput, sourceEditInput } from '@/common/inputs/directory';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { persons } from '@/db/schema';
import { idInput } from '@/common/inputs/ids';

/**
 * Correcting the records of an organization's directory after they were saved: persons (through
 * `person.update`, beside the person's page), documented organizations and sources. The rules are
 * in server/policy/directory.ts; the edit, its history, its audit entry and the re-projection
 * of the public records citing it commit together (server/services/directory/edit.ts).
 */

/**
 * The person policy for one edit: edit rights, and a reviewer's decision, confirmed by a recent
 * sign-in, to lift protection: to take the confidential mark off, or to drop a name or an alias that
 * public texts hide (they would show it from then on).
 */
export function authorizePersonEdit(viewer: Viewer, session: { session: LiveSession | null }) {
  return (facts: Parameters<typeof assertCanEditRecord>[2], before: PersonFields, after: PersonFields) => {
    assertCanEditRecord(viewer, 'person', facts);
    if (liftsProtection(before, after)) {
      assertCanRevealPerson(viewer, facts, after.confidential ? 'directory.protectedNameReviewersOnly' : 'directory.revealReviewersOnly');
      requireRecentAuth(session);
    }
  };
}

export const updatePersonProcedure = signedInProcedure.input(personEditInput).mutation(({ ctx, input }) =>
  editDirectoryRecord(ctx.db, personAdapter, {
    id: input.id,
    version: input.version,
    fields: personFields(input.fields),
    actorId: ctx.viewer.id,
    authorize: authorizePersonEdit(ctx.viewer, ctx),
  }),
);

/** The person page's part about editing: the versions, and what this viewer may do (the page has checked the viewer may see the person). */
export async function personEditing(db: DbOrTx, viewer: Viewer, id: string) {
  const [person] = await db
    .select({ organizationId: persons.organizationId, createdBy: persons.createdBy, mergedIntoId: persons.mergedIntoId, aliases: persons.aliases })
    .from(persons)
    .where(eq(persons.id, id));
  if (!person) return { edits: [], canEdit: false, canReveal: false, aliases: [] as string[] };
  const facts = await editFacts(db, viewer, 'person', { id, ...person });
  return {
    edits: await listDirectoryVersions(db, 'person', id),
    canEdit: directoryPolicy.canEdit(viewer, facts),
    canReveal: directoryPolicy.canRevealPerson(viewer, facts),
    aliases: person.aliases,
  };
}

export const documentedOrganizationRouter = createTRPCRouter({
  get: signedInProcedure.input(idInput).query(async ({ ctx, input }) => {
    const found = await getDocumentedOrganization(ctx.db, input.id);
    assertCanViewRecord(ctx.viewer, 'organization', found?.organization ?? null);
    const { organization } = found!;
    const facts = await editFacts(ctx.db, ctx.viewer, 'documented_organization', { id: input.id, organizationId: organization.organizationId, createdBy: organization.createdBy });
    return {
      ...found!,
      edits: await listDirectoryVersions(ctx.db, 'documented_organization', input.id),
      canEdit: directoryPolicy.canEdit(ctx.viewer, facts),
    };
  }),
  update: signedInProcedure.input(documentedOrganizationEditInput).mutation(({ ctx, input }) =>
    editDirectoryRecord(ctx.db, organizationAdapter, {
      id: input.id,
      version: input.version,
      fields: organizationFields(input.fields),
      actorId: ctx.viewer.id,
      authorize: (facts) => assertCanEditRecord(ctx.viewer, 'organization', facts),
    }),
  ),
});

export const sourceRouter = createTRPCRouter({
  get: signedInProcedure.input(idInput).query(async ({ ctx, input }) => {
    const found = await getSource(ctx.db, input.id);
    assertCanViewRecord(ctx.viewer, 'source', found?.source ?? null);
    const { source } = found!;
    const facts = await editFacts(ctx.db, ctx.viewer, 'source', { id: input.id, organizationId: source.organizationId, createdBy: source.createdBy });
    // `source` keeps its tokens for the edit form; what the page only shows reads them as current names.
    const shown = await withMentionsNamed(ctx.db, [source.organizationId], {
      shown: { title: source.title, publisher: source.publisher, referenceCode: source.referenceCode },
      incidents: found!.incidents,
      cases: found!.cases,
      edits: await listDirectoryVersions(ctx.db, 'source', input.id),
    });
    const canEdit = directoryPolicy.canEdit(ctx.viewer, facts);
    // Only an editor is offered names to mention in a correction.
    const mentionChoices = canEdit ? await sourceMentionChoices(ctx.db, source) : [];
    return { source, ...shown, canEdit, mentionChoices };
  }),
  update: signedInProcedure.input(sourceEditInput).mutation(({ ctx, input }) =>
    editDirectoryRecord(ctx.db, sourceAdapter, {
      id: input.id,
      version: input.version,
      fields: sourceFields(input.fields),
      actorId: ctx.viewer.id,
      authorize: (facts) => assertCanEditRecord(ctx.viewer, 'source', facts),
    }),
  ),
});
