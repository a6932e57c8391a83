import { describe, expect, it } from 'vitest';
import gazetteer from '@/server/services/places/gazetteer.json';
import { largestPlaces, nearestPlace, searchPlaces } from '@/server/services/places/gazetteer';

describe('the gazetteer shipped with the app', () => {
  it('holds the towns of Kazakhstan with their regions, and the rest of Central Asia', () => {
    const kz = gazetteer.places.filter((p) => p.country === 'KZ');
    expect(kz.length).toBeGreaterThan(250);
    expect(new Set(gazetteer.places.map((p) => p.country))).toEqual(new Set(['KZ', 'KG', 'UZ', 'TJ', 'TM']));
    expect(kz.filter((p) => 'region' in p).length).toBeGreaterThan(250);
  });

  it('finds a town by its name in Latin or Cyrillic, whole or begun, and gives its region and point', () => {
    for (const query of ['Shymkent', 'Шымкент', 'shym', 'SHYMKENT']) {
      const [first] = searchPlaces(query, 'en', 5);
      expect(first, query).toMatchObject({ locality: 'Shymkent', region: 'KZ-79', country: 'KZ' });
      expect(first!.lat).toBeCloseTo(42.3, 0);
    }
    // Russian and Kazakh names where the table has them; the locality stored stays English, the region is its ISO code.
    expect(searchPlaces('Усть-Каменогорск', 'ru', 1)[0]).toMatchObject({ locality: 'Ust-Kamenogorsk', label: 'Усть-Каменогорск', regionLabel: 'Восточно-Казахстанская область' });
    expect(searchPlaces('Өскемен', 'kk', 1)[0]).toMatchObject({ locality: 'Ust-Kamenogorsk', label: 'Өскемен', region: 'KZ-63', regionLabel: 'Шығыс Қазақстан облысы' });
    // Words of the region narrow the search; a renamed town is under its name of today.
    expect(searchPlaces('aktau mangystau', 'en', 3).map((p) => p.locality)).toContain('Aktau');
    expect(searchPlaces('Astana', 'en', 1)[0]?.locality).toBe('Astana');
    expect(searchPlaces('', 'en', 5)).toEqual([]);
    expect(searchPlaces('Zzyzx', 'en', 5)).toEqual([]);
  });

  it('picks the nearest town to a click, within a distance', () => {
    expect(nearestPlace(42.35, 69.55, 'en', 60)?.locality).toBe('Shymkent');
    expect(nearestPlace(46, 60, 'en', 5)).toBeNull(); // the Aral Sea's dry bed
  });

  it('lists the largest towns of a country, biggest first', () => {
    const largest = largestPlaces('KZ', 'en', 5);
    expect(largest.map((p) => p.locality)).toEqual(['Almaty', 'Karagandy', 'Shymkent', 'Taraz', 'Astana']);
  });
});
