import 'server-only';
import type { ErrorObject } from 'ajv/dist/2020';
import type { ExchangeProblem } from './problems';
import { pointerTo } from './problems';

/**
 * Turns Ajv's errors ("must match pattern ^[a-z]+:…$") into problems a person fixing a file can act
 * on: the offending value quoted, the expected form in words, and one problem per spot rather than
 * one per schema branch that failed.
 */

const maxShown = 80;

/** A value as a message shows it: text in quotes (shortened), other values in words. */
export function showValue(value: unknown): string {
  if (typeof value === 'string') return `“${value.length > maxShown ? `${value.slice(0, maxShown)}…` : value}”`;
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return String(value);
}

const typeNames: Record<string, string> = {
  string: 'text',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  null: 'null',
};

// The schema's patterns, each said the way the README says it.
const patternMeanings: Record<string, string> = {
  '^[a-z]+:[a-z0-9][a-z0-9._-]*$': 'a ref written kind:name in lower case, e.g. person:kharkova',
  '^[a-z][a-z0-9_]*$': 'a vocabulary code (lower-case letters, digits and _, starting with a letter)',
  '^[0-9]{4}-[0-9]{2}-[0-9]{2}$': 'a date written YYYY-MM-DD',
  '^[A-Z]{2}$': 'a two-letter country code in capitals, e.g. KZ',
};

function describe(error: ErrorObject): ExchangeProblem {
  const at = error.instancePath;
  const value: unknown = error.data;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { pointer: at + pointerTo(String(params.missingProperty)), message: `“${String(params.missingProperty)}” is required here but missing` };
    case 'additionalProperties':
      return {
        pointer: at + pointerTo(String(params.additionalProperty)),
        message: `Unknown field “${String(params.additionalProperty)}” (the format has no such field here)`,
      };
    case 'type': {
      const expected = (Array.isArray(params.type) ? params.type : String(params.type).split(','))
        .map((name: string) => typeNames[name] ?? name)
        .join(' or ');
      return { pointer: at, message: `Expected ${expected}, found ${showValue(value)}` };
    }
    case 'const':
      return { pointer: at, message: `Expected ${showValue(params.allowedValue)}, found ${showValue(value)}` };
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(showValue).join(', ');
      return { pointer: at, message: `${showValue(value)} is not one of the allowed values: ${allowed}` };
    }
    case 'pattern': {
      const meaning = patternMeanings[String(params.pattern)] ?? `text matching ${String(params.pattern)}`;
      return { pointer: at, message: `${showValue(value)} is not ${meaning}` };
    }
    case 'format':
      return params.format === 'date-time'
        ? { pointer: at, message: `${showValue(value)} is not a date and time such as 2026-01-31T12:00:00Z` }
        : { pointer: at, message: `${showValue(value)} is not in the ${String(params.format)} format` };
    case 'minLength':
      return { pointer: at, message: params.limit === 1 ? 'Must not be empty' : `Must be at least ${String(params.limit)} characters long` };
    case 'maxLength':
      return {
        pointer: at,
        message: `Too long: ${typeof value === 'string' ? value.length : '?'} characters, at most ${String(params.limit)} allowed`,
      };
    case 'minItems':
      return { pointer: at, message: `Needs at least ${String(params.limit)} ${params.limit === 1 ? 'entry' : 'entries'}` };
    case 'minimum':
      return { pointer: at, message: `${showValue(value)} is below the smallest allowed value, ${String(params.limit)}` };
    case 'maximum':
      return { pointer: at, message: `${showValue(value)} is above the largest allowed value, ${String(params.limit)}` };
    default:
      return { pointer: at, message: error.message ?? `Fails the schema rule “${error.keyword}”` };
  }
}

const victimFields = ['person', 'organization', 'group'];

function describeVictimChoice(error: ErrorObject): ExchangeProblem {
  const named = victimFields.filter((field) => error.data && typeof error.data === 'object' && field in error.data);
  const which = named.length === 0 ? 'this one names none' : `this one names ${named.map((f) => `“${f}”`).join(' and ')}`;
  return { pointer: error.instancePath, message: `A victim is exactly one of “person”, “organization” or “group”; ${which}` };
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
      problems.push({ pointer: error.instancePath, message: 'Must match exactly one of the alternatives the format allows here' });
    } else {
      // Every anyOf in the schema is "this, or null": the non-null branch says what was expected.
      const telling = branches.find((branch) => !(branch.keyword === 'type' && branch.params.type === 'null'));
      problems.push(telling ? describe(telling) : { pointer: error.instancePath, message: `${showValue(error.data)} is not allowed here` });
    }
  }
  flush();
  return problems;
}
