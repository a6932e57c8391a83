import 'server-only';
/**
 * Folds one word, written in Cyrillic (Russian or Kazakh) or in any usual Latin transliteration, to
 * one key: Харькова, Khar'kova, KHARKOVA and Harkova all give the same key, and so do Елеусинов,
 * Yeleusinov and Eleussinov. Comparing keys finds every spelling without listing spellings.
 *
 * The key is deliberately lossy (и, ы, і, й, y all become "i"; doubled letters become one): a
 * namesake's word hidden by mistake is a smaller harm than a protected name left readable. The
 * sounds that transliteration schemes write with several Latin letters get one symbol each
 * (ʒ ж, ʧ ч, ʃ ш/щ, χ х/һ, ʦ ц), which no rule maps further, so folding a key again changes nothing.
 */

const cyrillic: Record<string, string> = {
  а: 'a', ә: 'a', б: 'b', в: 'v', г: 'g', ғ: 'g', д: 'd', е: 'e', ё: 'e', ж: 'ʒ', з: 'z', и: 'i', й: 'i',
  і: 'i', к: 'k', қ: 'k', л: 'l', м: 'm', н: 'n', ң: 'n', о: 'o', ө: 'o', п: 'p', р: 'r', с: 's', т: 't',
  у: 'u', ұ: 'u', ү: 'u', ф: 'f', х: 'χ', һ: 'χ', ц: 'ʦ', ч: 'ʧ', ш: 'ʃ', щ: 'ʃ', ъ: '', ы: 'i', ь: '',
  э: 'e', ю: 'iu', я: 'ia',
  // Latin letters of Kazakh alphabets that do not decompose into a base letter and a mark.
  ı: 'i', ş: 'sh', ç: 'ch', ə: 'a', ñ: 'ng',
};

const vowels = new Set(['a', 'e', 'i', 'o', 'u']);
const apostrophes = new Set(["'", '’', 'ʼ', 'ʹ', '`', 'ʻ', '‘']);

/** Cyrillic to Latin letters, marks dropped (ä ö ü ū ğ é… become their base letter). */
function toLatin(word: string): string {
  let out = '';
  for (const char of word.toLowerCase()) out += cyrillic[char] ?? char;
  return out.normalize('NFD').replace(/\p{M}/gu, '');
}

/**
 * Latin spellings of one sound, longest first (нғ is "ngh" in BGN/PCGN and folds like нг; "ng" is ң,
 * which folds to n as passports write it, so that Маңғыстау, Mangystau and Мангистау agree).
 */
const spellings: [string, string][] = [
  ['shch', 'ʃ'], ['dzh', 'ʒ'], ['sch', 'ʃ'], ['tch', 'ʧ'], ['ngh', 'n'], ['zh', 'ʒ'], ['dj', 'ʒ'], ['dʒ', 'ʒ'],
  ['kh', 'χ'], ['ch', 'ʧ'], ['sh', 'ʃ'], ['ts', 'ʦ'], ['tz', 'ʦ'], ['gh', 'g'], ['ng', 'n'],
  ['h', 'χ'], ['x', 'ks'], ['q', 'k'], ['w', 'v'], ['c', 'k'], ['y', 'i'],
];

/** Latin digraphs of the transliteration schemes to one symbol each; y, j, q, w, x to their sounds. */
function toSounds(latin: string): string {
  let out = '';
  for (let i = 0; i < latin.length; ) {
    const char = latin[i]!;
    const before = out[out.length - 1];
    if (apostrophes.has(char)) {
      i += 1;
      continue;
    }
    // "yo" after a consonant is ё (Fyodor, Semyon, Pyotr), which Russian usually writes е.
    if (latin.startsWith('yo', i) && before !== undefined && !vowels.has(before)) {
      out += 'e';
      i += 2;
      continue;
    }
    // -ij at the end is -ий in the German and Polish manner (Jurij); otherwise j is ж (Kazakh Latin 2021).
    if (char === 'j') {
      out += before === 'i' && i === latin.length - 1 ? '' : 'ʒ';
      i += 1;
      continue;
    }
    const spelling = spellings.find(([written]) => latin.startsWith(written, i));
    out += spelling ? spelling[1] : char;
    i += spelling ? spelling[0].length : 1;
  }
  return out;
}

/** Doubled letters are one (Eleussinov); "ie" is "e" (Yeleusinov, Alekseyev, Natal'ye, Марией/Mariyey). */
function settle(sounds: string): string {
  return single(single(sounds).replaceAll('ie', 'e'));
}

function single(text: string): string {
  let out = '';
  for (const char of text) if (char !== out[out.length - 1]) out += char;
  return out;
}

const cache = new Map<string, string>();

/**
 * Latin c is к in English-style spellings (Nicolai) but ц in Polish, Czech and the 2017 Kazakh Latin
 * drafts (Coi, Cvetkova). The key reads it as к; this second reading, as ц, is asked for only when a
 * word holds a c outside ch, so a Cyrillic к never matches a protected ц (қой is not Цой).
 */
export function foldToKeyWithCAsTs(word: string): string | null {
  if (!/c(?!h)/iu.test(word)) return null;
  return foldToKey(word.replace(/c(?!h)/giu, 'ц'));
}

/** The key of one word. Remembered, because the same words come back in every text. */
export function foldToKey(word: string): string {
  let key = cache.get(word);
  if (key === undefined) {
    key = settle(toSounds(toLatin(word)));
    if (cache.size > 200_000) cache.clear();
    cache.set(word, key);
  }
  return key;
}
