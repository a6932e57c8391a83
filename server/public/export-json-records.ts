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
 * reference, gathered as the incidents are written, so that the lists after them need no second reading of every incident (each such reading
 * walked a million incidents' jsonb again: about four seconds a list). Only up to `bound` records,
 * to keep the export's memory bounded: past it, `complete` turns false, what was gathered is let go,
 * and the lists are read from the database as before.
 */
export class ReferencedRecords {
  complete = true;
  private count = 0;
  private persons = new Map<string, Set<string>>();
  private organizations = new Set<string>();
  private sources = new Map<string, PublicSource>();

  constructor(private readonly bound = 200_000) {}

  /** An incident, and the refs of its sources (made once, for its object too). */
  add(row: Pick<ExportRow, 'victims' | 'sources'>, sourceRefs: string[]): void {
    if (!this.complete) return;
    for (const victim of row.victims) {
      if (victim.kind === 'person' && !victim.protected) {
        let categories = this.persons.get(victim.name);
        if (!categories) {
          categories = new Set();
          this.persons.set(victim.name, categories);
          this.count++;
        }
        for (const category of victim.categories ?? []) categories.add(category);
      } else if (victim.kind === 'organization' && !this.organizations.has(victim.name)) {
        this.organizations.add(victim.name);
        this.count++;
      }
    }
    row.sources.forEach((source, index) => {
      const ref = sourceRefs[index]!;
      if (!this.sources.has(ref)) {
        this.sources.set(ref, source);
        this.count++;
      }
    });
    if (this.count > this.bound) {
      this.complete = false;
      this.persons.clear();
      this.organizations.clear();
      this.sources.clear();
    }
  }

  organizationRecords() {
    return [...this.organizations].sort(byBytes).map((name) => ({ ref: organizationRef(name), name }));
  }

  /** The persons other than protected ones, by name. */
  namedPersonRecords() {
    return [...this.persons.keys()].sort(byBytes).map((name) => ({ ref: personRef(name), name, categories: [...this.persons.get(name)!].sort(), confidential: false }));
  }

  sourceRecords() {
    return [...this.sources].sort(([a], [b]) => byBytes(a, b)).map(([ref, source]) => sourceRecord(ref, source));
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
