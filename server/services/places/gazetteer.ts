import 'server-only';
import gazetteer from './gazetteer.json';
import { foldToKey } from '../publishing/name-forms/fold';
import { isRegionCode, regionLabel, storedRegion } from '@/common/regions';

/**
 * The places the place picker offers: towns of 1,000 or more people in Kazakhstan and the other Central
 * Asian countries, shipped with the app (scripts/gazetteer/generate.ts writes gazetteer.json), so that
 * picking a place needs no map server and nothing from outside.
 */

type Language = 'en' | 'ru' | 'kk';

/** A place as the picker shows it (names in the reader's language) and as the incident stores it (English). */
export type GazetteerPlace = {
  id: number;
  /** What the incident stores: the locality's English (GeoNames) name, the region's ISO 3166-2:KZ code (common/regions; Baikonur, which has none, by name). */
  locality: string;
  region: string | null;
  country: string;
  /** What the reader sees. */
  label: string;
  regionLabel: string | null;
  lat: number;
  lon: number;
  population: number;
};

type Stored = (typeof gazetteer.places)[number] & { ru?: string; kk?: string; region?: string };
const regions = gazetteer.regions as Record<string, { en: string; ru: string; kk: string }>;

/** Each place with the folded keys of every word of its names in every script, computed once. */
const indexed = (gazetteer.places as Stored[]).map((place) => {
  const names = [place.name, place.ru, place.kk, ...(place.region ? Object.values(regions[place.region]!) : [])].filter(Boolean) as string[];
  const nameKeys = new Set([place.name, place.ru, place.kk].filter(Boolean).map((name) => foldToKey(name!.replace(/[\s-]+/g, ''))));
  const wordKeys = [...new Set(names.flatMap(words).map(foldToKey))];
  return { place, nameKeys, wordKeys };
});

function words(text: string): string[] {
  return text.split(/[^\p{L}\p{N}'’]+/u).filter(Boolean);
}

function shown(place: Stored, lang: Language): GazetteerPlace {
  const region = place.region ? regions[place.region]! : null;
  // GeoNames' regions predate 2022: a town of today's Abai, Zhetysu or Ulytau Region is under the region it was split from.
  const stored = region ? storedRegion(region.en) : null;
  const label = lang === 'en' ? place.name : (place[lang] ?? place.name);
  return {
    id: place.id,
    locality: place.name,
    region: stored,
    country: place.country,
    label,
    regionLabel: isRegionCode(stored) ? regionLabel(stored, lang) : (region?.[lang] ?? null),
    lat: place.lat,
    lon: place.lon,
    population: place.population,
  };
}

/**
 * Places whose names hold every word of the query, each as the start of a word, in any script and
 * usual transliteration (Шымкент, Shymkent, Chimkent); the whole name first, then the bigger towns.
 */
export function searchPlaces(query: string, lang: Language, limit: number): GazetteerPlace[] {
  const keys = words(query).map(foldToKey);
  if (keys.length === 0) return [];
  const whole = foldToKey(query.replace(/[\s-]+/g, ''));
  return indexed
    .filter(({ wordKeys }) => keys.every((key) => wordKeys.some((word) => word.startsWith(key))))
    .sort((a, b) => Number(b.nameKeys.has(whole)) - Number(a.nameKeys.has(whole)) || b.place.population - a.place.population)
    .slice(0, limit)
    .map(({ place }) => shown(place, lang));
}

/** The place nearest to a point (a click on the map), if one lies within `withinKm`. */
export function nearestPlace(lat: number, lon: number, lang: Language, withinKm: number): GazetteerPlace | null {
  let best: { place: Stored; km: number } | null = null;
  for (const { place } of indexed) {
    const km = distanceKm(lat, lon, place.lat, place.lon);
    if (!best || km < best.km) best = { place, km };
  }
  return best && best.km <= withinKm ? shown(best.place, lang) : null;
}

/** The largest towns of a country, for the dots drawn on the picker's map. */
export function largestPlaces(country: string, lang: Language, limit: number): GazetteerPlace[] {
  return indexed
    .filter(({ place }) => place.country === country)
    .slice(0, limit)
    .map(({ place }) => shown(place, lang));
}

/** Great-circle distance (haversine); a few metres off at most at these distances. */
function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 12_742 * Math.asin(Math.sqrt(a));
}
