import 'server-only';
import { hasNul } from '@/common/database-values';
import { pointerTo, problemAt, type ExchangeProblem } from './problems';

/**
 * Text anywhere in the file (a value, or a name in a free-form object such as labels) that holds NUL:
 * PostgreSQL refuses it in text and JSON alike, so an import would fail half-way with a server error.
 * Walks the raw document, so it holds for every field, including ones added to the format later.
 * `at` places a part of a file (one record of a streamed export) in the file its pointers name.
 */
export function checkText(doc: unknown, at: (string | number)[] = []): ExchangeProblem[] {
  const problems: ExchangeProblem[] = [];
  const walk = (value: unknown, segments: (string | number)[]) => {
    if (typeof value === 'string') {
      if (hasNul(value)) problems.push(problemAt(pointerTo(...segments), 'problem.exchange.nul'));
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => walk(item, [...segments, index]));
    } else if (value !== null && typeof value === 'object') {
      for (const [name, item] of Object.entries(value)) {
        if (hasNul(name)) problems.push(problemAt(pointerTo(...segments, name), 'problem.exchange.nulInName'));
        walk(item, [...segments, name]);
      }
    }
  };
  walk(doc, at);
  return problems;
}
