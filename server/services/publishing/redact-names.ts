/**
 * Free text (titles, summaries, source titles) often names people. Before text goes public, every
 * confidential person's full name and each part of it is replaced by their neutral label: hiding a
 * namesake's first name is a smaller harm than revealing a protected person's surname.
 */
export type ProtectedName = { name: string; label: string };

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Builds one redactor for a set of protected names; longest names first so a full name wins over its parts. */
export function nameRedactor(names: ProtectedName[]): (text: string | null) => string | null {
  const replacements = new Map<string, string>();
  for (const { name, label } of names) {
    const full = name.trim().toLocaleLowerCase();
    if (full && !replacements.has(full)) replacements.set(full, label);
    for (const part of full.split(/[\s\-‐]+/u)) {
      if (part.length >= 3 && !replacements.has(part)) replacements.set(part, label);
    }
  }
  if (!replacements.size) return (text) => text;
  const terms = [...replacements.keys()].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(${terms.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  return (text) => (text === null ? null : text.replace(pattern, (match) => replacements.get(match.toLocaleLowerCase()) ?? 'Protected person'));
}
