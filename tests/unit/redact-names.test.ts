import { describe, expect, it } from 'vitest';
import { nameRedactor } from '@/server/services/publishing/redact-names';

describe('redacting protected names from public text', () => {
  const redact = nameRedactor([
    { name: 'Larisa Kharkova', label: 'Protected person 1' },
    { name: 'Ержан Елшибаев', label: 'Protected person' },
  ]);

  it('replaces the full name, each part of it, any case, possessives included', () => {
    expect(redact('Larisa Kharkova convicted')).toBe('Protected person 1 convicted');
    expect(redact("Car of KHARKOVA's son set on fire")).toBe("Car of Protected person 1's son set on fire");
    expect(redact('Larisa spoke to the press')).toBe('Protected person 1 spoke to the press');
  });

  it('works for Cyrillic names, declined first names included, and leaves other words alone', () => {
    expect(redact('Суд над Ержаном? Нет: Ержан Елшибаев осуждён')).toBe('Суд над Protected person? Нет: Protected person осуждён');
    expect(redact('Kharkovsky district')).toBe('Kharkovsky district');
  });

  it('redacts descriptive records as a whole, without garbling common words, acronyms or the public person in brackets', () => {
    const descriptive = nameRedactor([
      { name: 'Husband of the KNPRK press secretary', label: 'Protected person 2' },
      { name: 'Vladimir (son of Larisa Kharkova)', label: 'Protected person 3' },
    ]);
    expect(descriptive('Closure of the KNPRK, the largest union')).toBe('Closure of the KNPRK, the largest union');
    expect(descriptive('Threats to the Husband of the KNPRK press secretary')).toBe('Threats to the Protected person 2');
    expect(descriptive('Larisa Kharkova and her son Vladimir were threatened')).toBe('Larisa Kharkova and her son Protected person 3 were threatened');
    expect(descriptive('Vladimir (son of Larisa Kharkova) was followed')).toBe('Protected person 3 was followed');
  });

  it('redacts every part of a plain name, surnames in capitals included', () => {
    const plain = nameRedactor([{ name: 'ZHAKENOVA Aigul', label: 'Protected person 4' }]);
    expect(plain('Zhakenova detained; AIGUL released')).toBe('Protected person 4 detained; Protected person 4 released');
  });

  it('passes text through when nobody is protected', () => {
    expect(nameRedactor([])('Larisa Kharkova')).toBe('Larisa Kharkova');
    expect(redact(null)).toBeNull();
  });
});
