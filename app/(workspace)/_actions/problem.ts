import { TRPCClientError } from '@trpc/client';
import type { Translate } from '@/app/i18n';

/** What went wrong with an action, in words for the person: the server's message, or its field messages. */
export type ActionProblem = { message: string; fieldErrors: Record<string, string> };

/**
 * The server explains refusals (CONFLICT, FORBIDDEN, BAD_REQUEST) in words a person can act on, so
 * those are shown as they come; a request that got no answer at all (offline, server down) gets ours.
 */
export function problemOf(error: unknown, t: Translate): ActionProblem {
  if (!(error instanceof TRPCClientError)) return { message: t('error.body'), fieldErrors: {} };
  const data = error.data as { fieldErrors?: Record<string, string> | null } | undefined;
  if (!data) return { message: t('error.body'), fieldErrors: {} };
  const fieldErrors = data.fieldErrors ?? {};
  // A validation failure's own message is a list of issues for programs; its field messages are for people.
  if (Object.keys(fieldErrors).length > 0) return { message: Object.values(fieldErrors).join(' '), fieldErrors };
  return { message: error.message, fieldErrors: {} };
}
