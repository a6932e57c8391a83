/** The permission matrix's vocabulary: who acts, on what, and the outcomes the policies promise. */
import { TRPCError } from '@trpc/server';
import { reviewStatusEnum, type ReviewStatus } from '@/db/schema';
import type { callerFor } from '../factories';

export type Caller = Awaited<ReturnType<typeof callerFor>>;
export type Outcome = 'ok' | 'UNAUTHORIZED' | 'NOT_FOUND' | 'FORBIDDEN' | 'BAD_REQUEST';
export const actors = ['anonymous', 'author', 'colleague', 'outsider', 'reviewer', 'authorReviewer', 'admin'] as const;
export type Actor = (typeof actors)[number];
export const states = reviewStatusEnum.enumValues;
/** Each review state, and the states of an edit pending on a published incident (the public still sees the published version). */
export const incidentStates = [
  ...states.map((state) => ({ state, publishedBefore: state === 'published' })),
  ...(['draft', 'submitted', 'changes_requested', 'approved'] as const).map((state) => ({ state, publishedBefore: true })),
];
export type Subject = { id: string; version: number; organizationId: string; state: ReviewStatus; deleted: boolean };
/** A case in a review state, with an incident of its organization, a legal event and an intervention (each at version 1). */
export type CaseSubject = Subject & { incidentId: string; legalEventId: number; interventionId: number };

export type Entry =
  /** `publishedBefore`: a version of the incident is public (a published incident, or one whose edit is pending). */
  | { on: 'incident'; deleted?: boolean; call: (c: Caller, s: Subject) => Promise<unknown>; expect: (a: Actor, s: ReviewStatus, publishedBefore: boolean) => Outcome }
  | { on: 'case'; deleted?: boolean; call: (c: Caller, s: CaseSubject) => Promise<unknown>; expect: (a: Actor, s: ReviewStatus) => Outcome }
  | { on: 'organization'; call: (c: Caller, s: Subject) => Promise<unknown>; expect: (a: Actor) => Outcome }
  | { on: 'self'; call: (c: Caller) => Promise<unknown>; expect: (a: Actor) => Outcome };

export const isReviewerOfOrg = (a: Actor) => a === 'reviewer' || a === 'authorReviewer' || a === 'admin';
export const isAuthor = (a: Actor) => a === 'author' || a === 'authorReviewer';

/** Anonymous callers are asked to sign in; people outside the organization are told the record does not exist. */
export function gate(a: Actor, inside: () => Outcome): Outcome {
  if (a === 'anonymous') return 'UNAUTHORIZED';
  if (a === 'outsider') return 'NOT_FOUND';
  return inside();
}
export const signedIn = (a: Actor): Outcome => (a === 'anonymous' ? 'UNAUTHORIZED' : 'ok');
/** Admin procedures: a member who is not an admin is refused; an outsider is told the organization does not exist. */
export const adminOnly = (a: Actor): Outcome => gate(a, () => (a === 'admin' ? 'ok' : 'FORBIDDEN'));
// A retracted (archived) record is editable too: the edit becomes a new draft that goes through review again.
export const editable = (s: ReviewStatus) => s === 'draft' || s === 'changes_requested' || s === 'published' || s === 'archived';

export function reviewerDecision(from: ReviewStatus[]) {
  return (a: Actor, s: ReviewStatus): Outcome =>
    gate(a, () => {
      if (!isReviewerOfOrg(a) || a === 'authorReviewer') return 'FORBIDDEN';
      return from.includes(s) ? 'ok' : 'BAD_REQUEST';
    });
}

/** A bulk action's report on its one incident, as the single action would have answered. */
export function oneOutcome(outcomes: { done: boolean; code: string | null; message: string | null }[]): void {
  const [outcome] = outcomes;
  if (!outcome?.done) throw new TRPCError({ code: (outcome?.code ?? 'INTERNAL_SERVER_ERROR') as TRPCError['code'], message: outcome?.message ?? '' });
}

export async function outcomeOf(run: () => Promise<unknown>): Promise<Outcome | string> {
  try {
    await run();
    return 'ok';
  } catch (error) {
    return error instanceof TRPCError ? error.code : `crash: ${String(error)}`;
  }
}
