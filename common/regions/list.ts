/**
 * Kazakhstan's regions (oblys) and cities of republican significance, once: their ISO 3166-2:KZ
 * codes, their names in English, Russian and Kazakh, and the other spellings found in records
 * (transliterations, "Region" or "oblast" or none, former names of the same unit). An incident
 * stores the code; the label is chosen by the reader's language (./index.ts).
 *
 * The codes are the numeric ones ISO 3166-2 has used since 2020 (they are the first two digits of
 * the national KATO codes), with the three regions created on 8 June 2022: Abai (KZ-10, out of
 * East Kazakhstan), Zhetysu (KZ-33, out of Almaty Region) and Ulytau (KZ-62, out of Karaganda).
 *
 * Historical names, as decided here:
 *  - A rename of the same unit is a spelling of today's entry (Nur-Sultan is Astana, Alma-Ata is Almaty).
 *  - A unit that kept its code but lost territory in 2022 (East Kazakhstan, Almaty Region, Karaganda)
 *    stays one entry: a record from before 2022 coded KZ-63 means East Kazakhstan as it then was,
 *    the same way ISO and the statistics office read it.
 *  - A unit that ceased to exist is its own entry with its old ISO code and `until`, and is never
 *    silently relabelled: South Kazakhstan Region (KZ-YUZ) became Turkistan Region and the city of
 *    Shymkent on 19 June 2018, so an incident recorded there is shown as South Kazakhstan Region
 *    (as its sources say), and `became` tells what it is now. Calling it "Turkistan Region" would
 *    put incidents of Shymkent in the wrong place.
 * Baikonur, leased to Russia, has no ISO code: it stays free text.
 */

export type RegionKind = 'region' | 'city';

export type RegionEntry = {
  code: string;
  kind: RegionKind;
  labels: { en: string; ru: string; kk: string };
  /** Other spellings that mean this entry; the labels count as spellings too. */
  names: string[];
  /** For a unit that no longer exists: the day it ended, and the codes of what it became. */
  until?: string;
  became?: string[];
};

export const kazakhstanRegions: readonly RegionEntry[] = [
  { code: 'KZ-10', kind: 'region', labels: { en: 'Abai Region', ru: 'Абайская область', kk: 'Абай облысы' }, names: ['Abay Region', 'Abay oblysy', 'область Абай'] },
  { code: 'KZ-11', kind: 'region', labels: { en: 'Akmola Region', ru: 'Акмолинская область', kk: 'Ақмола облысы' }, names: ['Aqmola oblysy'] },
  {
    code: 'KZ-15',
    kind: 'region',
    labels: { en: 'Aktobe Region', ru: 'Актюбинская область', kk: 'Ақтөбе облысы' },
    names: ['Aqtöbe oblysy', 'Aktyubinsk Region', 'Актобе'],
  },
  { code: 'KZ-19', kind: 'region', labels: { en: 'Almaty Region', ru: 'Алматинская область', kk: 'Алматы облысы' }, names: ['Almaty oblysy'] },
  { code: 'KZ-23', kind: 'region', labels: { en: 'Atyrau Region', ru: 'Атырауская область', kk: 'Атырау облысы' }, names: ['Atyraū oblysy'] },
  {
    code: 'KZ-27',
    kind: 'region',
    labels: { en: 'West Kazakhstan Region', ru: 'Западно-Казахстанская область', kk: 'Батыс Қазақстан облысы' },
    names: ['Batys Qazaqstan oblysy', 'Western Kazakhstan Region'],
  },
  {
    code: 'KZ-31',
    kind: 'region',
    labels: { en: 'Jambyl Region', ru: 'Жамбылская область', kk: 'Жамбыл облысы' },
    names: ['Zhambyl Region', 'Zhambyl oblysy', 'Dzhambul Region'],
  },
  {
    code: 'KZ-33',
    kind: 'region',
    labels: { en: 'Zhetysu Region', ru: 'Жетысуская область', kk: 'Жетісу облысы' },
    names: ['Jetisu Region', 'Zhetisu Region', 'Zhetisū oblysy', 'область Жетысу', 'область Жетісу'],
  },
  {
    code: 'KZ-35',
    kind: 'region',
    labels: { en: 'Karaganda Region', ru: 'Карагандинская область', kk: 'Қарағанды облысы' },
    names: ['Karagandy Region', 'Qaraghandy oblysy', 'Караганда'],
  },
  {
    code: 'KZ-39',
    kind: 'region',
    labels: { en: 'Kostanay Region', ru: 'Костанайская область', kk: 'Қостанай облысы' },
    names: ['Qostanay oblysy', 'Kostanai Region', 'Kustanay Region'],
  },
  { code: 'KZ-43', kind: 'region', labels: { en: 'Kyzylorda Region', ru: 'Кызылординская область', kk: 'Қызылорда облысы' }, names: ['Qyzylorda oblysy', 'Кызылорда'] },
  {
    code: 'KZ-47',
    kind: 'region',
    labels: { en: 'Mangystau Region', ru: 'Мангистауская область', kk: 'Маңғыстау облысы' },
    names: ['Mangghystaū oblysy', 'Mangistau Region', 'Mangyshlak Region', 'Мангыстауская область'],
  },
  { code: 'KZ-55', kind: 'region', labels: { en: 'Pavlodar Region', ru: 'Павлодарская область', kk: 'Павлодар облысы' }, names: [] },
  {
    code: 'KZ-59',
    kind: 'region',
    labels: { en: 'North Kazakhstan Region', ru: 'Северо-Казахстанская область', kk: 'Солтүстік Қазақстан облысы' },
    names: ['Soltüstik Qazaqstan oblysy', 'Northern Kazakhstan Region'],
  },
  {
    code: 'KZ-61',
    kind: 'region',
    labels: { en: 'Turkistan Region', ru: 'Туркестанская область', kk: 'Түркістан облысы' },
    names: ['Turkestan Region', 'Türkistan oblysy'],
  },
  { code: 'KZ-62', kind: 'region', labels: { en: 'Ulytau Region', ru: 'Улытауская область', kk: 'Ұлытау облысы' }, names: ['Ulytaū oblysy', 'область Улытау', 'область Ұлытау'] },
  {
    code: 'KZ-63',
    kind: 'region',
    labels: { en: 'East Kazakhstan Region', ru: 'Восточно-Казахстанская область', kk: 'Шығыс Қазақстан облысы' },
    names: ['Shyghys Qazaqstan oblysy', 'Eastern Kazakhstan Region'],
  },
  { code: 'KZ-71', kind: 'city', labels: { en: 'Astana', ru: 'Астана', kk: 'Астана' }, names: ['Nur-Sultan', 'Нур-Султан', 'Нұр-Сұлтан'] },
  { code: 'KZ-75', kind: 'city', labels: { en: 'Almaty', ru: 'Алматы', kk: 'Алматы' }, names: ['Alma-Ata', 'Алма-Ата'] },
  { code: 'KZ-79', kind: 'city', labels: { en: 'Shymkent', ru: 'Шымкент', kk: 'Шымкент' }, names: ['Chimkent', 'Чимкент'] },
  {
    code: 'KZ-YUZ',
    kind: 'region',
    labels: { en: 'South Kazakhstan Region', ru: 'Южно-Казахстанская область', kk: 'Оңтүстік Қазақстан облысы' },
    names: ['Ongtüstik Qazaqstan oblysy', 'Southern Kazakhstan Region', 'Chimkent Region'],
    until: '2018-06-19',
    became: ['KZ-61', 'KZ-79'],
  },
];
