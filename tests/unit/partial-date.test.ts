import { describe, expect, it } from 'vitest';
import { isoToPartialDate, partialDateToIso } from '@/common/partial-date';

describe('partial dates', () => {
  it('reads each precision in its own written form', () => {
    expect(partialDateToIso('2017-07-25', 'day')).toBe('2017-07-25');
    expect(partialDateToIso('2017-05', 'month')).toBe('2017-05-01');
    expect(partialDateToIso('2017', 'year')).toBe('2017-01-01');
  });

  it('refuses dates that do not exist or do not match the precision', () => {
    expect(partialDateToIso('2017-02-30', 'day')).toBeNull();
    expect(partialDateToIso('2017-13', 'month')).toBeNull();
    expect(partialDateToIso('2017-05-25', 'month')).toBeNull();
    expect(partialDateToIso('2017-05', 'day')).toBeNull();
    expect(partialDateToIso('May 2017', 'month')).toBeNull();
  });

  // How a partial date reads in each language: tests/unit/date-formatting.test.ts.
  it('writes no more precision than is known', () => {
    expect(isoToPartialDate('2017-06-20', 'month')).toBe('2017-06');
    expect(isoToPartialDate('2017-06-20', 'year')).toBe('2017');
  });
});
