import 'server-only';
/**
 * Content comparison for idempotent imports: a record counts as unchanged when the values it would
 * get equal the values it has. Object keys are compared regardless of order, because jsonb returns
 * its keys in its own order (labels written {ru, en} come back {en, ru}).
 */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

export function sameContent(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

/** True when any of the wanted values differs from the current row's. */
export function differs<T extends object>(current: T, wanted: Partial<T>): boolean {
  return (Object.keys(wanted) as (keyof T)[]).some((key) => !sameContent(current[key], wanted[key]));
}

/** Splits a list into slices small enough for one statement's parameters and one progress step. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const slices: T[][] = [];
  for (let start = 0; start < items.length; start += size) slices.push(items.slice(start, start + size));
  return slices;
}
