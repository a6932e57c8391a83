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

  it('works for Cyrillic names and leaves other words alone', () => {
    expect(redact('Суд над Ержаном? Нет: Ержан Елшибаев осуждён')).toBe('Суд над Ержаном? Нет: Protected person осуждён');
    expect(redact('Kharkovsky district')).toBe('Kharkovsky district');
  });

  it('passes text through when nobody is protected', () => {
    expect(nameRedactor([])('Larisa Kharkova')).toBe('Larisa Kharkova');
    expect(redact(null)).toBeNull();
  });
});
