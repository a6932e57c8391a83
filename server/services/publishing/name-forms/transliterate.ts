import 'server-only';
/**
 * Cyrillic (Russian and Kazakh) to Latin as real documents write names: BGN/PCGN (used by the UN
 * and English-language press: Khar'kova, Yeleusinov), the passport scheme of ICAO Doc 9303
 * (KHARKOVA, ELEUSINOV, IAKOV) and Kazakhstan's Latin alphabet of 2021 (Harkova, Qasymūly). The
 * detector does not use these tables (it folds words to keys instead); tests and leak canaries use
 * them to write names the way monitors and documents do.
 */

export type Scheme = 'bgn' | 'icao' | 'kz2021';

const common: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', з: 'z', и: 'i', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p',
  р: 'r', с: 's', т: 't', у: 'u', ф: 'f', ы: 'y', э: 'e',
};

const tables: Record<Scheme, Record<string, string>> = {
  bgn: {
    ...common, е: 'e', ё: 'ë', ж: 'zh', й: 'y', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '”', ь: '’', ю: 'yu', я: 'ya',
    ә: 'ä', ғ: 'gh', қ: 'q', ң: 'ng', ө: 'ö', ұ: 'ū', ү: 'ü', һ: 'h', і: 'i',
  },
  icao: {
    ...common, е: 'e', ё: 'e', ж: 'zh', й: 'i', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: 'ie', ь: '', ю: 'iu', я: 'ia',
    ә: 'a', ғ: 'g', қ: 'k', ң: 'n', ө: 'o', ұ: 'u', ү: 'u', һ: 'h', і: 'i',
  },
  kz2021: {
    ...common, е: 'e', ё: 'io', ж: 'j', й: 'i', х: 'h', ц: 'ts', ч: 'ch', ш: 'ş', щ: 'şş', ъ: '', ь: '', ю: 'iu', я: 'ia',
    ы: 'y', ә: 'ä', ғ: 'ğ', қ: 'q', ң: 'ñ', ө: 'ö', ұ: 'ū', ү: 'ü', һ: 'h', і: 'ı',
  },
};

const vowels = new Set('аәеёиоөуұүыіэюя');

/** BGN/PCGN writes е and ё as ye and yë at the start of a word and after a vowel, ъ or ь. */
function bgnInitial(char: string, before: string | undefined): string | null {
  if (char !== 'е' && char !== 'ё') return null;
  if (before === undefined || vowels.has(before) || before === 'ъ' || before === 'ь') return char === 'е' ? 'ye' : 'yë';
  return null;
}

export function transliterate(text: string, scheme: Scheme): string {
  const table = tables[scheme];
  let out = '';
  const chars = [...text];
  chars.forEach((original, index) => {
    const char = original.toLowerCase();
    const beforeChar = chars[index - 1]?.toLowerCase();
    const before = beforeChar && /\p{L}/u.test(beforeChar) ? beforeChar : undefined;
    const latin = (scheme === 'bgn' ? bgnInitial(char, before) : null) ?? table[char];
    if (latin === undefined) out += original;
    else if (original !== char && latin) out += latin[0]!.toUpperCase() + latin.slice(1);
    else out += latin;
  });
  return out;
}
