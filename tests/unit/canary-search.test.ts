import { describe, expect, it } from 'vitest';
import { canariesIn } from '@/tests/support/canary-search';

describe('searching public answers for canaries', () => {
  const canaries = { Нарокадов: 'surname stem', Narokadov: 'surname stem in Latin' };
  it('finds a canary however the answer wrote it', () => {
    expect(canariesIn('<p>НАРОКАДОВОЙ</p>', canaries)).toEqual(['surname stem']);
    expect(canariesIn('{"t":"\\u041d\\u0430\\u0440\\u043e\\u043a\\u0430\\u0434\\u043e\\u0432\\u0430"}', canaries)).toEqual(['surname stem']);
    expect(canariesIn('&#x41D;&#1072;&#x440;&#x43E;&#x43A;&#x430;&#x434;&#x43E;&#x432;', canaries)).toEqual(['surname stem']);
    expect(canariesIn('<a href="/q=%D0%9D%D0%B0%D1%80%D0%BE%D0%BA%D0%B0%D0%B4%D0%BE%D0%B2%D0%BE%D0%B9">', canaries)).toEqual(['surname stem']);
    expect(canariesIn('NAROKADOVA Malina', canaries)).toEqual(['surname stem in Latin']);
  });
  it('finds nothing in an answer without them', () => {
    expect(canariesIn('Protected person 1 was detained; %E0%A4%A broken', canaries)).toEqual([]);
  });
});
