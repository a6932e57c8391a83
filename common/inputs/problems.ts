import { z } from 'zod';
import type { Translate } from '../i18n';
import { isProblemCode, sayProblem, type Problem } from '../i18n/problems';

/**
 * Field problems carry codes, not English: the inputs write a problem code as an issue's message
 * ('title.required'), and every issue zod raises by itself gets one here (too long, required…). The
 * form beside the field and the server's formatter both word it from the dictionaries.
 */
z.config({
  customError(issue) {
    switch (issue.code) {
      case 'invalid_type':
        return issue.input === undefined || issue.input === null ? 'field.required' : 'field.invalid';
      case 'too_big':
        return issue.origin === 'string' ? 'field.tooLong' : issue.origin === 'array' ? 'field.tooMany' : 'field.tooLarge';
      case 'too_small':
        if (issue.origin === 'string') return issue.minimum === 1 ? 'field.required' : 'field.tooShort';
        return issue.origin === 'array' ? 'field.tooFew' : 'field.tooSmall';
      case 'invalid_value':
        return 'field.choose';
      case 'invalid_format':
        return 'field.format';
      default:
        return 'field.invalid';
    }
  },
});

type Issue = { message: string; params?: Record<string, unknown>; minimum?: unknown; maximum?: unknown };

/** The problem an issue states, with the figures its wording needs; null for an issue worded in English. */
export function problemOfIssue(issue: Issue): Problem | null {
  if (!isProblemCode(issue.message)) return null;
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries({ minimum: issue.minimum, maximum: issue.maximum, ...issue.params })) {
    if (typeof value === 'string' || typeof value === 'number') params[name] = value;
    if (typeof value === 'bigint') params[name] = Number(value);
  }
  return Object.keys(params).length > 0 ? { code: issue.message, params } : { code: issue.message };
}

/** An issue in the reader's language: its problem through the dictionaries, else its own text. */
export function sayIssue(t: Translate, issue: Issue): string {
  const problem = problemOfIssue(issue);
  return problem ? sayProblem(t, problem.code, problem.params) : issue.message;
}
