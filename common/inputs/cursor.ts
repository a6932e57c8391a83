import { z } from 'zod';
import { isDatabaseDay, isDatabaseMoment } from '../database-values';

/**
 * Keyset cursors of the workspace lists: the position after the last row of a page, opaque to
 * clients (base64url JSON). A cursor comes back from a client, who may have edited it, so every part
 * is checked to be a value the database accepts before it reaches a query: a real date or moment
 * within PostgreSQL's range (year 0 or month 13 would otherwise fail the query with a server error)
 * and a strict uuid.
 */

export const cursorDay = z.string().refine(isDatabaseDay, 'field.format');
export const cursorMoment = z.string().refine(isDatabaseMoment, 'field.format');

// atob/btoa rather than Buffer: the schemas that check cursors are also bundled for the browser.
// The contents are dates and uuids, so the JSON is plain ASCII.
export function encodeCursor(value: unknown): string {
  return btoa(JSON.stringify(value)).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

/** The cursor's contents checked against `shape`, or null when it is not a cursor of that shape. */
export function decodeCursor<T extends z.ZodType>(text: string, shape: T): z.infer<T> | null {
  if (!/^[A-Za-z0-9_-]{1,500}$/.test(text)) return null;
  try {
    const parsed = shape.safeParse(JSON.parse(atob(text.replaceAll('-', '+').replaceAll('_', '/'))));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
