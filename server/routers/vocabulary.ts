import 'server-only';
import { listVocabularyTerms } from '../services/vocabulary/terms';
import { createTRPCRouter, signedInProcedure } from '../trpc';

export const vocabularyRouter = createTRPCRouter({
  all: signedInProcedure.query(({ ctx }) => listVocabularyTerms(ctx.db)),
});
