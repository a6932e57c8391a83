import { describe, expect, it } from 'vitest';
import { completeMention, matchingChoices, mentionQueryAt } from '@/common/mention-completion';

const larisa = { target: 'person' as const, id: '11111111-1111-4111-8111-111111111111', label: 'Larisa Kharkova' };
const union = { target: 'organization' as const, id: '22222222-2222-4222-8222-222222222222', label: 'KNPRK union' };
const aigul = { target: 'person' as const, id: '33333333-3333-4333-8333-333333333333', label: 'Айгүл Жакенова' };
const choices = [larisa, union, aigul];

describe('typing a mention', () => {
  it('reads the "@letters" just before the caret', () => {
    expect(mentionQueryAt('Police detained @Lar', 20)).toEqual({ start: 16, end: 20, query: 'Lar' });
    expect(mentionQueryAt('@', 1)).toEqual({ start: 0, end: 1, query: '' });
    expect(mentionQueryAt('Detained (@lar kh', 17)).toEqual({ start: 10, end: 17, query: 'lar kh' });
  });

  it('is not fooled by an e-mail address, a token already written or text after the caret', () => {
    expect(mentionQueryAt('write to info@knprk.kz', 22)).toBeNull();
    expect(mentionQueryAt(`seen @[person:${larisa.id}]`, 50)).toBeNull();
    expect(mentionQueryAt('no at sign here', 15)).toBeNull();
    expect(mentionQueryAt('@Lar, then', 10)).toBeNull();
  });

  it('offers the record’s people whose name has words starting as typed, in any script and case', () => {
    expect(matchingChoices(choices, 'lar')).toEqual([larisa]);
    expect(matchingChoices(choices, 'lar kh')).toEqual([larisa]);
    expect(matchingChoices(choices, 'жак')).toEqual([aigul]);
    expect(matchingChoices(choices, 'айгул')).toEqual([aigul]);
    expect(matchingChoices(choices, 'knp')).toEqual([union]);
    expect(matchingChoices(choices, '')).toEqual(choices);
    expect(matchingChoices(choices, 'zzz')).toEqual([]);
  });

  it('puts the token where "@letters" was and the caret after it', () => {
    const text = 'Police detained @Lar yesterday';
    const at = mentionQueryAt(text, 20)!;
    const done = completeMention(text, at, larisa);
    expect(done.text).toBe(`Police detained @[person:${larisa.id}] yesterday`);
    expect(done.text.slice(0, done.caret)).toBe(`Police detained @[person:${larisa.id}] `);
  });
});
