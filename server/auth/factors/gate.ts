import 'server-only';
import type { DbOrTx } from '@/db/client';
import type { LiveSession } from '../sessions';
import { factorRequirementOf } from './requirement';

/**
 * What stands between a signed-in session and the workspace:
 * - `second_factor`: the password was right and the account has a second factor, not given yet;
 * - `enrol`: an organization of the person requires a second factor and they have none.
 * A gated session has no viewer (server/trpc.ts): every procedure and page treats it as not signed
 * in, except the second-factor step, enrolment and sign-out.
 */
export type Gate = 'second_factor' | 'enrol';

export async function gateOf(db: DbOrTx, session: LiveSession): Promise<Gate | null> {
  if (session.secondFactorPending) return 'second_factor';
  const { enrolled, required } = await factorRequirementOf(db, session.userId);
  return required && !enrolled ? 'enrol' : null;
}

export const gateMessages: Record<Gate, string> = {
  second_factor: 'Finish signing in: give your second factor first.',
  enrol: 'Your organization requires a second factor: set one up first.',
};
