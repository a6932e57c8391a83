import 'server-only';
import type { ProblemCode } from '@/common/i18n/problems';
import type { DbOrTx } from '@/db/client';
import type { LiveSession } from '../sessions';
import { factorRequirementOf, type FactorRequirement } from '../viewer';

/**
 * What stands between a signed-in session and the workspace:
 * - `second_factor`: the password was right and the account has a second factor, not given yet;
 * - `enrol`: an organization of the person requires a second factor and they have none.
 * A gated session has no viewer (server/trpc.ts): every procedure and page treats it as not signed
 * in, except the second-factor step, enrolment and sign-out.
 */
export type Gate = 'second_factor' | 'enrol';

/** The gate of a session whose account's second factors were read already (server/auth/viewer.ts). */
export function gateFrom(session: LiveSession, factors: FactorRequirement): Gate | null {
  if (session.secondFactorPending) return 'second_factor';
  return factors.required && !factors.enrolled ? 'enrol' : null;
}

export async function gateOf(db: DbOrTx, session: LiveSession): Promise<Gate | null> {
  if (session.secondFactorPending) return 'second_factor';
  return gateFrom(session, await factorRequirementOf(db, session.userId));
}

/** What a gated session is told when it asks for anything else (the browser words the code). */
export const gateProblems: Record<Gate, ProblemCode> = {
  second_factor: 'auth.secondFactorPending',
  enrol: 'auth.enrolmentRequired',
};
