import 'server-only';
import { createHash } from 'node:crypto';
import type { PublicSource } from '@/db/schema/public';
import type { ExportRow } from './export-rows';

/**
 * The refs of the public JSON export and the records its incidents reference. Refs are made from the
 * records themselves, so that an incident and the list that holds its person agree without anything
 * remembered between them.
 */

/** The first 20 hex digits of the SHA-256 of the parts as JSON. */
const digest = (parts: (string | null)[]) => createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 20);

/**
 * The same persons and sources recur across incidents: their refs are remembered, each kind under a key
 * that is cheap to make (a bounded number: names are public, the refs deterministic). A source's key
 * joins its parts with NUL, which no text of the database holds, each marked as null (n) or text (s).
 */
function remembered<T>(key: (value: T) => string, make: (value: T) => string): (value: T) => string {
  const refs = new Map<string, string>();
  return (value) => {
    const k = key(value);
    let ref = refs.get(k);
    if (ref === undefined) {
      ref = make(value);
      if (refs.size >= 50_000) refs.clear();
      refs.set(k, ref);
    }
    return ref;
  };
}
const part = (text: string | null) => (text === null ? 'n' : `s${text}`);

/** A protected person's ref comes from the incident and the label's place, never from the name. */
export const protectedRef = (incidentId: string, index: number) => `person:protected-${incidentId}-${index}`;
export const personRef = remembered((name: string) => name, (name) => `person:${digest(['person', name])}`);
export const organizationRef = remembered((name: string) => name, (name) => `org:${digest(['organization', name])}`);
export const sourceRef = remembered(
  (s: PublicSource) => `${part(s.title)}\0${part(s.publisher)}\0${part(s.publishedOn)}\0${part(s.referenceCode)}\0${part(s.url)}`,
  (s) => `source:${digest([s.title, s.publisher, s.publishedOn, s.referenceCode, s.url])}`,
);

export type ProtectedPersonRecord = { ref: string; name: string; categories: string[]; confidential: true };

/** Each protected person of an incident as the persons list holds it: the label the read model has instead of a name. */
export function protectedPersonsOf(row: Pick<ExportRow, 'incidentId' | 'victims'>): ProtectedPersonRecord[] {
  let index = 0;
  return row.victims.flatMap((victim) =>
    victim.kind === 'person' && victim.protected
      ? [{ ref: protectedRef(row.incidentId, ++index), name: victim.name, categories: [...(victim.categories ?? [])].sort(), confidential: true as const }]
      : [],
  );
}

/** In the order of the database's "C" collation: by UTF-8 bytes. */
const byBytes = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

/**
 * The persons (protected ones aside: see export-json.ts), organizations and sources the incidents
 * reference, gathered as the incidents are written from their lines (export-json-object.ts,
 * referencedLines), so that the lists after them need no second reading of every incident (each such
 * reading walked a million incidents' jsonb again: about four seconds a list). A line seen before is
 * skipped as it is, unparsed. Only up to `bound` lines, to keep the export's memory bounded: past it,
 * `complete` turns false, what was gathered is let go, and the lists are read from the database as before.
 */
export class ReferencedRecords {
  complete = true;
  private lines = new Set<string>();

  constructor(private readonly bound = 200_000) {}

  /** An incident's lines. */
  add(lines: string): void {
    if (!this.complete || lines === '') return;
    for (const line of lines.split('\n')) this.lines.add(line);
    if (this.lines.size > this.bound) {
      this.complete = false;
      this.lines.clear();
    }
  }

  /** The gathered records by kind: a named person's categories are those of every line of the name. */
  private records() {
    if (this.parsed) return this.parsed;
    const persons = new Map<string, Set<string>>();
    const organizations = new Set<string>();
    const sources = new Map<string, PublicSource>();
    for (const line of this.lines) {
      const value: unknown = JSON.parse(line.slice(1));
      if (line[0] === 'p') {
        const [name, categories] = value as [string, string[]];
        let known = persons.get(name);
        if (!known) persons.set(name, (known = new Set()));
        for (const category of categories) known.add(category);
      } else if (line[0] === 'o') organizations.add(value as string);
      else {
        const [ref, source] = value as [string, PublicSource];
        sources.set(ref, source);
      }
    }
    this.parsed = { persons, organizations, sources };
    return this.parsed;
  }
  private parsed?: { persons: Map<string, Set<string>>; organizations: Set<string>; sources: Map<string, PublicSource> };

  organizationRecords() {
    return [...this.records().organizations].sort(byBytes).map((name) => ({ ref: organizationRef(name), name }));
  }

  /** The persons other than protected ones, by name. */
  namedPersonRecords() {
    const { persons } = this.records();
    return [...persons.keys()].sort(byBytes).map((name) => ({ ref: personRef(name), name, categories: [...persons.get(name)!].sort(), confidential: false }));
  }

  sourceRecords() {
    return [...this.records().sources].sort(([a], [b]) => byBytes(a, b)).map(([ref, source]) => sourceRecord(ref, source));
  }
}

export const sourceRecord = (ref: string, source: PublicSource) => ({
  ref,
  title: source.title,
  publisher: source.publisher,
  published_on: source.publishedOn,
  reference_code: source.referenceCode,
  url: source.url,
});
