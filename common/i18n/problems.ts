import { en, type MessageKey } from './en';
import type { Translate, TranslateParams } from './index';

/**
 * A refusal or a field problem as the server (or a form's own check) states it: a code that the
 * dictionaries translate under `problem.<code>`, with parameters. Nothing a person reads is a
 * sentence built in English on the server: the server sends the code, the reader's side words it.
 */
export type ProblemCode = MessageKey extends infer K ? (K extends `problem.${infer Code}` ? Code : never) : never;
export type Problem = { code: ProblemCode; params?: TranslateParams };

/** The dictionary key of a problem code, or null when `text` is not one (an older English text). */
export function problemKey(text: string): MessageKey | null {
  const key = `problem.${text}`;
  return key in en ? (key as MessageKey) : null;
}

export function isProblemCode(text: string): text is ProblemCode {
  return problemKey(text) !== null;
}

/** A problem in the reader's language: a code through the dictionaries; any other text as it is. */
export function sayProblem(t: Translate, text: string, params?: TranslateParams): string {
  const key = problemKey(text);
  return key ? t(key, params) : text;
}

/** What the server's error formatter adds to an error's data (server/trpc.ts). */
export type ProblemData = {
  problem?: Problem | null;
  fieldErrors?: Record<string, string> | null;
  fieldProblems?: Record<string, Problem> | null;
};

/**
 * An error's message in the reader's language: its problem when it has one; for a failed input check,
 * its field problems (the server's own message lists them in English); else the server's text.
 */
export function sayError(t: Translate, data: ProblemData | null | undefined, message: string): string {
  if (data?.problem) return sayProblem(t, data.problem.code, data.problem.params);
  if (Object.keys(data?.fieldProblems ?? {}).length > 0) return Object.values(sayFieldErrors(t, data)).join(' ');
  return message;
}

/** Field messages in the reader's language, keyed by dotted path: each field's problem, else the server's text. */
export function sayFieldErrors(t: Translate, data: ProblemData | null | undefined): Record<string, string> {
  const words: Record<string, string> = {};
  for (const [path, text] of Object.entries(data?.fieldErrors ?? {})) {
    const problem = data?.fieldProblems?.[path];
    words[path] = problem ? sayProblem(t, problem.code, problem.params) : text;
  }
  return words;
}
