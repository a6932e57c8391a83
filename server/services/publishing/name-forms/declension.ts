import 'server-only';
import { foldToKey } from './fold';

/**
 * The declined forms of one part of a name, as keys (see fold.ts). Russian declines names by
 * changing the ending (Харькова → Харьковой, Харькову; Лариса → Ларисы, Ларисой; Ковалевский →
 * Ковалевского); Kazakh adds case endings to the whole name (Харькованың, Елеусіновке,
 * Қасымұлына), in every variant of vowel harmony since writers do not agree on it for Russian names.
 */

/** Russian endings of nouns and of adjective-like surnames (-ский), both numbers; the stem takes them. */
const russianEndings = [
  'а', 'я', 'ы', 'и', 'е', 'у', 'ю', 'ой', 'ей', 'ою', 'ею', 'ом', 'ем', 'ам', 'ям', 'ами', 'ями', 'ах', 'ях',
  'ым', 'им', 'ого', 'его', 'ому', 'ему', 'ую', 'юю', 'ая', 'яя', 'ое', 'ее', 'ые', 'ие', 'ых', 'их', 'ыми', 'ими',
  'ий', 'ый',
];

/** Kazakh case endings (genitive, dative, accusative, locative, ablative, instrumental) and plurals. */
const kazakhEndings = [
  'ның', 'нің', 'дың', 'дің', 'тың', 'тің', 'ға', 'ге', 'қа', 'ке', 'на', 'не', 'ны', 'ні', 'ды', 'ді', 'ты', 'ті', 'н',
  'да', 'де', 'та', 'те', 'нда', 'нде', 'дан', 'ден', 'тан', 'тен', 'нан', 'нен', 'мен', 'бен', 'пен',
  'дағы', 'дегі', 'тағы', 'тегі', 'лар', 'лер', 'дар', 'дер', 'тар', 'тер', 'ша', 'ше', 'сы', 'сі',
];

/** The endings of a feminine first name in -а/-я (Анна → Анны, Анне, Анну, Анной, Анною). */
const feminineEndings = ['ы', 'и', 'е', 'у', 'ю', 'ой', 'ей', 'ою', 'ею'];

/** Surname families whose feminine adds -a to the masculine (Харьков/Харькова, Елеусинов/Елеусинова, Ахметшин/Ахметшина). */
const familyStem = /(ov|ev|in|iʃ)$/u;
/** Adjective-like surnames: -ский/-ская, -цкий/-цкая (keys end in ski, skaia, ʦki, ʦkaia). */
const adjectiveName = /(s|ʦ)k(i|aia|oi)$/u;

/** A shortened stem is only used for a part long enough that stem plus ending cannot be a short common word. */
const shortestStem = 3;
const shortestDeclinablePart = 5;

/**
 * Keys of every form of one name part. `part` is the part as written in the name (its length in
 * letters decides whether a shortened stem is safe).
 */
export function declinedKeys(part: string): Set<string> {
  const key = foldToKey(part);
  const keys = new Set<string>([key]);
  const letters = [...part.replace(/[^\p{L}]/gu, '')].length;
  const add = (stem: string, endings: readonly string[]) => {
    for (const ending of endings) {
      const form = foldToKey(stem + ending);
      // A short name whose ending merges into it (Али + ем → "alem", as Kazakh әлем) would match common words.
      if (letters < shortestDeclinablePart && form !== stem + foldToKey(ending)) continue;
      keys.add(form);
    }
  };
  // A name of three letters with a Kazakh ending is too often a common word (Али + нан → алынған, "taken").
  if (letters > 3) add(key, kazakhEndings);
  add(key, russianEndings);

  let stem: string | null = null;
  let bareStemIsAName = false;
  if (adjectiveName.test(key)) stem = key.replace(/(i|aia|oi)$/u, '');
  else if (key.endsWith('ia')) stem = key.slice(0, -2);
  else if (key.endsWith('a')) {
    stem = key.slice(0, -1);
    bareStemIsAName = familyStem.test(stem);
  } else if (familyStem.test(key)) {
    // A masculine surname: the feminine form and its Kazakh cases (Елеусинова, Елеусиновага).
    add(key + 'а', kazakhEndings);
  }
  // A four-letter first name (Анна, Дана, Нина) declines too, but only as a feminine noun does: its stem
  // is too short (анн folds to "an") for every ending to be safe.
  if (stem !== null && letters === shortestDeclinablePart - 1 && key.endsWith('a') && !bareStemIsAName) add(stem, feminineEndings);
  if (stem !== null && stem.length >= shortestStem && letters >= shortestDeclinablePart) {
    add(stem, russianEndings);
    if (bareStemIsAName) {
      // The masculine of a feminine surname is the same family name (Харькова → Харьков, Харькову).
      keys.add(stem);
      add(stem, kazakhEndings);
    }
  }
  return keys;
}
