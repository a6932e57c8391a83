import { z } from 'zod';
import { bigSerialId } from './numbers';

/** A page of notices older than `before`. */
export const notificationPageInput = z.object({ before: bigSerialId.nullish() }).default({});
/** Notices to mark as read; none named means all. */
export const markReadInput = z.object({ ids: z.array(bigSerialId).max(500).nullish() });
