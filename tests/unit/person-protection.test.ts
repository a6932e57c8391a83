import { describe, expect, it } from 'vitest';
import { changesProtection, keepFormerNameProtected, type PersonFields } from '@/server/services/directory/kinds';

const person = (more: Partial<PersonFields> = {}): PersonFields => ({
  name: 'Larisa Kharkova',
  aliases: [],
  gender: 'female',
  categories: ['trade_unionist'],
  roleNote: null,
  confidential: false,
  ...more,
});

describe('what an edit of a person changes for the public side', () => {
  it.each([
    ['marking them confidential', person(), person({ confidential: true }), true],
    ['taking the mark off', person({ confidential: true }), person(), true],
    ['renaming someone protected', person({ confidential: true }), person({ confidential: true, name: 'Larisa Kharkova-Ivanova' }), true],
    ['adding a spelling of someone protected', person({ confidential: true }), person({ confidential: true, aliases: ['Харькова'] }), true],
    ['renaming someone public (their records are refreshed, not the whole organization)', person(), person({ name: 'Larisa Harkova' }), false],
    ['a role note of someone protected', person({ confidential: true }), person({ confidential: true, roleNote: 'union chair' }), false],
  ] as const)('%s', (_story, before, after, expected) => {
    expect(changesProtection(before, after)).toBe(expected);
  });

  it('keeps a protected person’s former name as another spelling, once', () => {
    const before = person({ confidential: true, name: 'Larisa Harkova' });
    expect(keepFormerNameProtected(before, person({ confidential: true })).aliases).toEqual(['Larisa Harkova']);
    expect(keepFormerNameProtected(before, person({ confidential: true, aliases: ['larisa harkova'] })).aliases).toEqual(['larisa harkova']);
    // A change of capitals only is not a former name; a public person's former name is not kept.
    expect(keepFormerNameProtected(person({ confidential: true, name: 'LARISA KHARKOVA' }), person({ confidential: true })).aliases).toEqual([]);
    expect(keepFormerNameProtected(person({ name: 'Larisa Harkova' }), person()).aliases).toEqual([]);
  });
});
