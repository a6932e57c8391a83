import { describe, expect, it } from 'vitest';
import { formatPartialDate, isoToPartialDate, partialDateToIso } from '@/common/partial-date';

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

  it('never shows more precision than is known', () => {
    expect(formatPartialDate('2017-05-01', 'month')).toBe('May 2017');
    expect(formatPartialDate('2017-06-20', 'month')).toBe('June 2017');
    expect(formatPartialDate('2017-07-25', 'day')).toBe('25 July 2017');
    expect(formatPartialDate('2017-09-29', 'year')).toBe('2017');
    expect(isoToPartialDate('2017-06-20', 'month')).toBe('2017-06');
  });
});
