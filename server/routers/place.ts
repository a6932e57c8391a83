import 'server-only';
import { z } from 'zod';
import { userText } from '@/common/inputs/text';
import { largestPlaces, nearestPlace, searchPlaces } from '../services/places/gazetteer';
import { createTRPCRouter, signedInProcedure } from '../trpc';

/**
 * The gazetteer shipped with the app (server/services/places): public reference data, the same for
 * everyone signed in, so the only rule is the signed-in procedure's.
 */
const lang = z.enum(['en', 'ru', 'kk']).default('en');

export const placeRouter = createTRPCRouter({
  search: signedInProcedure
    .input(z.object({ q: userText().trim().max(100, 'At most 100 characters'), lang, limit: z.number().int().min(1).max(20).default(8) }))
    .query(({ input }) => searchPlaces(input.q, input.lang, input.limit)),
  nearest: signedInProcedure
    .input(z.object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180), lang, withinKm: z.number().min(1).max(300).default(60) }))
    .query(({ input }) => nearestPlace(input.lat, input.lon, input.lang, input.withinKm)),
  largest: signedInProcedure
    .input(z.object({ country: z.string().regex(/^[A-Z]{2}$/), lang, limit: z.number().int().min(1).max(100).default(40) }))
    .query(({ input }) => largestPlaces(input.country, input.lang, input.limit)),
});
