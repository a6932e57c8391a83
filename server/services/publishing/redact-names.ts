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
export type ProtectedName = { name: string; label: string };

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

/** Builds one redactor for a set of protected names; longest names first so a full name wins over its parts. */
export function nameRedactor(names: ProtectedName[]): (text: string | null) => string | null {
  const replacements = new Map<string, string>();
  for (const { name, label } of names) {
    const full = name.trim().toLocaleLowerCase();
    if (full && !replacements.has(full)) replacements.set(full, label);
    for (const part of nameParts(name.trim())) {
      const key = part.toLocaleLowerCase();
      if (!replacements.has(key)) replacements.set(key, label);
    }
  }
  if (!replacements.size) return (text) => text;
  const terms = [...replacements.keys()].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(${terms.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  return (text) => (text === null ? null : text.replace(pattern, (match) => replacements.get(match.toLocaleLowerCase()) ?? 'Protected person'));
}
