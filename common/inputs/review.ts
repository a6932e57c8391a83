import { z } from 'zod';
import { versionNumber } from './numbers';
import { userText } from './text';

/** A review decision on an incident or a case names the version decided on (a stale one is refused). */
export const decisionInput = z.object({ id: z.uuid(), version: versionNumber });
/** Requesting changes and retracting say what needs to change, or why. */
export const commentedDecisionInput = decisionInput.extend({
  comment: userText().trim().min(1, 'review.commentNeeded').max(5000),
});
export const previewInput = z.object({ kind: z.enum(['incident', 'case']), id: z.uuid() });
