import { createCallerFactory, createTRPCRouter } from '../trpc';
import { commentRouter } from './comment';
import { directoryRouter } from './directory';
import { incidentRouter } from './incident';
import { notificationRouter } from './notification';
import { reviewRouter } from './review';
import { viewerRouter } from './viewer';
import { vocabularyRouter } from './vocabulary';

export const appRouter = createTRPCRouter({
  viewer: viewerRouter,
  incident: incidentRouter,
  vocabulary: vocabularyRouter,
  directory: directoryRouter,
  review: reviewRouter,
  comment: commentRouter,
  notification: notificationRouter,
});

export type AppRouter = typeof appRouter;

/** Calls procedures in-process: server components and tests act through the same policies as HTTP. */
export const createCaller = createCallerFactory(appRouter);
