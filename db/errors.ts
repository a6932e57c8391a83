/**
 * Recognises PostgreSQL's refusal of a value, whichever driver raised it: postgres.js
 * (PostgresError) and PGlite (DatabaseError) both carry the SQLSTATE as `code`, and Drizzle wraps
 * either as the `cause` of a DrizzleQueryError (tRPC wraps once more).
 */

/**
 * The "data exception" codes (SQLSTATE class 22) that a value from outside provokes: text that is
 * not a number, date or uuid, a number or date out of range, a character the database cannot hold,
 * text too long for its column, a malformed search pattern. Others of the class, such as division
 * by zero, come from the server's own queries and stay server errors.
 */
const refusedValueCodes = new Set([
  '22001', // string_data_right_truncation: longer than the column allows
  '22003', // numeric_value_out_of_range
  '22007', // invalid_datetime_format
  '22008', // datetime_field_overflow
  '22009', // invalid_time_zone_displacement_value
  '22015', // interval_field_overflow
  '22019', // invalid_escape_character
  '22021', // character_not_in_repertoire: e.g. NUL in text
  '22025', // invalid_escape_sequence
  '2201B', // invalid_regular_expression
  '22P02', // invalid_text_representation: e.g. "abc" for a uuid or an integer
  '22P05', // untranslatable_character: e.g. \u0000 in JSON
]);

function isDatabaseError(value: unknown): value is { code: string; severity?: unknown } {
  return typeof value === 'object' && value !== null && typeof (value as { code?: unknown }).code === 'string' && 'severity' in value;
}

/** The SQLSTATE of the first database error in the error or its causes that `codes` holds; null otherwise. */
function databaseCode(error: unknown, codes: Set<string>): string | null {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth++) {
    if (isDatabaseError(current) && codes.has(current.code)) return current.code;
    current = typeof current === 'object' ? (current as { cause?: unknown }).cause : undefined;
  }
  return null;
}

/** The SQLSTATE when the error, or one of its causes, is the database refusing a value; null otherwise. */
export function refusedValueCode(error: unknown): string | null {
  return databaseCode(error, refusedValueCodes);
}

/** Whether the error, or one of its causes, is a statement stopped by its statement_timeout (query_canceled). */
export function isStatementTimeout(error: unknown): boolean {
  return databaseCode(error, new Set(['57014'])) !== null;
}
