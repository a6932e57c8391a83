import { z } from 'zod';
import { largestInteger } from '../database-values';

/**
 * Whole numbers that name a row or a version. They must fit the column they are compared with: a
 * number past PostgreSQL's `integer` (2,147,483,647) is refused by the database with a server
 * error, so it is refused here first with a message instead.
 */

/** A whole number from `min` to `max`, with messages a person can read. */
export function databaseInteger(options: { min: number; max: number; what: string }) {
  const { min, max, what } = options;
  const message = `Not ${what} (a whole number from ${min.toLocaleString('en')} to ${max.toLocaleString('en')})`;
  return z.number(message).int(message).min(min, message).max(max, message);
}

/** The id of a row numbered by a `serial` column (legal events, interventions). */
export const serialId = databaseInteger({ min: 1, max: largestInteger, what: 'a record number' });

/** The id of a row numbered by a `bigserial` column (comments, notifications, the audit log); a JavaScript number stays exact up to 2^53 - 1. */
export const bigSerialId = databaseInteger({ min: 1, max: Number.MAX_SAFE_INTEGER, what: 'a record number' });

/** The version an edit starts from: versions count up from 1 in an `integer` column. */
export const versionNumber = databaseInteger({ min: 1, max: largestInteger, what: 'a version of this record' });
