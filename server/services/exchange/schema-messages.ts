import 'server-only';
import type { ErrorObject } from 'ajv/dist/2020';
import type { MessageKey } from '@/common/i18n';
import { pointerTo, problemAt, type ExchangeProblem, type ProblemValue } from './problems';

/**
 * Turns Ajv's errors ("must match pattern ^[a-z]+:…$") into problems a person fixing a file can act
 * on: the offending value quoted, the expected form in words, and one problem per spot rather than
 * one per schema branch that failed.
 */

const maxShown = 80;

/** A value as a problem shows it: text in quotes (shortened), other values in words. */
export function showValue(value: unknown): ProblemValue {
  if (typeof value === 'string') return `“${value.length > maxShown ? `${value.slice(0, maxShown)}…` : value}”`;
  if (value === null) return 'null';
  if (Array.isArray(value)) return { key: 'exchange.words.list' };
  if (typeof value === 'object') return { key: 'exchange.words.object' };
  return String(value);
}

const typeNames: Record<string, ProblemValue> = {
  string: { key: 'exchange.words.text' },
  integer: { key: 'exchange.words.wholeNumber' },
  number: { key: 'exchange.words.number' },
  boolean: { key: 'exchange.words.trueOrFalse' },
  array: { key: 'exchange.words.list' },
  object: { key: 'exchange.words.object' },
  null: 'null',
};

// The schema's patterns, each said the way the README says it.
const patternProblems: Record<string, MessageKey> = {
  '^[a-z]+:[a-z0-9][a-z0-9._-]*$': 'problem.exchange.notRef',
  '^[a-z][a-z0-9_]*$': 'problem.exchange.notCode',
  '^[0-9]{4}-[0-9]{2}-[0-9]{2}$': 'problem.exchange.notDate',
  '^[A-Z]{2}$': 'problem.exchange.notCountry',
};

function describe(error: ErrorObject): ExchangeProblem {
  const at = error.instancePath;
  const value: unknown = error.data;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return problemAt(at + pointerTo(String(params.missingProperty)), 'problem.exchange.required', { field: String(params.missingProperty) });
    case 'additionalProperties':
      return problemAt(at + pointerTo(String(params.additionalProperty)), 'problem.exchange.unknownField', { field: String(params.additionalProperty) });
    case 'type': {
      const names = Array.isArray(params.type) ? (params.type as string[]) : String(params.type).split(',');
      const expected = { join: 'or' as const, items: names.map((name) => typeNames[name] ?? name) };
      return problemAt(at, 'problem.exchange.expected', { expected, found: showValue(value) });
    }
    case 'const':
      return problemAt(at, 'problem.exchange.expected', { expected: showValue(params.allowedValue), found: showValue(value) });
    case 'enum': {
      const allowed = { join: 'comma' as const, items: (params.allowedValues as unknown[]).map(showValue) };
      return problemAt(at, 'problem.exchange.notAllowed', { value: showValue(value), allowed });
    }
    case 'pattern': {
      const key = patternProblems[String(params.pattern)];
      return key ? problemAt(at, key, { value: showValue(value) }) : problemAt(at, 'problem.exchange.notPattern', { value: showValue(value), pattern: String(params.pattern) });
    }
    case 'format':
      return params.format === 'date-time'
        ? problemAt(at, 'problem.exchange.notDateTime', { value: showValue(value) })
        : problemAt(at, 'problem.exchange.notFormat', { value: showValue(value), format: String(params.format) });
    case 'minLength':
      return params.limit === 1 ? problemAt(at, 'problem.exchange.empty') : problemAt(at, 'problem.exchange.tooShort', { limit: Number(params.limit) });
    case 'maxLength':
      return problemAt(at, 'problem.exchange.tooLong', { length: typeof value === 'string' ? value.length : '?', limit: Number(params.limit) });
    case 'minItems':
      return problemAt(at, 'problem.exchange.tooFewEntries', { limit: Number(params.limit) });
    case 'minimum':
      return problemAt(at, 'problem.exchange.belowMinimum', { value: showValue(value), limit: Number(params.limit) });
    case 'maximum':
      return problemAt(at, 'problem.exchange.aboveMaximum', { value: showValue(value), limit: Number(params.limit) });
    default:
      return problemAt(at, 'problem.exchange.schemaRule', { rule: error.keyword });
  }
}

const victimFields = ['person', 'organization', 'group'];

function describeVictimChoice(error: ErrorObject): ExchangeProblem {
  const named = victimFields.filter((field) => error.data && typeof error.data === 'object' && field in error.data);
  if (named.length === 0) return problemAt(error.instancePath, 'problem.exchange.victimNamesNone');
  return problemAt(error.instancePath, 'problem.exchange.victimNames', { fields: { join: 'and', items: named.map((f) => `“${f}”`) } });
}

/** Errors from inside a failed anyOf/oneOf branch: at the same spot, before the combinator's own error. */
function isBranchError(candidate: ErrorObject, combinator: ErrorObject): boolean {
  if (candidate.instancePath !== combinator.instancePath) return false;
  return /\/(anyOf|oneOf)\//.test(candidate.schemaPath) || candidate.schemaPath.startsWith('#/$defs/');
}

export function describeSchemaErrors(errors: readonly ErrorObject[]): ExchangeProblem[] {
  const pending: ErrorObject[] = [];
  const problems: ExchangeProblem[] = [];
  const flush = () => {
    problems.push(...pending.map(describe));
    pending.length = 0;
  };
  for (const error of errors) {
    if (error.keyword !== 'anyOf' && error.keyword !== 'oneOf') {
      pending.push(error);
      continue;
    }
    const branches = pending.filter((candidate) => isBranchError(candidate, error));
    const others = pending.filter((candidate) => !branches.includes(candidate));
    pending.length = 0;
    pending.push(...others);
    flush();
    if (error.keyword === 'oneOf' && /\/victims\/\d+$/.test(error.instancePath)) {
      problems.push(describeVictimChoice(error));
    } else if (error.keyword === 'oneOf') {
      problems.push(problemAt(error.instancePath, 'problem.exchange.oneOf'));
    } else {
      // Every anyOf in the schema is "this, or null": the non-null branch says what was expected.
      const telling = branches.find((branch) => !(branch.keyword === 'type' && branch.params.type === 'null'));
      problems.push(telling ? describe(telling) : problemAt(error.instancePath, 'problem.exchange.notAllowedHere', { value: showValue(error.data) }));
    }
  }
  flush();
  return problems;
}
