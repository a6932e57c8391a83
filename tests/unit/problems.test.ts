import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { translator, type Locale } from '@/common/i18n';
import { en } from '@/common/i18n/en';
import { sayError, sayFieldErrors, sayProblem } from '@/common/i18n/problems';
import { incidentDateInput } from '@/common/inputs/incident';
import { problemOfIssue, sayIssue } from '@/common/inputs/problems';
import { createUserInput } from '@/common/inputs/admin';
import { bulkDecisionInput } from '@/common/inputs/bulk';
import { saveSearchInput } from '@/common/inputs/saved-search';
import { confirmPasswordInput } from '@/common/inputs/session';

/** Every problem code the dictionaries hold, as the server and the forms state them. */
const codes = Object.keys(en)
  .filter((key) => key.startsWith('problem.'))
  .map((key) => key.slice('problem.'.length));

/** Sample values for every placeholder a problem's wording takes. */
const params = { version: 3, current: 4, code: 'levitation', count: 5, maximum: 200, minimum: 12, format: 'YYYY-MM-DD', precision: 'day', minutes: 2, role: 'reviewer', organization: 'Bureau', email: 'a@example.org', seconds: 30, slugs: 'kaz-bureau, almaty-watch', slug: 'kaz-bureau', first: 'inc:1',
  // The exchange file's problems (common/i18n/areas/exchange-problems.*).
  allowed: 'a, b', at: '$.incidents[0]', date: '2017-06-20', end: '2017-06-01', start: '2017-06-20', expected: 'text', fields: 'title, date', field: 'title', found: 'number', kind: 'person', length: 3, limit: 10, list: 'a, b', pattern: '^[a-z]+$', ref: 'person:1', rule: 'unique', value: '2017-13-01', wanted: 'person' };

describe('the problem translator', () => {
  it('has problems to translate', () => {
    expect(codes.length).toBeGreaterThan(50);
  });

  describe.each(['ru', 'kk'] as Locale[])('in %s', (locale) => {
    const t = translator(locale);
    it.each(codes)('words %s in the language, with every figure filled in', (code) => {
      const words = sayProblem(t, code, params);
      expect(words).not.toBe(sayProblem(translator('en'), code, params));
      expect(words).not.toMatch(/\{\w+\}/);
      expect(words).not.toContain('problem.');
    });
  });

  it('shows a text that is not a code as it is', () => {
    expect(sayProblem(translator('ru'), 'Some older English text')).toBe('Some older English text');
  });

  it("words a Russian monitor's refusal and field errors from the codes the server sends", () => {
    const t = translator('ru');
    const data = {
      problem: { code: 'review.selfApproval' as const },
      fieldErrors: { title: 'A title is required', 'date.start': 'Give a real date written YYYY-MM (the precision is "month")' },
      fieldProblems: { title: { code: 'title.required' as const }, 'date.start': { code: 'date.format.month' as const } },
    };
    expect(sayError(t, data, 'You wrote or edited part of this change: another reviewer must decide on it.')).toBe(
      'Вы написали или редактировали часть этого изменения: решение должен принять другой проверяющий.',
    );
    expect(sayFieldErrors(t, data)).toEqual({ title: 'Нужно название', 'date.start': 'Укажите реальную дату в формате ГГГГ-ММ (точность: «месяц»)' });
  });

  it.each(['ru', 'kk'] as Locale[])('words an incident date that is not a date in %s, its pattern and precision too', (locale) => {
    const t = translator(locale);
    const issues = incidentDateInput.safeParse({ precision: 'month', start: '2017-13', end: '2017' }).error!.issues;
    const words = issues.map((issue) => sayIssue(t, issue));
    expect(words).toHaveLength(2);
    for (const said of words) {
      expect(said).toContain(t('datePattern.month'));
      expect(said).not.toMatch(/YYYY|month/);
    }
    expect(words[0]).toContain(t('precision.month').toLowerCase());
  });

  it('words a failed input check from its field problems, not the English list the server built', () => {
    const data = {
      problem: null,
      fieldErrors: { title: 'A title is required', 'date.start': 'A real date, YYYY-MM-DD or DD.MM.YYYY' },
      fieldProblems: { title: { code: 'title.required' as const }, 'date.start': { code: 'date.day' as const } },
    };
    const english = 'Please correct: Title — A title is required; Date › Start — A real date, YYYY-MM-DD or DD.MM.YYYY.';
    expect(sayError(translator('kk'), data, english)).toBe(`${translator('kk')('problem.title.required')} ${translator('kk')('problem.date.day')}`);
    expect(sayError(translator('en'), { problem: null, fieldErrors: null, fieldProblems: null }, 'Older text')).toBe('Older text');
  });

  it('words every field problem of the shared inputs from a code, never from English written in the schema', () => {
    const failures = [
      createUserInput.safeParse({ organizationId: '00000000-0000-4000-8000-000000000000', name: ' ', email: 'nobody', role: 'boss' }),
      saveSearchInput.safeParse({ organizationId: '00000000-0000-4000-8000-000000000000', name: '', filters: {} }),
      bulkDecisionInput.safeParse({ action: 'retract', items: [] }),
      bulkDecisionInput.safeParse({ action: 'approve', items: Array.from({ length: 101 }, () => ({ id: '00000000-0000-4000-8000-000000000000', version: 1 })) }),
      confirmPasswordInput.safeParse({}),
    ];
    const issues = failures.flatMap((result) => result.error?.issues ?? []);
    expect(issues.length).toBeGreaterThanOrEqual(6);
    const kk = translator('kk');
    for (const issue of issues) {
      expect(problemOfIssue(issue), issue.message).not.toBeNull();
      expect(sayIssue(kk, issue)).not.toBe(sayIssue(translator('en'), issue));
    }
    expect(sayIssue(translator('en'), issues[1]!)).toBe('Enter an email address such as name@example.org');
  });

  it("words a Kazakh monitor's form check: a date of the wrong shape, a text too long", () => {
    const t = translator('kk');
    const parsed = incidentDateInput.safeParse({ precision: 'day', start: '2017-13-40' });
    expect(parsed.success).toBe(false);
    const [issue] = parsed.error!.issues;
    const problem = problemOfIssue(issue!)!;
    expect(problem).toEqual({ code: 'date.format.day' });
    expect(sayProblem(t, problem.code, problem.params)).toBe('Нақты күнді ЖЖЖЖ-АА-КК пішімінде жазыңыз (дәлдігі: «күн»)');

    const tooLong = z.string().max(5).safeParse('too long by far');
    const lengthProblem = problemOfIssue(tooLong.error!.issues[0]!)!;
    expect(lengthProblem).toEqual({ code: 'field.tooLong', params: { maximum: 5 } });
    expect(sayProblem(t, lengthProblem.code, lengthProblem.params)).toBe('Ең көбі 5 таңба.');
  });
});
