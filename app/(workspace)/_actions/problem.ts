import { TRPCClientError } from '@trpc/client';
import type { Translate } from '@/common/i18n';
import { sayError, sayFieldErrors, type ProblemData } from '@/common/i18n/problems';

/** What went wrong with an action, in words for the person: the server's message, or its field messages. */
export type ActionProblem = { message: string; fieldErrors: Record<string, string> };

/**
 * The server states refusals (CONFLICT, FORBIDDEN, BAD_REQUEST) as problem codes, worded here in the
 * reader's language (an older English message is shown as it comes); a request that got no answer at all (offline, server down) gets ours.
 */
export function problemOf(error: unknown, t: Translate): ActionProblem {
  if (!(error instanceof TRPCClientError)) return { message: t('error.body'), fieldErrors: {} };
  const data = error.data as ProblemData | undefined;
  if (!data) return { message: t('error.body'), fieldErrors: {} };
  const fieldErrors = sayFieldErrors(t, data);
  // A validation failure's own message is a list of issues for programs; its field messages are for people.
  if (Object.keys(fieldErrors).length > 0) return { message: Object.values(fieldErrors).join(' '), fieldErrors };
  return { message: sayError(t, data, error.message), fieldErrors: {} };
}
