import { z } from 'zod';
import { listNotifications, markNotificationsRead, unreadNotificationCount } from '../services/review/notifications';
import { createTRPCRouter, signedInProcedure } from '../trpc';

/** A user's own notifications; nobody reads or marks another's. */
export const notificationRouter = createTRPCRouter({
  unreadCount: signedInProcedure.query(({ ctx }) => unreadNotificationCount(ctx.db, ctx.viewer.id)),
  list: signedInProcedure
    .input(z.object({ before: z.number().int().positive().nullish() }).default({}))
    .query(({ ctx, input }) => listNotifications(ctx.db, ctx.viewer.id, input.before ?? null)),
  markRead: signedInProcedure
    .input(z.object({ ids: z.array(z.number().int().positive()).max(500).nullish() }))
    .mutation(({ ctx, input }) => markNotificationsRead(ctx.db, ctx.viewer.id, input.ids ?? null)),
});
