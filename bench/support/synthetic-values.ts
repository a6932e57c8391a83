/**
 * The values bench/public-generate.ts draws its synthetic incidents from (regions, names, the
 * fixture's vocabulary), and the SQL that draws them: the same choice for the same incident on
 * every run, so that two generated collections of one size are alike.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const personCount = 20_000;
export const sourceCount = 5_000;

export const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;
export const textArray = (values: string[]) => `ARRAY[${values.map(quote).join(',')}]::text[]`;

// Regions of Kazakhstan with a rough centre; repeated entries make the busier ones likelier.
const regions: [string, number, number, number][] = [
  ['Almaty', 43.24, 76.89, 8],
  ['Astana', 51.17, 71.45, 6],
  ['Shymkent', 42.32, 69.59, 3],
  ['Almaty Region', 44.5, 78.0, 3],
  ['Mangystau Region', 43.65, 51.2, 3],
  ['Atyrau Region', 47.1, 51.9, 2],
  ['Karaganda Region', 49.8, 73.1, 3],
  ['East Kazakhstan Region', 49.95, 82.6, 2],
  ['Pavlodar Region', 52.28, 76.95, 1],
  ['Kostanay Region', 53.21, 63.62, 1],
  ['Aktobe Region', 50.28, 57.17, 2],
  ['West Kazakhstan Region', 51.23, 51.37, 1],
  ['Kyzylorda Region', 44.85, 65.5, 1],
  ['Turkistan Region', 43.3, 68.25, 2],
  ['Zhambyl Region', 42.9, 71.37, 1],
  ['North Kazakhstan Region', 54.87, 69.15, 1],
  ['Akmola Region', 53.28, 69.4, 1],
];
export const regionSlots = regions.flatMap(([name, lat, lon, weight], index) => Array.from({ length: weight }, () => ({ name, lat, lon, index })));

export type Vocabulary = Record<'violation_types' | 'defender_categories' | 'perpetrator_types', { code: string; parent?: string; labels: Record<string, string> }[]>;
const fixture = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'fixtures', 'kazakhstan-2017.json'), 'utf8')) as { vocabularies: Vocabulary };
export const vocabulary = fixture.vocabularies;
// The common kinds of attack come up more often; the parent type is also used on its own.
export const typeSlots = vocabulary.violation_types.flatMap((t, i) => Array.from({ length: i < 8 ? 4 : 1 }, () => t.code));
export const categorySlots = vocabulary.defender_categories.map((t) => t.code);
export const perpetratorSlots = vocabulary.perpetrator_types.flatMap((t, i) => Array.from({ length: i < 3 ? 3 : 1 }, () => t.code));
export const firstNames = ['Aigul', 'Bolat', 'Dana', 'Erlan', 'Gulnara', 'Kairat', 'Laura', 'Marat', 'Nazira', 'Olzhas', 'Raushan', 'Serik', 'Togzhan', 'Yerbol', 'Zhanar', 'Asset', 'Botagoz', 'Dias', 'Kamila', 'Nurlan'];
export const lastNames = ['Abenova', 'Bekov', 'Dzhaksybekova', 'Esimov', 'Ibraeva', 'Kassymov', 'Mukanova', 'Nurpeisov', 'Omarova', 'Sadykov', 'Tulegenova', 'Utebayev', 'Zhumabekova', 'Akhmetov', 'Baimukhanova', 'Karimov', 'Seitkali', 'Zhakupova', 'Rakhimov', 'Yessenova'];
export const kinds = ['Detention', 'Search', 'Threats', 'Assault', 'Fine', 'Charges', 'Blocking', 'Raid'];

/** A pseudo-random whole number from 0 to 2^31 for incident `n` and a purpose `salt`: the same on every run. */
export const h = (n: string, salt: number) => `(hashint8((${n})::bigint * 1000 + ${salt}) & 2147483647)`;
export const pick = (slots: string[], n: string, salt: number) => `(${textArray(slots)})[1 + ${h(n, salt)} % ${slots.length}]`;
