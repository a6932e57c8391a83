import 'server-only';
import { createCallerFactory, createTRPCRouter } from '../trpc';
import { accountRouter } from './account';
import { adminRouter } from './admin';
import { caseRouter } from './case';
import { commentRouter } from './comment';
import { directoryRouter } from './directory';
import { evidenceRouter } from './evidence';
import { incidentRouter } from './incident';
import { notificationRouter } from './notification';
import { personRouter } from './person';
import { placeRouter } from './place';
import { reviewRouter } from './review';
import { factorRouter } from './factor';
import { savedSearchRouter } from './saved-search';
import { bulkRouter } from './bulk';
import { sessionRouter } from './session';
import { unfinishedFormRouter } from './unfinished-form';
import { viewerRouter } from './viewer';
import { vocabularyRouter } from './vocabulary';
import { documentedOrganizationRouter, sourceRouter } from './directory-edit';

export const appRouter = createTRPCRouter({
  viewer: viewerRouter,
  admin: adminRouter,
  account: accountRouter,
  incident: incidentRouter,
  case: caseRouter,
  vocabulary: vocabularyRouter,
  directory: directoryRouter,
  review: reviewRouter,
  comment: commentRouter,
  notification: notificationRouter,
  person: personRouter,
  place: placeRouter,
  documentedOrganization: documentedOrganizationRouter,
  source: sourceRouter,
  evidence: evidenceRouter,
  session: sessionRouter,
  factor: factorRouter,
  savedSearch: savedSearchRouter,
  bulk: bulkRouter,
  unfinishedForm: unfinishedFormRouter,
});

export type AppRouter = typeof appRouter;

/** Calls procedures in-process: server components and tests act through the same policies as HTTP. */
export const createCaller = createCallerFactory(appRouter);
