import 'server-only';
import { declinedKeys } from './declension';
import { foldToKey, foldToKeyWithCAsTs } from './fold';
import { initialsAround } from './initials';
import { protectedParts } from './name-parts';

/**
 * Finds protected names in a text: first every spelling written out in full (a description such as
 * "Husband of the KNPRK press secretary" is protected only as a whole), then every word whose key
 * (fold.ts) is a form of a protected part (declension.ts). Neighbouring words of the same person
 * ("KHARKOVA Larisa", "Ларисой Харьковой") become one replacement.
 */

export type NameToProtect = { name: string; label: string; aliases?: string[] };
export type Found = { start: number; end: number; found: string; label: string };

/** A word: letters, marks and digits (a reference like KAZ-12 names no one, but a saved name may hold digits), with apostrophes inside (Khar'kova, O'Brien). */
const word = /[\p{L}\p{M}\p{N}]+(?:['’ʼʹ][\p{L}\p{M}\p{N}]+)*/gu;
/** What may stand between two words of one name written out: spaces or a hyphen, never a full stop or a line break (two sentences). */
const withinOneName = /^[ \t\u00a0\-‐‑]+$/u;
/** An English possessive or contraction after a name (KHARKOVA's). */
const possessive = /['’]s$/iu;

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function buildMatcher(names: readonly NameToProtect[]): (text: string) => Found[] {
  const labelOfKey = new Map<string, string>();
  const labelOfSpelling = new Map<string, string>();
  const initialsOfLabel = new Map<string, Set<string>>();
  for (const { name, label, aliases = [] } of names) {
    const initials = initialsOfLabel.get(label) ?? new Set<string>();
    initialsOfLabel.set(label, initials);
    for (const spelling of [name, ...aliases]) {
      const full = spelling.trim();
      if (!full) continue;
      if (/\s/u.test(full) && !labelOfSpelling.has(full.toLocaleLowerCase())) labelOfSpelling.set(full.toLocaleLowerCase(), label);
      for (const part of protectedParts(full)) {
        initials.add(foldToKey(part).charAt(0));
        // Kazakh ң is often simply left out by those who cannot type it (Жеңіс → Жеис).
        const spellings = /ң/iu.test(part) ? [part, part.replace(/ң/giu, '')] : [part];
        for (const spelling of spellings) {
          for (const key of declinedKeys(spelling)) if (key.length >= 3 && !labelOfKey.has(key)) labelOfKey.set(key, label);
        }
      }
    }
  }
  if (!labelOfKey.size && !labelOfSpelling.size) return () => [];
  const spellings = [...labelOfSpelling.keys()].sort((a, b) => b.length - a.length);
  const spelled = spellings.length ? new RegExp(`(?<![\\p{L}\\p{N}])(${spellings.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'giu') : null;

  const labelOf = (written: string) => {
    const label = labelOfKey.get(foldToKey(written));
    if (label !== undefined) return label;
    const asTs = foldToKeyWithCAsTs(written);
    return asTs === null ? undefined : labelOfKey.get(asTs);
  };

  return (text) => {
    const found: Found[] = [];
    if (spelled) {
      for (const m of text.matchAll(spelled)) {
        found.push({ start: m.index, end: m.index + m[0].length, found: m[0], label: labelOfSpelling.get(m[0].toLocaleLowerCase()) ?? 'Protected person' });
      }
    }
    let nextSpelled = 0;
    const words: Found[] = [];
    for (const m of text.matchAll(word)) {
      const start = m.index;
      let end = start + m[0].length;
      // A word inside a spelling already found belongs to that find.
      while (nextSpelled < found.length && found[nextSpelled]!.end <= start) nextSpelled += 1;
      if (nextSpelled < found.length && found[nextSpelled]!.start < end) continue;
      let label = labelOf(m[0]);
      if (label === undefined && possessive.test(m[0])) {
        label = labelOf(m[0].slice(0, -2));
        end -= 2;
      }
      if (label !== undefined) words.push({ start, end, found: text.slice(start, end), label });
    }
    const joined = join(text, [...found, ...words].sort((a, b) => a.start - b.start));
    return joined.map((find) => initialsAround(text, find, initialsOfLabel.get(find.label)));
  };
}

/** Neighbouring finds of one person separated only by spaces or hyphens become one. */
function join(text: string, finds: Found[]): Found[] {
  const joined: Found[] = [];
  for (const find of finds) {
    const last = joined[joined.length - 1];
    if (last && last.label === find.label && withinOneName.test(text.slice(last.end, find.start))) {
      last.end = find.end;
      last.found = text.slice(last.start, last.end);
    } else joined.push({ ...find });
  }
  return joined;
}
