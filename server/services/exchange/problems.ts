import 'server-only';
import { TRPCError } from '@trpc/server';

/** One thing wrong with an exchange file: where (a JSON pointer into the file) and what, in words. */
export type ExchangeProblem = { pointer: string; message: string };

/** Builds a JSON pointer from path segments, escaping "~" and "/" as RFC 6901 asks. */
export function pointerTo(...segments: (string | number)[]): string {
  return segments.map((segment) => `/${String(segment).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

/** "<pointer>: <message>", one line per problem; the root is shown as "/" so that no line starts with ":". */
export function formatProblems(problems: readonly ExchangeProblem[]): string[] {
  return problems.map((problem) => `${problem.pointer || '/'}: ${problem.message}`);
}

/**
 * The file was refused as a whole. It carries every problem found, so that whoever fixes the file
 * can fix them all in one go rather than one per attempt.
 */
export class InvalidExchangeDocumentError extends TRPCError {
  readonly problems: ExchangeProblem[];

  constructor(problems: ExchangeProblem[]) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    const first = formatProblems(problems.slice(0, 1))[0] ?? '';
    super({ code: 'BAD_REQUEST', message: `The exchange file has ${count}; nothing was imported. First: ${first}` });
    this.name = 'InvalidExchangeDocumentError';
    this.problems = problems;
  }
}
