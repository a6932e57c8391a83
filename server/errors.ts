import 'server-only';
import { TRPCError } from '@trpc/server';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';
import { z } from 'zod';
import { translator, type TranslateParams } from '@/common/i18n';
import { sayProblem, type Problem, type ProblemCode } from '@/common/i18n/problems';

/**
 * The domain's errors: a transport code (FORBIDDEN, CONFLICT…) and a problem code with parameters
 * (`review.selfApproval`, `record.stale` { version, current }). The tRPC formatter passes the problem
 * on (server/trpc.ts); the browser words it in the reader's language (common/i18n/problems.ts). The
 * message is the English wording, for logs, the command line and programs that read it.
 */
export class DomainError extends TRPCError {
  readonly problem: Problem;
  constructor(code: TRPC_ERROR_CODE_KEY, problem: ProblemCode, params?: TranslateParams, options: { message?: string; cause?: unknown } = {}) {
    super({ code, message: options.message ?? sayProblem(english, problem, params), cause: options.cause });
    this.problem = params ? { code: problem, params } : { code: problem };
  }
}

const english = translator('en');

/** A refusal of the policy: the viewer may see the record but not do this to it. */
export function refused(problem: ProblemCode, params?: TranslateParams): DomainError {
  return new DomainError('FORBIDDEN', problem, params);
}

/** The record changed under the person (a stale version, a state that moved on): they reload. */
export function conflict(problem: ProblemCode, params?: TranslateParams): DomainError {
  return new DomainError('CONFLICT', problem, params);
}

export function badRequest(problem: ProblemCode, params?: TranslateParams): DomainError {
  return new DomainError('BAD_REQUEST', problem, params);
}

/** The record does not exist, or the caller may not see it: the two answer alike. */
export function notFound(what = 'record'): DomainError {
  return new DomainError('NOT_FOUND', 'notFound', undefined, { message: `No such ${what}` });
}

/**
 * A field-level problem found after zod (e.g. an unknown vocabulary code): the form shows it beside
 * the field. `problem` is a code, as zod issues of the inputs carry (common/inputs/problems.ts).
 */
export function invalidField(path: (string | number)[], problem: ProblemCode, params?: TranslateParams): TRPCError {
  return new TRPCError({
    code: 'BAD_REQUEST',
    message: sayProblem(english, problem, params),
    // ZodRealError (unlike ZodError in zod 4) is an Error, so tRPC keeps it as the cause for the formatter.
    cause: new z.ZodRealError([{ code: 'custom', path, message: problem, params, input: undefined }]),
  });
}
