/**
 * Free text (titles, summaries, source titles) often names people. Before text goes public, every
 * confidential person's full name and each part of it is replaced by their neutral label: hiding a
 * namesake's first name is a smaller harm than revealing a protected person's surname.
 *
 * Only parts that look like a proper name are redacted on their own. Records of people whose name
 * is not known are descriptive ("Husband of the KNPRK press secretary", "Vladimir (son of Larisa
 * Kharkova)"): redacting "the", an organization's acronym or the public mother named in brackets
 * would garble every public text without protecting anyone, since the description as a whole is
 * still replaced wherever it appears.
 */
export type ProtectedName = { name: string; label: string; aliases?: string[] };

/** One protected form found in a text: where (offsets in the original text), what was written, and what replaces it. */
export type Replacement = { start: number; end: number; found: string; label: string };

/** What publication needs of a set of protected names: find them, replace them, and tell whether an address names one. */
export type NameDetector = {
  redact: (text: string | null) => string | null;
  find: (text: string) => Replacement[];
  namesIn: (url: string) => boolean;
};

/** Words that describe a relation or a role rather than name someone (English, Russian, Kazakh). */
const descriptiveWords = new Set([
  'husband', 'wife', 'son', 'daughter', 'brother', 'sister', 'mother', 'father', 'relative', 'child', 'children',
  'witness', 'unknown', 'unnamed', 'anonymous', 'member', 'members', 'lawyer', 'journalist', 'activist', 'mr', 'mrs', 'ms', 'dr',
  'муж', 'жена', 'сын', 'дочь', 'брат', 'сестра', 'мать', 'отец', 'родственник', 'родственница', 'свидетель', 'свидетельница',
  'неизвестный', 'неизвестная', 'адвокат', 'журналист', 'активист', 'активистка',
  'күйеуі', 'әйелі', 'ұлы', 'қызы', 'ағасы', 'інісі', 'әпкесі', 'анасы', 'әкесі', 'куәгер',
]);

/** A proper name part: a capital letter then lower-case letters (not an acronym, not a common word). */
const namePart = /^\p{Lu}[\p{Ll}'’]+$/u;

function nameParts(name: string): string[] {
  const outsideBrackets = name.replace(/\([^)]*\)|\[[^\]]*\]/gu, ' ');
  const words = outsideBrackets
    .split(/[\s\-‐,;:]+/u)
    .map((part) => part.replace(/^[.'’"«»]+|[.'’"«»]+$/gu, ''))
    .filter((part) => part.length >= 3);
  // A plain name ("KHARKOVA Larisa", "Ержан Елшибаев"): every part, capitals or not.
  const descriptive = words.some((part) => !/^\p{Lu}/u.test(part) || descriptiveWords.has(part.toLocaleLowerCase()));
  if (!descriptive) return words;
  // A description: only what looks like a proper name in it.
  return words.filter((part) => namePart.test(part) && !descriptiveWords.has(part.toLocaleLowerCase()));
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Builds one detector for a set of protected names; longest names first so a full name wins over its parts. */
export function nameDetector(names: ProtectedName[]): NameDetector {
  const replacements = new Map<string, string>();
  for (const { name, label, aliases = [] } of names) {
    for (const spelling of [name, ...aliases]) {
      const full = spelling.trim().toLocaleLowerCase();
      if (full && !replacements.has(full)) replacements.set(full, label);
      for (const part of nameParts(spelling.trim())) {
        const key = part.toLocaleLowerCase();
        if (!replacements.has(key)) replacements.set(key, label);
      }
    }
  }
  if (!replacements.size) return { redact: (text) => text, find: () => [], namesIn: () => false };
  const terms = [...replacements.keys()].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(${terms.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  const labelOf = (match: string) => replacements.get(match.toLocaleLowerCase()) ?? 'Protected person';
  const find = (text: string): Replacement[] =>
    [...text.matchAll(pattern)].map((m) => ({ start: m.index, end: m.index + m[0].length, found: m[0], label: labelOf(m[0]) }));
  const redact = (text: string | null) => (text === null ? null : text.replace(pattern, labelOf));
  return { redact, find, namesIn: (url) => find(url).length > 0 };
}

/** The redaction alone, for callers that only replace. */
export function nameRedactor(names: ProtectedName[]): (text: string | null) => string | null {
  return nameDetector(names).redact;
}
