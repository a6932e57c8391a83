import 'server-only';
import pino from 'pino';

/**
 * The server's structured log: one JSON object per line on stdout, with the request id where there
 * is one. What never goes in: search text, record content, names, passwords, tokens, request bodies
 * or query strings (a confidential name typed into a search would otherwise sit in the log for
 * years). Log fields, not messages built from input.
 */
export const log = pino({
  level: process.env.LOG_LEVEL ?? 'info',
  base: { app: 'hrd-monitor' },
  // A last line of defence for fields that must never be written, should someone log a whole object.
  redact: { paths: ['password', 'token', 'input', 'body', '*.password', '*.token', '*.input', '*.body', 'headers.cookie', 'headers.authorization'], censor: '[withheld]' },
});

/**
 * What may be said about a failure: its kind, the database's SQLSTATE and where in the code, but
 * not its message, which for a failed query holds the query's parameters (the values typed in).
 */
export function describeFailure(error: unknown): { name: string; sqlstate?: string; at?: string[] } {
  const seen = new Set<unknown>();
  let current: unknown = error;
  let sqlstate: string | undefined;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) sqlstate = code;
    current = (current as { cause?: unknown }).cause;
  }
  const stack = error instanceof Error ? (error.stack ?? '') : '';
  const at = stack
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 5)
    .map((line) => line.trim());
  return { name: error instanceof Error ? error.name : typeof error, ...(sqlstate ? { sqlstate } : {}), ...(at.length ? { at } : {}) };
}
