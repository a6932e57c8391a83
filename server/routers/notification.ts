import 'server-only';
import { listNotifications, markNotificationsRead, unreadNotificationCount } from '../services/review/notifications';
import { memberOrganizationIds } from '../policy/viewer';
import { withMentionsNamed } from '../services/directory/workspace-mentions';
import { createTRPCRouter, signedInProcedure } from '../trpc';
import { markReadInput, notificationPageInput } from '@/common/inputs/notification';

/** A user's own notifications; nobody reads or marks another's. */
export const notificationRouter = createTRPCRouter({
  unreadCount: signedInProcedure.query(({ ctx }) => unreadNotificationCount(ctx.db, ctx.viewer.id)),
  list: signedInProcedure
    .input(notificationPageInput)
    .query(async ({ ctx, input }) => {
      const organizationIds = memberOrganizationIds(ctx.viewer);
      return withMentionsNamed(ctx.db, organizationIds, await listNotifications(ctx.db, ctx.viewer.id, organizationIds, input.before ?? null));
    }),
  markRead: signedInProcedure
    .input(markReadInput)
    .mutation(({ ctx, input }) => markNotificationsRead(ctx.db, ctx.viewer.id, input.ids ?? null)),
});
