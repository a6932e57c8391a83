import 'server-only';
import { TRPCError } from '@trpc/server';
import { translator, type MessageKey, type Translate } from '@/common/i18n';

/**
 * What is wrong with an exchange file, in words of the dictionaries rather than English sentences:
 * a key and its values, so the import command says it in the operator's language (cli/import.ts).
 * A value is text as it is (a quoted value from the file, a pointer), a number, words of its own
 * ("a list", "a whole number"), or several values joined by "or", "and" or a comma.
 */
export type ProblemWords = { key: MessageKey; params?: Record<string, ProblemValue> };
export type ProblemValue = string | number | ProblemWords | { join: 'or' | 'and' | 'comma'; items: ProblemValue[] };
const joiners = { or: 'exchange.words.or', and: 'exchange.words.and' } as const;

/** One thing wrong with an exchange file: where (a JSON pointer into the file) and what. */
export type ExchangeProblem = { pointer: string; words: ProblemWords };

/** A problem at `pointer`: the dictionary key under `problem.exchange.` and its values. */
export function problemAt(pointer: string, key: MessageKey, params?: Record<string, ProblemValue>): ExchangeProblem {
  return { pointer, words: params ? { key, params } : { key } };
}

/** Builds a JSON pointer from path segments, escaping "~" and "/" as RFC 6901 asks. */
export function pointerTo(...segments: (string | number)[]): string {
  return segments.map((segment) => `/${String(segment).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

function say(value: ProblemValue, t: Translate): string {
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if ('join' in value) return value.items.map((item) => say(item, t)).join(value.join === 'comma' ? ', ' : t(joiners[value.join]));
  const params = Object.fromEntries(Object.entries(value.params ?? {}).map(([name, item]) => [name, say(item, t)]));
  return t(value.key, params);
}

/** Each problem with its words in one language (English unless told). */
export function wordProblems(problems: readonly ExchangeProblem[], t: Translate = translator('en')): { pointer: string; message: string }[] {
  return problems.map((problem) => ({ pointer: problem.pointer, message: say(problem.words, t) }));
}

/** "<pointer>: <message>", one line per problem; the root is shown as "/" so that no line starts with ":". */
export function formatProblems(problems: readonly ExchangeProblem[], t: Translate = translator('en')): string[] {
  return wordProblems(problems, t).map((problem) => `${problem.pointer || '/'}: ${problem.message}`);
}

/**
 * The file was refused as a whole. It carries every problem found, so that whoever fixes the file
 * can fix them all in one go rather than one per attempt; the command words them for the operator,
 * the message (in English) is for the logs.
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
