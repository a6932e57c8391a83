import { describe, expect, it } from 'vitest';
import { victimInput } from '@/common/inputs/incident';

describe('a group of victims', () => {
  it('may leave its size and casualties unknown, or give them', () => {
    expect(victimInput.safeParse({ kind: 'group', groupName: 'Strikers', count: null, killed: 3 }).success).toBe(true);
    expect(victimInput.safeParse({ kind: 'group', groupName: 'Strikers', count: 40, killed: 3, injured: 40 }).success).toBe(true);
  });

  it('cannot have more killed or injured than people, and says so beside the field', () => {
    const result = victimInput.safeParse({ kind: 'group', groupName: 'Strikers', count: 2, killed: 5, injured: 3 });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['killed', 'More than the 2 people in the group'],
      ['injured', 'More than the 2 people in the group'],
    ]);
  });
});
