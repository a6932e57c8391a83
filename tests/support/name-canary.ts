import { randomInt } from 'node:crypto';
import { en } from '@/common/i18n/en';
import { transliterate } from '@/server/services/publishing/name-forms/transliterate';

/**
 * A confidential person's name that can be declined and transliterated like a real one, yet appears
 * nowhere else: a random Russian-looking surname (stem + -ова) and first name (stem + -а). Its
 * letters are written the same in every Latin scheme (no е, ж, х, й…), so that the stems, in
 * Cyrillic and Latin and in three capitalisations, are canaries that catch every form of the name.
 */

const consonants = ['б', 'д', 'к', 'л', 'м', 'н', 'р', 'с', 'т'];
const vowels = ['а', 'и', 'о', 'у'];

/** Letters whose Latin form is not a hexadecimal digit: a stem starting with one never matches inside an id. */
const notHex = ['к', 'л', 'м', 'н', 'р', 'с', 'т'];

function stem(syllables: number): string {
  let out = notHex[randomInt(notHex.length)]!;
  for (let i = 0; i < syllables; i += 1) out += (i === 0 ? '' : consonants[randomInt(consonants.length)]!) + vowels[randomInt(vowels.length)]!;
  out += consonants[randomInt(consonants.length)]!;
  return out[0]!.toUpperCase() + out.slice(1);
}

export type NameCanary = {
  /** The name as saved: «Сомира Кумаритова». */
  name: string;
  /** The forms the texts write, declined, transliterated and capitalised. */
  forms: {
    nominative: string;
    russianInstrumental: string;
    russianDative: string;
    firstNameGenitive: string;
    firstNameInstrumental: string;
    kazakhGenitive: string;
    kazakhDative: string;
    bgnInstrumental: string;
    passportCapitals: string;
    kazakhLatinGenitive: string;
    slug: string;
    encodedQuery: string;
  };
  /** Strings that must never be public: the stems in Cyrillic and Latin, any capitalisation. */
  stems: string[];
};

/**
 * The interface's own English words, lower-cased: a stem that is a word the public pages print
 * anyway («Тотал» is "Total") would be found there without any leak.
 */
const interfaceText = JSON.stringify(Object.values(en)).toLowerCase();

/** A stem whose Latin form the interface never prints. */
function unusedStem(syllables: number): string {
  for (;;) {
    const candidate = stem(syllables);
    if (!interfaceText.includes(transliterate(candidate, 'icao').toLowerCase())) return candidate;
  }
}

export function nameCanary(): NameCanary {
  const surnameStem = `${unusedStem(3)}ов`;
  const firstStem = unusedStem(2);
  const surname = `${surnameStem}а`;
  const first = `${firstStem}а`;
  const latin = (text: string) => transliterate(text, 'icao');
  const stems = [surnameStem, firstStem].flatMap((s) => [s, latin(s)]).flatMap((s) => [s, s.toUpperCase(), s.toLowerCase()]);
  return {
    name: `${first} ${surname}`,
    forms: {
      nominative: surname,
      russianInstrumental: `${surnameStem}ой`,
      russianDative: `${surnameStem}у`,
      firstNameGenitive: `${firstStem}ы`,
      firstNameInstrumental: `${firstStem}ой`,
      kazakhGenitive: `${surname}ның`,
      kazakhDative: `${surname}ға`,
      bgnInstrumental: transliterate(`${surnameStem}ой`, 'bgn'),
      passportCapitals: `${transliterate(surname, 'icao').toUpperCase()} ${transliterate(first, 'icao')}`,
      kazakhLatinGenitive: transliterate(`${surname}ның`, 'kz2021'),
      slug: `${latin(first)}-${latin(surname)}-sentenced`.toLowerCase(),
      encodedQuery: encodeURIComponent(`${surnameStem}ой`),
    },
    stems: [...new Set(stems)],
  };
}
