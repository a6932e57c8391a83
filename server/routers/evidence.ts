import 'server-only';
import { adminOrganizationIds, roleIn } from '../policy/viewer';
import { assertCanSeeFile, assertCanShareFile, assertFileAction, evidencePolicy } from '../policy/evidence';
import { readsAsSharedOnly } from '../policy/sharing';
import { requireRecentAuth } from '../auth/require-recent-auth';
import { notFound } from '../errors';
import { ownersAttachments, readersAttachments } from '../services/files/attachment-list';
import { deleteFile, listDeletedFiles, purgeFile, restoreFile } from '../services/files/manage';
import { getFilesDeps } from '../services/files/deps';
import { decidePublicCopy } from '../services/files/public-copy';
import { findFile } from '../services/files/read';
import { getFileStore } from '../services/files/store/configured';
import { incidentSharedWith, shareFile, unshareFile } from '../services/files/sharing';
import { subjectOwner } from '../services/files/subjects';
import { createTRPCRouter, signedInProcedure } from '../trpc';
import { evidenceSubject, fileIdInput, fileShareInput, markPublicInput, purgeInput } from '@/common/inputs/evidence';

/**
 * Evidence files attached to records: the list on a record's page, the bin, public marking. The
 * bytes move through the route handlers in app/api/files/ (streams are not tRPC's business).
 */
export const evidenceRouter = createTRPCRouter({
  /** The owners see every file; a reader of a shared incident sees only the files shared with their organization. */
  list: signedInProcedure.input(evidenceSubject).query(async ({ ctx, input }) => {
    const organizationId = await subjectOwner(ctx.db, input.subjectKind, input.subjectId);
    if (organizationId && evidencePolicy.canAttachTo(ctx.viewer, { organizationId })) return ownersAttachments(ctx.db, ctx.viewer, organizationId, input);
    const sharedWith = organizationId && input.subjectKind === 'incident' ? await incidentSharedWith(ctx.db, input.subjectId) : [];
    if (!organizationId || !readsAsSharedOnly(ctx.viewer, { organizationId, sharedWith })) throw notFound(input.subjectKind.replace('_', ' '));
    return readersAttachments(ctx.db, ctx.viewer, input);
  }),

  deleted: signedInProcedure.query(({ ctx }) => listDeletedFiles(ctx.db, adminOrganizationIds(ctx.viewer))),

  delete: signedInProcedure.input(fileIdInput).mutation(async ({ ctx, input }) => {
    const file = await findFile(ctx.db, input.id);
    assertCanSeeFile(ctx.viewer, file);
    assertFileAction(evidencePolicy.canDelete(ctx.viewer, file), 'file.deleteNotAllowed');
    await deleteFile(ctx.db, file, ctx.viewer.id);
  }),

  restore: signedInProcedure.input(fileIdInput).mutation(async ({ ctx, input }) => {
    const file = await findFile(ctx.db, input.id, { deleted: true });
    // Only admins see the bin: to anyone else a deleted file does not exist.
    if (!file?.deletedAt || roleIn(ctx.viewer, file.organizationId) !== 'admin') throw notFound('deleted file');
    await restoreFile(ctx.db, file, ctx.viewer.id);
  }),

  /** Erasure for good, of a live file or one in the bin; the bin is an admin's, so to anyone else a binned file does not exist. */
  purge: signedInProcedure.input(purgeInput).mutation(async ({ ctx, input }) => {
    const file = await findFile(ctx.db, input.id, { deleted: true });
    assertCanSeeFile(ctx.viewer, file);
    if (file.deletedAt && !evidencePolicy.canRestoreOrPurge(ctx.viewer, file)) throw notFound('file');
    assertFileAction(evidencePolicy.canRestoreOrPurge(ctx.viewer, file), 'file.purgeAdminsOnly');
    requireRecentAuth(ctx);
    await purgeFile(ctx.db, getFileStore(), file, ctx.viewer.id, input.reason);
  }),

  markPublic: signedInProcedure
    .input(markPublicInput)
    .mutation(async ({ ctx, input }) => {
      const file = await findFile(ctx.db, input.id);
      assertCanSeeFile(ctx.viewer, file);
      assertFileAction(
        evidencePolicy.canMarkPublic(ctx.viewer, file),
        'file.publicFourEyes',
      );
      await decidePublicCopy(ctx.db, getFilesDeps(), file, ctx.viewer.id, input);
    }),

  /** Shares one file with an organization that reads its incident (a custody event). */
  share: signedInProcedure.input(fileShareInput).mutation(async ({ ctx, input }) => {
    const file = await findFile(ctx.db, input.id);
    const recordSharedWith = file?.subjectKind === 'incident' ? await incidentSharedWith(ctx.db, file.subjectId) : [];
    assertCanShareFile(ctx.viewer, file, { organizationId: input.organizationId, recordSharedWith });
    await shareFile(ctx.db, file, input.organizationId, ctx.viewer.id);
  }),

  unshare: signedInProcedure.input(fileShareInput).mutation(async ({ ctx, input }) => {
    const file = await findFile(ctx.db, input.id);
    assertCanSeeFile(ctx.viewer, file);
    assertFileAction(evidencePolicy.canShare(ctx.viewer, file), 'file.shareReviewersOnly');
    await unshareFile(ctx.db, file, input.organizationId, ctx.viewer.id);
  }),
});
