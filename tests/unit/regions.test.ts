import { describe, expect, it } from 'vitest';
import { kazakhstanRegions, placeLine, regionChoices, regionCodeOf, regionKey, regionLabel, storedRegion } from '@/common/regions';

describe('regions as a vocabulary', () => {
  it.each([
    // The fixture's spellings (fixtures/kazakhstan-2017.json).
    ['Almaty', 'KZ-75'],
    ['Astana', 'KZ-71'],
    ['Karaganda Region', 'KZ-35'],
    ['Kyzylorda Region', 'KZ-43'],
    ['Mangystau Region', 'KZ-47'],
    ['South Kazakhstan Region', 'KZ-YUZ'],
    // With and without "Region", "oblast", in other cases and punctuation.
    ['Karaganda', 'KZ-35'],
    ['karaganda oblast', 'KZ-35'],
    ['  KARAGANDA REGION. ', 'KZ-35'],
    ['Karagandy Region', 'KZ-35'],
    ['Almaty Region', 'KZ-19'],
    ['Almaty oblysy', 'KZ-19'],
    ['Almaty city', 'KZ-75'],
    ['Turkestan Region', 'KZ-61'],
    ['Atyraū oblysy', 'KZ-23'],
    ['Zhambyl Region', 'KZ-31'],
    ['Nur-Sultan', 'KZ-71'],
    ['Alma-Ata', 'KZ-75'],
    // Russian.
    ['Карагандинская область', 'KZ-35'],
    ['Карагандинская обл.', 'KZ-35'],
    ['Алматинская область', 'KZ-19'],
    ['г. Алматы', 'KZ-75'],
    ['Южно-Казахстанская область', 'KZ-YUZ'],
    ['Мангистауская область', 'KZ-47'],
    ['область Абай', 'KZ-10'],
    ['Нур-Султан', 'KZ-71'],
    // Kazakh.
    ['Қарағанды облысы', 'KZ-35'],
    ['Алматы облысы', 'KZ-19'],
    ['Алматы', 'KZ-75'],
    ['Оңтүстік Қазақстан облысы', 'KZ-YUZ'],
    ['Жетісу облысы', 'KZ-33'],
    ['Ұлытау облысы', 'KZ-62'],
    ['Абай облысы', 'KZ-10'],
    ['Шымкент қаласы', 'KZ-79'],
    // Codes themselves.
    ['KZ-35', 'KZ-35'],
    ['kz-yuz', 'KZ-YUZ'],
  ])('%s is %s', (text, code) => {
    expect(regionCodeOf(text)).toBe(code);
  });

  it.each(['Nowhere Region', 'Baikonur', 'Chuy Region', 'Astana Region', '', 'region'])('%j names none of the list', (text) => {
    expect(regionCodeOf(text)).toBeNull();
  });

  it('holds the twenty units of today with their current ISO codes, and South Kazakhstan as a former one', () => {
    const today = kazakhstanRegions.filter((entry) => !entry.until);
    expect(today.map((entry) => entry.code)).toEqual([
      'KZ-10', 'KZ-11', 'KZ-15', 'KZ-19', 'KZ-23', 'KZ-27', 'KZ-31', 'KZ-33', 'KZ-35', 'KZ-39',
      'KZ-43', 'KZ-47', 'KZ-55', 'KZ-59', 'KZ-61', 'KZ-62', 'KZ-63', 'KZ-71', 'KZ-75', 'KZ-79',
    ]);
    expect(today.filter((entry) => entry.kind === 'city').map((entry) => entry.labels.en)).toEqual(['Astana', 'Almaty', 'Shymkent']);
    const south = kazakhstanRegions.find((entry) => entry.code === 'KZ-YUZ');
    expect(south).toMatchObject({ until: '2018-06-19', became: ['KZ-61', 'KZ-79'] });
  });

  it('reads every label back as its own code, and no two entries share a spelling', () => {
    const owner = new Map<string, string>();
    for (const entry of kazakhstanRegions) {
      for (const label of Object.values(entry.labels)) expect(regionCodeOf(label), label).toBe(entry.code);
      for (const name of [...Object.values(entry.labels), ...entry.names]) {
        const key = regionKey(name);
        expect(owner.get(key) ?? entry.code, `${name} is also ${owner.get(key)}`).toBe(entry.code);
        owner.set(key, entry.code);
      }
    }
  });

  it('stores a known region as its code, other text as written, and nothing for nothing', () => {
    expect(storedRegion('Mangystau Region')).toBe('KZ-47');
    expect(storedRegion('  Somewhere Else  ')).toBe('Somewhere Else');
    expect(storedRegion('   ')).toBeNull();
    expect(storedRegion(null)).toBeNull();
    // The list is Kazakhstan's: in another country the text is kept.
    expect(storedRegion('Almaty', 'KG')).toBe('Almaty');
  });

  it('shows a code in the reader language and other text as written', () => {
    expect(regionLabel('KZ-YUZ', 'en')).toBe('South Kazakhstan Region');
    expect(regionLabel('KZ-YUZ', 'ru')).toBe('Южно-Казахстанская область');
    expect(regionLabel('KZ-YUZ', 'kk')).toBe('Оңтүстік Қазақстан облысы');
    expect(regionLabel('Somewhere Else', 'kk')).toBe('Somewhere Else');
    expect(regionLabel(null, 'ru')).toBeNull();
    expect(placeLine({ locality: 'Zhanaozen', region: 'KZ-47', country: 'KZ' }, 'kk')).toBe('Zhanaozen, Маңғыстау облысы, KZ');
  });

  it('offers the regions of today in the reader language, then other regions in use', () => {
    const choices = regionChoices('ru', ['KZ-YUZ', 'Baikonur', 'KZ-35']);
    expect(choices).toHaveLength(22);
    expect(choices[0]).toEqual({ value: 'KZ-10', label: 'Абайская область' });
    expect(choices.filter((c) => c.value === 'KZ-35')).toHaveLength(1);
    expect(choices.at(-1)).toEqual({ value: 'Baikonur', label: 'Baikonur' });
  });
});
