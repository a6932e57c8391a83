import { createCallerFactory, createTRPCRouter } from '../trpc';
import { directoryRouter } from './directory';
import { incidentRouter } from './incident';
import { viewerRouter } from './viewer';
import { vocabularyRouter } from './vocabulary';

export const appRouter = createTRPCRouter({
  viewer: viewerRouter,
  incident: incidentRouter,
  vocabulary: vocabularyRouter,
  directory: directoryRouter,
});

export type AppRouter = typeof appRouter;

/** Calls procedures in-process: server components and tests act through the same policies as HTTP. */
export const createCaller = createCallerFactory(appRouter);
