import { z } from 'zod';
import { listNotifications, markNotificationsRead, unreadNotificationCount } from '../services/review/notifications';
import { memberOrganizationIds } from '../auth/policy';
import { withMentionsNamed } from '../services/directory/workspace-mentions';
import { createTRPCRouter, signedInProcedure } from '../trpc';
import { bigSerialId } from '../validation/numbers';

/** A user's own notifications; nobody reads or marks another's. */
export const notificationRouter = createTRPCRouter({
  unreadCount: signedInProcedure.query(({ ctx }) => unreadNotificationCount(ctx.db, ctx.viewer.id)),
  list: signedInProcedure
    .input(z.object({ before: bigSerialId.nullish() }).default({}))
    .query(async ({ ctx, input }) => {
      const organizationIds = memberOrganizationIds(ctx.viewer);
      return withMentionsNamed(ctx.db, organizationIds, await listNotifications(ctx.db, ctx.viewer.id, organizationIds, input.before ?? null));
    }),
  markRead: signedInProcedure
    .input(z.object({ ids: z.array(bigSerialId).max(500).nullish() }))
    .mutation(({ ctx, input }) => markNotificationsRead(ctx.db, ctx.viewer.id, input.ids ?? null)),
});
