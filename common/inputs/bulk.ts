import { z } from 'zod';
import { vocabularyCode } from './incident';
import { versionNumber } from './numbers';
import { userText } from './text';

/** The incidents a bulk action concerns, each at the version the list showed (a later save is not overwritten). */
const items = z.array(z.object({ id: z.uuid(), version: versionNumber })).min(1, 'bulk.chooseIncidents').max(100, 'bulk.tooManyIncidents');

export const bulkDecisionValues = ['submit', 'approve', 'publish', 'retract'] as const;

export const bulkDecisionInput = z
  .object({
    action: z.enum(bulkDecisionValues),
    items,
    /** One reason for every retraction. */
    comment: userText().trim().max(5000).nullish(),
  })
  .refine((input) => input.action !== 'retract' || !!input.comment, { message: 'bulk.retractReason', path: ['comment'] });

export const bulkShareInput = z.object({ ids: z.array(z.uuid()).min(1).max(100), organizationId: z.uuid() });
/** The chosen incidents, to find the organizations all of them may be shared with. */
export const bulkShareTargetsInput = bulkShareInput.pick({ ids: true });
export const bulkTagInput = z.object({ items, violationType: vocabularyCode });
