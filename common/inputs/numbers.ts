import { z } from 'zod';
import { largestInteger } from '../database-values';
import type { ProblemCode } from '../i18n/problems';

/**
 * Whole numbers that name a row or a version. They must fit the column they are compared with: a
 * number past PostgreSQL's `integer` (2,147,483,647) is refused by the database with a server
 * error, so it is refused here first, beside its field.
 */

/**
 * A whole number from `min` to `max`. One check states every way of missing it (not a number, a
 * fraction, out of range) as one problem code with the range, worded in the reader's language.
 */
export function databaseInteger(options: { min: number; max: number; problem: Extract<ProblemCode, `number.${string}`> }) {
  const { min, max, problem } = options;
  return z.custom<number>((value) => typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max, {
    message: problem,
    params: { minimum: min, maximum: max },
  });
}

/** The id of a row numbered by a `serial` column (legal events, interventions). */
export const serialId = databaseInteger({ min: 1, max: largestInteger, problem: 'number.recordNumber' });

/** The id of a row numbered by a `bigserial` column (comments, notifications, the audit log); a JavaScript number stays exact up to 2^53 - 1. */
export const bigSerialId = databaseInteger({ min: 1, max: Number.MAX_SAFE_INTEGER, problem: 'number.recordNumber' });

/** The version an edit starts from: versions count up from 1 in an `integer` column. */
export const versionNumber = databaseInteger({ min: 1, max: largestInteger, problem: 'number.versionNumber' });
