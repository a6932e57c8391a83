import 'server-only';
import { listNotifications, markNotificationsRead, unreadNotificationCount } from '../services/review/notifications';
import { memberOrganizationIds } from '../policy/viewer';
import { createTRPCRouter, signedInProcedure } from '../trpc';
import { markReadInput, notificationPageInput } from '@/common/inputs/notification';

/** A user's own notifications; nobody reads or marks another's. */
export const notificationRouter = createTRPCRouter({
  unreadCount: signedInProcedure.query(({ ctx }) => unreadNotificationCount(ctx.db, ctx.viewer.id)),
  list: signedInProcedure
    .input(notificationPageInput)
    .query(({ ctx, input }) => listNotifications(ctx.db, ctx.viewer.id, memberOrganizationIds(ctx.viewer), input.before ?? null)),
  markRead: signedInProcedure
    .input(markReadInput)
    .mutation(({ ctx, input }) => markNotificationsRead(ctx.db, ctx.viewer.id, input.ids ?? null)),
});
