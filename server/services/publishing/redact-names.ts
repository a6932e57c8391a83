import 'server-only';
import { addressWords } from './name-forms/address';
import { buildMatcher } from './name-forms/matcher';

/**
 * Free text (titles, summaries, source titles) often names people. Before text goes public, every
 * confidential person's name, each part of it and every form of those parts is replaced by their
 * neutral label: declined in Russian or Kazakh (Харьковой, Харькованың), transliterated (Kharkova,
 * Khar'kova, Harkova), in capitals (KHARKOVA). Hiding a namesake's first name is a smaller harm than
 * revealing a protected person's surname. How forms are recognised is in ./name-forms/.
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

/** Builds one detector for a set of protected names; when two names share a form, the first one's label is used. */
export function nameDetector(names: ProtectedName[]): NameDetector {
  const find: (text: string) => Replacement[] = buildMatcher(names);
  const redact = (text: string | null) => {
    if (text === null) return null;
    let out = '';
    let at = 0;
    for (const replacement of find(text)) {
      out += text.slice(at, replacement.start) + replacement.label;
      at = replacement.end;
    }
    return out + text.slice(at);
  };
  const namesSomeone = (text: string) => find(text).length > 0;
  return { redact, find, namesIn: (url) => namesSomeone(url) || addressWords(url).some(namesSomeone) };
}

/** The redaction alone, for callers that only replace. */
export function nameRedactor(names: ProtectedName[]): (text: string | null) => string | null {
  return nameDetector(names).redact;
}
