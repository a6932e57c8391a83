import 'server-only';
import { nameDetector, type NameDetector, type ProtectedName } from './redact-names';

/** A person a record names, as the projection needs them: protected or not, and every spelling. */
export type NamedPerson = { id: string; name: string; aliases: string[]; protected: boolean };
/** A confidential person of the owning organization (named or not in this record). */
export type ConfidentialPerson = { id: string; name: string; aliases: string[] };

export type Protection = {
  /** The neutral label of each protected person of the record, numbered in the record's order. */
  labels: Map<string, string>;
  detector: NameDetector;
};

/**
 * Who is protected in one record and how they are called outside: each protected person of the
 * record gets "Protected person N" in the order the record lists them, and every confidential person
 * of the organization is replaced wherever the text names them (by their label when the record has
 * one, else "Protected person").
 */
export function protectionFor(people: NamedPerson[], confidential: ConfidentialPerson[]): Protection {
  const labels = new Map<string, string>();
  for (const person of people) {
    if (person.protected && !labels.has(person.id)) labels.set(person.id, `Protected person ${labels.size + 1}`);
  }
  const names: ProtectedName[] = [
    ...people.flatMap((p) => (labels.has(p.id) ? [{ name: p.name, label: labels.get(p.id)!, aliases: p.aliases }] : [])),
    ...confidential.map((p) => ({ name: p.name, label: labels.get(p.id) ?? 'Protected person', aliases: p.aliases })),
  ];
  return { labels, detector: nameDetector(names) };
}
