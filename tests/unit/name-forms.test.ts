import { describe, expect, it } from 'vitest';
import { foldToKey } from '@/server/services/publishing/name-forms/fold';
import { transliterate, type Scheme } from '@/server/services/publishing/name-forms/transliterate';
import { nameDetector } from '@/server/services/publishing/redact-names';

/**
 * The detector against the forms real documents write, with names from public reports on
 * Kazakhstan (Larisa Kharkova, the Eleusinov and Kushakbaev cases, Mamay). Each row is a text
 * written by someone who never saw the name as it was saved; the detector must find the form.
 */

const schemes: Scheme[] = ['bgn', 'icao', 'kz2021'];

function foundIn(names: Parameters<typeof nameDetector>[0], text: string): string[] {
  return nameDetector(names)
    .find(text)
    .map((r) => text.slice(r.start, r.end));
}

const table: { name: string; aliases?: string[]; forms: string[] }[] = [
  {
    name: 'Лариса Харькова',
    forms: [
      'Харькова', 'Харьковой', 'Харькову', 'Харьковою', 'Харьков', 'Харькованың', 'Харьковаға', 'Харьковамен', 'Харьковадан',
      'Kharkova', "Khar'kova", 'Khar’kova', 'Harkova', 'KHARKOVA', 'Kharkovoy', 'Kharkovoi', 'Kharkovu',
      'Лариса', 'Ларисы', 'Ларисе', 'Ларису', 'Ларисой', 'Larisa', 'LARISA', 'Larisy', 'Larisoy', 'Ларисаның',
    ],
  },
  {
    name: 'Larisa Kharkova',
    forms: ['Харькова', 'Харьковой', 'Харькову', 'ХАРЬКОВОЙ', 'Харькованың', 'Лариса', 'Ларисой'],
  },
  {
    name: 'Елеусинов',
    forms: [
      'Елеусинов', 'Елеусинова', 'Елеусинову', 'Елеусиновым', 'Елеусинове', 'Елеусиновой', 'Елеусіновке', 'Елеусіновтің',
      'Елеусиновтің', 'Елеусіновпен', 'Елеусіновқа', 'Eleusinov', 'Yeleusinov', 'Eleussinov', 'Yeleussinov', 'ELEUSINOV',
      'Yeleusinova', 'Yeleusinovym',
    ],
  },
  {
    name: 'Kushakbaev',
    forms: ['Кушакбаев', 'Кушакбаева', 'Кушакбаеву', 'Кушакбаевым', 'Kushakbayev', 'Kushakbaeva', 'Құшақбаев', 'Qushaqbaev', 'Кушакбаевтың', 'KUSHAKBAYEV'],
  },
  { name: 'Мамай', forms: ['Мамай', 'Мамая', 'Мамаю', 'Мамаем', 'Мамае', 'Mamay', 'Mamai', 'MAMAY', 'Mamaya', 'Mamayu', 'Мамайдың', 'Мамайға'] },
  {
    name: 'Ерлан Қасымұлы',
    forms: ['Қасымұлы', 'Касымулы', 'Kassymuly', 'Kasymuly', 'Qasymūly', 'Qasymuly', 'QASYMULY', 'Қасымұлының', 'Қасымұлына', 'Ерланға', 'Ерланом', 'Yerlan', 'Erlan'],
  },
  { name: 'Айгүл Асанқызы', forms: ['Асанқызы', 'Асанкызы', 'Asankyzy', 'Asanqyzy', 'ASANKYZY', 'Асанқызының', 'Асанқызына', 'Айгүлдің'] },
  { name: 'Ким Али', forms: ['Ким', 'Кима', 'Киму', 'Kim', 'KIM', 'Али', 'Ali', 'ALI'] },
  { name: 'Ковалевская', forms: ['Ковалевская', 'Ковалевской', 'Ковалевскую', 'Kovalevskaya', 'Kovalevskaia', 'Ковалевский', 'Ковалевского', 'Kovalevsky', 'Kovalevskiy'] },
  { name: 'Наталья', forms: ['Натальи', 'Наталье', 'Наталью', 'Натальей', 'Natalya', 'Natalia', "Natal'ya"] },
  { name: 'Фёдор Семёнов', forms: ['Федор', 'Fyodor', 'Fedor', 'Семенов', 'Semyonov', 'Semenov', 'Семенова'] },
  // A role word does not make the rest of the name less of a name; nor do capitals.
  { name: 'Witness Aigul Zhakenova', forms: ['Zhakenova', 'Жакенова', 'Жакеновой', 'Aigul', 'Айгүл', 'Айгуль', 'Айгүлге'] },
  { name: 'Witness ZHAKENOVA Aigul', forms: ['Zhakenova', 'Жакеновой', 'Aigul'] },
  // A name typed in small letters is still a name.
  { name: 'larisa kharkova', forms: ['Kharkova', 'Харьковой', 'Larisa'] },
  // An alias in another script or a maiden name is protected like the name.
  { name: 'Dana K.', aliases: ['Дана Сейтова'], forms: ['Сейтовой', 'Seitova', 'Seytova', 'Dana', 'Дана'] },
];

