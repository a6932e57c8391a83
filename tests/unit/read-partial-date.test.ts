import { describe, expect, it } from 'vitest';
import { newSourceInput, incidentDateInput } from '@/common/inputs/incident';
import { readPartialDate, tidyPartialDate } from '@/common/partial-date';

describe('dates as monitors type them', () => {
  it('keeps the month of a full date given at month precision, and the year at year precision', () => {
    expect(readPartialDate('2018-03-12', 'month')).toBe('2018-03-01');
    expect(readPartialDate('2018-03-12', 'year')).toBe('2018-01-01');
    expect(readPartialDate('2018-03', 'year')).toBe('2018-01-01');
    expect(tidyPartialDate('2018-03-12', 'month')).toBe('2018-03');
    expect(tidyPartialDate('2018-03-12', 'year')).toBe('2018');
  });

  it('reads the day-first habit of Russian and Kazakh writing', () => {
    expect(readPartialDate('12.03.2018', 'day')).toBe('2018-03-12');
    expect(readPartialDate('12/03/2018', 'day')).toBe('2018-03-12');
    expect(readPartialDate('1.3.2018', 'day')).toBe('2018-03-01');
    expect(readPartialDate('12.03.2018', 'month')).toBe('2018-03-01');
    expect(readPartialDate('03.2018', 'month')).toBe('2018-03-01');
    expect(tidyPartialDate(' 12.03.2018 ', 'day')).toBe('2018-03-12');
  });

  it('refuses dates that do not exist or say less than the precision needs', () => {
    expect(readPartialDate('30.02.2018', 'day')).toBeNull();
    expect(readPartialDate('2018-02-30', 'month')).toBeNull();
    expect(readPartialDate('2018-03', 'day')).toBeNull();
    expect(readPartialDate('2018', 'month')).toBeNull();
    expect(readPartialDate('13.13.2018', 'day')).toBeNull();
    expect(readPartialDate('March 2018', 'month')).toBeNull();
    expect(readPartialDate('', 'year')).toBeNull();
    expect(tidyPartialDate('12.03.18', 'day')).toBe('12.03.18');
  });

  it('the incident schema stores what was meant', () => {
    expect(incidentDateInput.parse({ precision: 'month', start: '2018-03-12', end: null })).toEqual({ precision: 'month', start: '2018-03-01', end: null });
    expect(incidentDateInput.parse({ precision: 'day', start: '12.03.2018', end: '14/03/2018' })).toEqual({ precision: 'day', start: '2018-03-12', end: '2018-03-14' });
    expect(newSourceInput.parse({ title: 'Report', publishedOn: '05.04.2018' }).publishedOn).toBe('2018-04-05');
  });
});

describe('web addresses as people type them', () => {
  const url = (text: string) => newSourceInput.safeParse({ title: 'Report', url: text });
  it('completes an address typed without https://', () => {
    expect(url('rferl.org/a/29123').data?.url).toBe('https://rferl.org/a/29123');
    expect(url('www.hrw.org').data?.url).toBe('https://www.hrw.org');
    expect(url('http://kibhr.kz/1').data?.url).toBe('http://kibhr.kz/1');
  });
  it('refuses what cannot be a web link', () => {
    expect(url('javascript:alert(1)').success).toBe(false);
    expect(url('not an address').success).toBe(false);
    expect(url('mailto:a@b.kz').success).toBe(false);
  });
});
