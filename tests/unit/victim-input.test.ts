import { describe, expect, it } from 'vitest';
import { victimInput } from '@/common/inputs/incident';
import { translator } from '@/common/i18n';
import { sayProblem } from '@/common/i18n/problems';
import { problemOfIssue } from '@/common/inputs/problems';

describe('a group of victims', () => {
  it('may leave its size and casualties unknown, or give them', () => {
    expect(victimInput.safeParse({ kind: 'group', groupName: 'Strikers', count: null, killed: 3 }).success).toBe(true);
    expect(victimInput.safeParse({ kind: 'group', groupName: 'Strikers', count: 40, killed: 3, injured: 40 }).success).toBe(true);
  });

  it('cannot have more killed or injured than people, and says so beside the field', () => {
    const result = victimInput.safeParse({ kind: 'group', groupName: 'Strikers', count: 2, killed: 5, injured: 3 });
    expect(result.success).toBe(false);
    // The issue carries a code and its figure; each language words it (common/i18n/problems.ts).
    const english = translator('en');
    expect(result.error!.issues.map((issue) => [issue.path.join('.'), issue.message, sayProblem(english, issue.message, problemOfIssue(issue)?.params)])).toEqual([
      ['killed', 'group.moreThanCount', 'More than the 2 people in the group'],
      ['injured', 'group.moreThanCount', 'More than the 2 people in the group'],
    ]);
  });
});
