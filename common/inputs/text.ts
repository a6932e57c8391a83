import { z } from 'zod';
import { hasNul } from '../database-values';
import './problems';

/**
 * Text that people type or paste, and that the database stores or searches. PostgreSQL cannot hold
 * the NUL character (U+0000) in text or JSON; it arrives invisibly with text pasted from some PDFs
 * and programs, and would otherwise fail the save with a server error. Every string input is built
 * from `userText` (or is already held to a pattern that cannot match NUL, such as a uuid or a code).
 */

/** The problem code of the issue; the form and the server word it in the reader's language. */
export const nulProblem = 'text.controlCharacter';
/** Its English wording, as the server's field messages say it. */
export const nulMessage = 'Contains an invisible control character (often pasted from a PDF or another program) that cannot be saved; delete it or type the text again';

/**
 * A string that refuses NUL before anything else (so the message says what is really wrong); chain
 * .trim(), .min(), .max(), .regex() on it as on z.string(). `message` replaces the field message
 * where another wording is wanted (the public API's terse "must …" style).
 */
export function userText(options: { required?: string; message?: string } = {}) {
  return z.string(options.required).refine((text) => !hasNul(text), { message: options.message ?? nulProblem, abort: true });
}

/** Optional text up to `max` characters: empty and missing both become null. */
export function optionalText(max: number) {
  return userText()
    .trim()
    .max(max)
    .nullish()
    .transform((value) => (value ? value : null));
}

/** Search text from an address bar: a NUL (which no record can contain) is dropped rather than failing the page. */
export function searchTextOf(text: string): string {
  return text.split(String.fromCharCode(0)).join('');
}

/**
 * A web address as people type it: "rferl.org/a/123" means https://rferl.org/a/123, so a missing
 * scheme is completed rather than refused. Anything but http(s) (javascript:, data:, mailto:) is
 * refused, because the address becomes a link.
 */
export function webAddress(max = 2000) {
  return optionalText(max)
    .transform((value) => (value && !/^[a-z][a-z0-9+.-]*:/i.test(value) ? `https://${value.replace(/^\/+/, '')}` : value))
    .refine((value) => !value || (/^https?:\/\/[^\s/?#]+\.[^\s/?#]/i.test(value) && !/\s/.test(value)), 'A web address, e.g. https://example.org/page');
}
