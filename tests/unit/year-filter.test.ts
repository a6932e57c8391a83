/**
 * Security review, item 9: the incident list's year filter takes a four-digit year the database can
 * hold (1000 to 9999, as the public filters and the audit log do); year 0 used to reach PostgreSQL,
 * which refused the date, and came back as a generic database refusal.
 */
import { describe, expect, it } from 'vitest';
import { incidentFacetFilters } from '@/common/inputs/incident-facets';

describe('the year filter', () => {
  it('accepts a four-digit year from 1000 on, and refuses year 0, short and long years with a code', () => {
    for (const year of ['1000', '2017', '9999']) expect(incidentFacetFilters.safeParse({ year }).success, year).toBe(true);
    for (const year of ['0000', '0999', '999', '10000', '２０１７', '2017\n', ' 2017']) {
      const parsed = incidentFacetFilters.safeParse({ year });
      expect(parsed.success, JSON.stringify(year)).toBe(false);
      expect(parsed.error?.issues[0]?.message).toBe('year.format');
    }
  });
});
