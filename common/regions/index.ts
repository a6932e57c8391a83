import type { Locale } from '../i18n';
import { kazakhstanRegions, type RegionEntry } from './list';

/**
 * Regions as a vocabulary. The region column of an incident (and of its public row, and the counted
 * figures' `region` dimension) holds either an ISO 3166-2:KZ code from ./list.ts, or, for a place the
 * list does not know (another country's province, Baikonur, a typo nobody could read), the text as it
 * was written: it is kept, and shown as written. Text that names a known region in any of its
 * spellings is stored as the code, by the form's input, the importer and the migration that mapped
 * the free text written before (db/migrations/0040_region_codes.sql, which repeats `regionKeys()`).
 */

export { kazakhstanRegions, type RegionEntry } from './list';

const byCode = new Map(kazakhstanRegions.map((entry) => [entry.code, entry]));

/** Words that say "region" in the spellings found in records, and words that say "city", which add nothing. */
export const regionWords = ['region', 'oblast', 'oblys', 'oblysy', 'province', 'область', 'обл', 'облысы'];
export const cityWords = ['city', 'город', 'г', 'қаласы', 'qalasy', 'kalasy'];

/**
 * A spelling's key: lower case, accents and marks dropped (Atyraū, ё), punctuation and dashes as
 * spaces, the "city" words dropped, the "region" words as one marker, so that "Karaganda oblast",
 * "karaganda region" and "Karaganda Region." meet. The migration computes the same key in SQL.
 */
export function regionKey(text: string): string {
  const words = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word && !cityWords.includes(word));
  const bare = words.filter((word) => !regionWords.includes(word)).join(' ');
  return words.some((word) => regionWords.includes(word)) ? `${bare}|region` : bare;
}

/**
 * Every key that names an entry. A region is also found without the word "region" ("Karaganda"),
 * unless a city has that bare name ("Almaty" is the city, "Almaty Region" the region around it).
 */
function keysOf(): Map<string, string> {
  const keys = new Map<string, string>();
  const spellings = (entry: RegionEntry) => [entry.code, ...Object.values(entry.labels), ...entry.names];
  for (const entry of kazakhstanRegions) for (const name of spellings(entry)) if (!keys.has(regionKey(name))) keys.set(regionKey(name), entry.code);
  for (const entry of kazakhstanRegions) {
    if (entry.kind !== 'region') continue;
    for (const name of spellings(entry)) {
      const bare = regionKey(name).replace(/\|region$/, '');
      if (bare && !keys.has(bare)) keys.set(bare, entry.code);
      if (bare && !keys.has(`${bare}|region`)) keys.set(`${bare}|region`, entry.code);
    }
  }
  return keys;
}

const codesByKey = keysOf();

/** The keys and codes (for the migration's table and the tests). */
export function regionKeys(): ReadonlyMap<string, string> {
  return codesByKey;
}

export function isRegionCode(value: string | null | undefined): boolean {
  return !!value && byCode.has(value);
}

/** The code a text names, in any spelling or language, or null when it names none of the list. */
export function regionCodeOf(text: string | null | undefined): string | null {
  if (!text) return null;
  return codesByKey.get(regionKey(text)) ?? null;
}

/**
 * What to store for a region as written: its code when it names one of Kazakhstan's (the list is
 * Kazakhstan's: in another country the text is kept), else the text itself, trimmed; null for nothing.
 */
export function storedRegion(text: string | null | undefined, country = 'KZ'): string | null {
  const trimmed = text?.trim();
  if (!trimmed) return null;
  return (country.trim().toUpperCase() === 'KZ' && regionCodeOf(trimmed)) || trimmed;
}

/** A stored region in the reader's language: a code's label, or the text as it was written. */
export function regionLabel(value: string, locale: Locale): string;
export function regionLabel(value: string | null | undefined, locale: Locale): string | null;
export function regionLabel(value: string | null | undefined, locale: Locale): string | null {
  if (!value) return null;
  return byCode.get(value)?.labels[locale] ?? value;
}

/** Every name a stored region is known by, for the search: the labels in each language, or the text. */
export function regionSearchNames(value: string | null | undefined): string[] {
  if (!value) return [];
  const entry = byCode.get(value);
  return entry ? [...new Set(Object.values(entry.labels))] : [value];
}

/** The regions a form offers: today's units in the reader's language, alphabetically, then `extra` stored values not among them. */
export function regionChoices(locale: Locale, extra: string[] = []): { value: string; label: string }[] {
  const current = kazakhstanRegions.filter((entry) => !entry.until).map((entry) => entry.code);
  const values = [...new Set([...current, ...extra.filter(Boolean)])];
  const choices = values.map((value) => ({ value, label: regionLabel(value, locale) }));
  const collator = new Intl.Collator(locale);
  return choices.sort((a, b) => Number(!isRegionCode(a.value)) - Number(!isRegionCode(b.value)) || collator.compare(a.label, b.label));
}

/** A place in one line, in the reader's language: "Zhanaozen, Mangystau Region, KZ". */
export function placeLine(place: { locality: string | null; region: string | null; country: string }, locale: Locale): string {
  return [place.locality, regionLabel(place.region, locale), place.country].filter(Boolean).join(', ');
}
