import 'server-only';
import type { NameDetector, Replacement } from './redact-names';
import type { Treatment } from './public-fields';

/**
 * The one piece of code that takes fields out of the workspace: it reads a table's declaration
 * (public-fields.ts) and applies each declared treatment to the row's fields. A field the
 * declaration does not name is left out, whatever the caller passed.
 */

/** What one treatment did to one text, for the reviewer's preview of the public text. */
export type ProjectedText = {
  /** `table.column`, e.g. `incidents.title`, `sources.url`. */
  field: string;
  original: string;
  /** What the public (or another organization) reads; null when the value is left out. */
  shown: string | null;
  replacements: Replacement[];
};

export type ProjectionContext = {
  detector: NameDetector;
  /** The neutral label of the person whose row this is, when they are protected (`labelled` fields). */
  label?: string | null;
  /** Renders mentions (common/mentions.ts) as the reader outside may read them, before the detector sees the text. */
  render?: (text: string) => string;
  /** Receives every text that a treatment changed or checked, when someone wants to see it (the preview). */
  record?: (entry: ProjectedText) => void;
};

type Declared = { out: Partial<Record<string, Treatment>> };
/** Only declared fields may be passed in; the types say so, and the code skips any other at run time. */
type OnlyDeclared<D extends Declared, R> = R & { [K in Exclude<keyof R, keyof D['out']>]: never };

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/** A place no finer than what is known: a locality only at locality precision or finer, coordinates coarsened. */
function generalize(field: string, value: unknown, precision: unknown, redacted: (text: string) => string | null): unknown {
  if (value === null || value === undefined) return null;
  const fine = precision === 'exact' || precision === 'locality';
  if (field === 'lat' || field === 'lon') {
    if (typeof value !== 'number') return null;
    if (precision === 'exact') return round(value, 4);
    if (precision === 'locality') return round(value, 2);
    return null;
  }
  // A locality (or any other place text): dropped below its precision, redacted above it.
  return fine && typeof value === 'string' ? redacted(value) : null;
}

export function projectFields<D extends Declared, R extends Record<string, unknown>>(
  table: string,
  declaration: D,
  row: OnlyDeclared<D, R>,
  context: ProjectionContext,
): R {
  const { detector, record } = context;
  const redacted = (field: string, written: string): string | null => {
    const text = context.render ? context.render(written) : written;
    const shown = detector.redact(text);
    if (record) record({ field: `${table}.${field}`, original: text, shown, replacements: detector.find(text) });
    return shown;
  };
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(row)) {
    const how = declaration.out[field];
    if (!how) continue;
    if (value === null || value === undefined) {
      out[field] = value;
      continue;
    }
    switch (how) {
      case 'copied':
        out[field] = value;
        break;
      case 'redacted':
        out[field] = typeof value === 'string' ? redacted(field, value) : null;
        break;
      case 'labelled': {
        const label = context.label;
        if (label && typeof value === 'string') {
          record?.({ field: `${table}.${field}`, original: value, shown: label, replacements: [{ start: 0, end: value.length, found: value, label }] });
          out[field] = label;
        } else {
          // A person who is not protected is named as written: the preview shows that too.
          if (typeof value === 'string') record?.({ field: `${table}.${field}`, original: value, shown: value, replacements: [] });
          out[field] = typeof value === 'string' ? value : null;
        }
        break;
      }
      case 'generalized':
        out[field] = generalize(field, value, row.locationPrecision, (text) => redacted(field, text));
        // A place text left out (finer than the known precision): the preview says so.
        if (out[field] === null && typeof value === 'string') record?.({ field: `${table}.${field}`, original: value, shown: null, replacements: detector.find(value) });
        break;
      case 'droppedIfNamed': {
        const named = typeof value !== 'string' || detector.namesIn(value);
        if (named && typeof value === 'string') record?.({ field: `${table}.${field}`, original: value, shown: null, replacements: detector.find(value) });
        out[field] = named ? null : value;
        break;
      }
    }
  }
  return out as R;
}