describe('the name detector finds every written form of a protected name', () => {
  for (const { name, aliases, forms } of table) {
    for (const form of forms) {
      it(`${name}: «${form}»`, () => {
        const text = `Report: ${form} was detained on 12 May.`;
        expect(foundIn([{ name, aliases, label: 'Protected person 1' }], text)).toEqual([form]);
      });
    }
  }

  it('finds the Cyrillic forms written in BGN/PCGN, ICAO 9303 and the 2021 Kazakh Latin alphabet, in any capitals', () => {
    for (const { name, forms } of table.filter((row) => /[а-яәғқңөұүһі]/iu.test(row.name))) {
      for (const form of forms.filter((f) => /[а-яәғқңөұүһі]/iu.test(f))) {
        for (const scheme of schemes) {
          for (const written of [transliterate(form, scheme), transliterate(form, scheme).toUpperCase()]) {
            expect(foundIn([{ name, label: 'P' }], `about ${written} today`), `${form} → ${written} (${scheme})`).toEqual([written]);
          }
        }
      }
    }
  });

  it('folds a key to itself, so that a stem and an ending can be folded together', () => {
    for (const form of table.flatMap((row) => row.forms)) expect(foldToKey(foldToKey(form)), form).toBe(foldToKey(form));
  });

  it('replaces a name written out in full by one label, with offsets into the original text', () => {
    const detector = nameDetector([{ name: 'Лариса Харькова', label: 'Protected person 1' }]);
    const text = 'Суд над KHARKOVA Larisa; позже Ларисой Харьковой заинтересовался КНБ.';
    const found = detector.find(text);
    expect(found.map((r) => r.found)).toEqual(['KHARKOVA Larisa', 'Ларисой Харьковой']);
    for (const r of found) expect(text.slice(r.start, r.end)).toBe(r.found);
    expect(detector.redact(text)).toBe('Суд над Protected person 1; позже Protected person 1 заинтересовался КНБ.');
  });

  it('keeps sentences apart: a name ending one sentence and starting the next is two replacements', () => {
    const detector = nameDetector([{ name: 'Лариса Харькова', label: 'Protected person 1' }]);
    expect(detector.redact('Суд над Харьковой. Харькованың ісі.\nLarisa')).toBe('Суд над Protected person 1. Protected person 1 ісі.\nProtected person 1');
  });

  it('gives each person their own label', () => {
    const detector = nameDetector([
      { name: 'Лариса Харькова', label: 'Protected person 1' },
      { name: 'Kushakbaev', label: 'Protected person 2' },
    ]);
    expect(detector.redact('Харькову и Кушакбаева вызвали в суд')).toBe('Protected person 1 и Protected person 2 вызвали в суд');
  });
});

describe('the name detector leaves everything else alone', () => {
  const detector = nameDetector([
    { name: 'Лариса Харькова', label: 'Protected person 1' },
    { name: 'Мамай', label: 'Protected person 2' },
    { name: 'Ерлан Қасымұлы', label: 'Protected person 3' },
    { name: 'Witness Aigul Zhakenova', label: 'Protected person 4' },
    { name: 'Kushakbaev', label: 'Protected person 5' },
    { name: 'Ким Али', label: 'Protected person 6' },
  ]);
  const untouched = [
    'Kharkovsky district court',
    'Харьковская область',
    'Мама и папа пришли в суд',
    'Мамаев курган',
    'Ларионов дал показания',
    'The witness was a member of the union; the son of the lawyer spoke to the press.',
    'Свидетель, сын и брат адвоката пришли в суд.',
    'Куәгер мен оның ұлы сотқа келді.',
    'Касым пришёл, Kushak is a belt.',
    'Public defender Ержан Ахметов spoke for the union.',
    'Protected person 1 and Protected person 2 were detained.',
    'Әлем жаңалықтары: an ale, a kimono, Алем, alike; алынған.',
  ];
  for (const text of untouched) {
    it(`«${text}»`, () => {
      expect(detector.find(text)).toEqual([]);
      expect(detector.redact(text)).toBe(text);
    });
  }

  it('does not match its own labels again: redacting twice changes nothing more', () => {
    const people = nameDetector([{ name: 'Witness Person Aigul', label: 'Protected person 1' }, { name: 'Лариса Харькова', label: 'Protected person 2' }]);
    const once = people.redact('Ларисой Харьковой и AIGUL заинтересовались')!;
    expect(once).toBe('Protected person 2 и Protected person 1 заинтересовались');
    expect(people.redact(once)).toBe(once);
  });
});

describe('addresses that name a protected person', () => {
  const detector = nameDetector([
    { name: 'Лариса Харькова', label: 'Protected person 1' },
    { name: 'Елеусинов', label: 'Protected person 2' },
  ]);
  const naming = [
    'https://example.org/news/larisa-kharkova-sentenced',
    'https://example.org/news/Larisa_Kharkova.html',
    'https://example.org/search?q=%D0%A5%D0%B0%D1%80%D1%8C%D0%BA%D0%BE%D0%B2%D0%BE%D0%B9',
    'https://example.org/search?q=%25D0%25A5%25D0%25B0%25D1%2580%25D1%258C%25D0%25BA%25D0%25BE%25D0%25B2%25D0%25BE%25D0%25B9',
    'https://example.org/search?q=larisa+kharkova',
    'https://example.org/ru/delo-yeleusinova/',
    'https://example.org/KHARKOVA.pdf',
    'https://example.org/LarisaKharkova',
    'example.org/articles/harkovanyn-isi',
    'https://example.org/2017/kharkova2017-verdict',
  ];
  const notNaming = [
    'https://example.org/news/union-leader-sentenced',
    'https://example.org/kharkovsky-district/',
    'https://example.org/search?q=%D1%81%D1%83%D0%B4',
    'https://example.org/%E0%A4%A',
  ];
  for (const url of naming) it(`finds the name in ${url}`, () => expect(detector.namesIn(url)).toBe(true));
  for (const url of notNaming) it(`finds no name in ${url}`, () => expect(detector.namesIn(url)).toBe(false));
});
