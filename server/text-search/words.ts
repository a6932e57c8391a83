import 'server-only';
import { foldToKey } from '../services/publishing/name-forms/fold';

/**
 * The words of a search, and of the records searched, as keys that meet across scripts and word
 * forms. A key is fold.ts's key of the word (Харькова, Kharkova and Harkova give one), written in
 * plain ASCII letters so PostgreSQL's `simple` text-search parser keeps it whole; a stem is the key
 * with Russian and Kazakh endings taken off (Харьковой, Kharkova → kharkov; Шымкентте, Shymkent →
 * shymkent), applied alike to the record's words and the query's, so two forms of a word meet.
 *
 * The stem is blunt on purpose: a search that finds a little too much ranks the exact words first
 * (the `russian` configuration keeps its own, finer Russian and English stemming beside it), while
 * a search that misses a spelling hides a record from the monitor looking for it.
 */

/** fold.ts writes the sounds that Latin spells with two letters as one symbol; here each takes a letter fold.ts never leaves in a key. */
const ascii: Record<string, string> = { ʒ: 'j', ʧ: 'q', ʃ: 'w', χ: 'x', ʦ: 'c' };

/** A word: letters, marks and digits, with apostrophes inside (Khar'kova). */
const wordPattern = /[\p{L}\p{M}\p{N}]+(?:['’ʼ][\p{L}\p{M}\p{N}]+)*/gu;

/** An English possessive after a name (Kharkova's) is the name. */
const possessive = /['’]s$/iu;

export function bareWord(word: string): string {
  return word.replace(possessive, '');
}

export function wordsOf(text: string): string[] {
  return (text.match(wordPattern) ?? []).map(bareWord);
}

/** The key of one word, in ASCII letters and digits (other scripts' letters pass through). */
export function searchKey(word: string): string {
  let out = '';
  for (const char of foldToKey(word)) out += ascii[char] ?? char;
  return out;
}

/** Russian noun and adjective endings and Kazakh case, possessive and plural endings, as keys, longest first. */
const endings = [
  ...['ами', 'ями', 'ого', 'его', 'ому', 'ему', 'ыми', 'ими', 'ой', 'ей', 'ом', 'ем', 'ам', 'ям', 'ах', 'ях', 'ым', 'им'],
  ...['ую', 'ая', 'ое', 'ые', 'ых', 'их', 'ий', 'ый', 'а', 'я', 'ы', 'и', 'е', 'у', 'ю'],
  ...['ның', 'нің', 'дың', 'дің', 'тың', 'тің', 'ға', 'ге', 'қа', 'ке', 'на', 'не', 'ны', 'ні', 'ды', 'ді', 'ты', 'ті'],
  ...['да', 'де', 'та', 'те', 'нда', 'нде', 'дан', 'ден', 'тан', 'тен', 'нан', 'нен', 'мен', 'бен', 'пен'],
  ...['дағы', 'дегі', 'тағы', 'тегі', 'лар', 'лер', 'дар', 'дер', 'тар', 'тер', 'сы', 'сі', 'ым', 'ің'],
]
  .map(searchKey)
  .filter((ending, index, all) => ending && all.indexOf(ending) === index)
  .sort((a, b) => b.length - a.length);

/** A stem keeps at least this many letters, so a short word is never cut to a fragment many words share. */
const shortestStem = 4;

/**
 * Every stem of a key: the key with one ending taken off, then another, up to three (Алматыдағы →
 * almatidagi → almati → almat, as Almaty → almati → almat). All of them, not one: which ending a
 * word has is ambiguous once doubled letters are one (Шымкентте and Шымкенте both fold to
 * wimkente, "-те" or "-е"), and a record meets a query when they share a stem.
 */
export function stemsOf(key: string): string[] {
  const stems = new Set<string>([key]);
  let round = [key];
  for (let depth = 0; depth < 3 && round.length; depth += 1) {
    const next: string[] = [];
    for (const stem of round) {
      for (const ending of endings) {
        // An ending that begins with the stem's last letter shares it (Шымкент + тегі → wimkentegi).
        const shared = stem.endsWith(ending.slice(1)) && stem.at(-ending.length) === ending[0];
        for (const cut of [stem.endsWith(ending) ? ending.length : 0, shared ? ending.length - 1 : 0]) {
          if (!cut || stem.length - cut < shortestStem) continue;
          const shorter = stem.slice(0, -cut);
          if (!stems.has(shorter)) next.push(shorter);
          stems.add(shorter);
        }
      }
    }
    round = next;
  }
  return [...stems];
}

const cache = new Map<string, string[]>();

/** A word's key and its stems (the key first), remembered: the same words come back in every record. */
export function keysOfWord(word: string): string[] {
  // A number is its own key (case numbers, years): no folding, no endings, and not remembered.
  if (/^[0-9]+$/.test(word)) return [word];
  let keys = cache.get(word);
  if (keys === undefined) {
    const key = searchKey(word);
    keys = key ? stemsOf(key) : [];
    if (cache.size > 200_000) cache.clear();
    cache.set(word, keys);
  }
  return keys;
}

/** What a record's text adds to its search document: every word's key and stems, each once. */
export function documentKeys(text: string): string {
  const keys = new Set<string>();
  for (const word of wordsOf(text)) for (const key of keysOfWord(word)) keys.add(key);
  return [...keys].join(' ');
}

export type QueryWord = { word: string; key: string; stems: string[] };

/** At most this many words of a query count: a pasted paragraph is not a search. */
const mostWords = 8;

/** The words of a query with their keys; words without letters or digits are dropped. */
export function queryWords(query: string): QueryWord[] {
  const words: QueryWord[] = [];
  for (const word of wordsOf(query).slice(0, mostWords)) {
    // The same keys as a record's words (keysOfWord): a number must not be folded on one side only.
    const [key, ...stems] = keysOfWord(word);
    if (key) words.push({ word: word.toLowerCase(), key, stems: [key, ...stems] });
  }
  return words;
}
