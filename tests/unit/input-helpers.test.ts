import { describe, expect, it } from 'vitest';
import { refusedValueCode } from '@/db/errors';
import { hasNul, largestInteger } from '@/common/database-values';
import { checkText } from '@/server/services/exchange/check-text';
import { wordProblems } from '@/server/services/exchange/problems';
import { cursorDay, cursorMoment, decodeCursor, encodeCursor } from '@/common/inputs/cursor';
import { bigSerialId, serialId, versionNumber } from '@/common/inputs/numbers';
import { en } from '@/common/i18n/en';
import { translator } from '@/common/i18n';
import { problemOfIssue, sayIssue } from '@/common/inputs/problems';
import { nulMessage, nulProblem, optionalText, userText } from '@/common/inputs/text';
import { z } from 'zod';

/** The shared building blocks that keep bad input from reaching the database as a server error. */

describe('userText', () => {
  const title = userText().trim().min(1, 'A title is required').max(10, 'At most 10 characters');

  it('refuses text holding the NUL character, saying so in plain words', () => {
    const result = title.safeParse('Detained\u0000');
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([expect.objectContaining({ message: nulProblem })]);
    expect(nulMessage).toMatch(/invisible control character/);
    expect(en[`problem.${nulProblem}`]).toBe(nulMessage);
  });

  it('still trims and checks lengths like z.string()', () => {
    expect(title.parse('  Detained  ')).toBe('Detained');
    expect(title.safeParse('   ').error?.issues[0]?.message).toBe('A title is required');
    expect(title.safeParse('A very long title').error?.issues[0]?.message).toBe('At most 10 characters');
  });

  it('takes another wording where one is wanted', () => {
    expect(userText({ message: 'must not contain NUL' }).safeParse('a\u0000').error?.issues[0]?.message).toBe('must not contain NUL');
    expect(userText({ required: 'Enter a name' }).safeParse(undefined).error?.issues[0]?.message).toBe('Enter a name');
  });

  it('optionalText makes empty text null and refuses NUL too', () => {
    expect(optionalText(20).parse('  ')).toBeNull();
    expect(optionalText(20).parse(undefined)).toBeNull();
    expect(optionalText(20).parse(' Almaty ')).toBe('Almaty');
    expect(optionalText(20).safeParse('Alma\u0000ty').success).toBe(false);
    expect(hasNul('ok')).toBe(false);
  });
});

describe('database integers', () => {
  it('a version or a serial id is a whole number from 1 to 2,147,483,647', () => {
    for (const schema of [versionNumber, serialId]) {
      expect(schema.parse(1)).toBe(1);
      expect(schema.parse(largestInteger)).toBe(largestInteger);
      for (const bad of [0, -1, 1.5, largestInteger + 1, 3_000_000_000, Number.NaN]) expect(schema.safeParse(bad).success).toBe(false);
    }
    // Every way of missing it is one problem with the range, worded in the reader's language.
    for (const bad of [3_000_000_000, 1.5, '7', null]) {
      const issue = versionNumber.safeParse(bad).error!.issues[0]!;
      expect(problemOfIssue(issue)).toEqual({ code: 'number.versionNumber', params: { minimum: 1, maximum: largestInteger } });
    }
    const issue = serialId.safeParse(0).error!.issues[0]!;
    expect(sayIssue(translator('en'), issue)).toBe('Not a record number (a whole number from 1 to 2147483647)');
    expect(sayIssue(translator('ru'), issue)).toBe('Это не номер записи (нужно целое число от 1 до 2147483647)');
  });

  it('a bigserial id may be larger, up to what a JavaScript number holds exactly', () => {
    expect(bigSerialId.parse(3_000_000_000)).toBe(3_000_000_000);
    expect(bigSerialId.safeParse(Number.MAX_SAFE_INTEGER + 2).success).toBe(false);
    expect(bigSerialId.safeParse(0).success).toBe(false);
  });
});

describe('cursor parts', () => {
  it('a cursor day is a real date the database accepts', () => {
    for (const good of ['2017-05-25', '2016-02-29', '0001-01-01', '9999-12-31']) expect(cursorDay.safeParse(good).success, good).toBe(true);
    for (const bad of ['0000-01-01', '2017-02-29', '2017-13-01', '2017-00-10', '2017-04-31', '17-05-25', '2017-05-25T00:00:00Z', ''])
      expect(cursorDay.safeParse(bad).success, bad).toBe(false);
  });

  it('a cursor moment is a real UTC moment to the microsecond', () => {
    expect(cursorMoment.safeParse('2026-01-31T23:59:59.123456Z').success).toBe(true);
    for (const bad of ['2017-13-45T99:99:99.000000Z', '2017-01-01T24:00:00.000000Z', '0000-01-01T00:00:00.000000Z', '2017-01-01T00:60:00.000000Z', '2017-01-01T00:00:00Z', '2017-01-01'])
      expect(cursorMoment.safeParse(bad).success, bad).toBe(false);
  });

  it('encodes as base64url JSON, as the cursors handed out before did, and decodes against a shape', () => {
    const shape = z.strictObject({ d: cursorDay, id: z.uuid() });
    const value = { d: '2017-05-25', id: '5b0f6d62-3c5e-4f3a-9b1d-1f2e3d4c5b6a' };
    const text = encodeCursor(value);
    expect(text).toBe(Buffer.from(JSON.stringify(value)).toString('base64url'));
    expect(decodeCursor(text, shape)).toEqual(value);
  });

  it('decodes anything else to null: junk, other shapes, forged values', () => {
    const shape = z.tuple([cursorDay, z.uuid()]);
    const forged = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    for (const text of ['', '!!!', 'bm90IGpzb24', forged({ d: '2017-05-25' }), forged(['0000-01-01', '5b0f6d62-3c5e-4f3a-9b1d-1f2e3d4c5b6a']), forged(['2017-05-25', '-'.repeat(36)]), 'a'.repeat(501)])
      expect(decodeCursor(text, shape), text).toBeNull();
  });
});

describe('refusedValueCode', () => {
  const pgError = (code: string) => Object.assign(new Error('invalid input syntax for type uuid: "x"'), { code, severity: 'ERROR' });

  it('finds a data exception from either driver, also wrapped as a cause', () => {
    expect(refusedValueCode(pgError('22P02'))).toBe('22P02');
    expect(refusedValueCode(new Error('Failed query', { cause: pgError('22021') }))).toBe('22021');
    expect(refusedValueCode(new Error('tRPC', { cause: new Error('Failed query', { cause: pgError('22003') }) }))).toBe('22003');
  });

  it('leaves other failures alone: constraint violations, our own arithmetic, errors that are not the database', () => {
    expect(refusedValueCode(pgError('23505'))).toBeNull();
    expect(refusedValueCode(pgError('22012'))).toBeNull();
    expect(refusedValueCode(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }))).toBeNull();
    expect(refusedValueCode(Object.assign(new Error('not the database'), { code: '22P02' }))).toBeNull();
    expect(refusedValueCode(undefined)).toBeNull();
  });
});

describe('checkText on an exchange file', () => {
  it('points at every text holding NUL, values and field names alike', () => {
    const doc = { incidents: [{ title: 'ok' }, { title: 'bad\u0000', labels: { 'e\u0000n': 'x' } }], note: 'a/b\u0000' };
    expect(checkText(doc).map((problem) => problem.pointer)).toEqual(['/incidents/1/title', '/incidents/1/labels/e\u0000n', '/note']);
    expect(wordProblems(checkText(doc))[0]?.message).toMatch(/NUL character/);
    expect(checkText({ incidents: [{ title: 'fine', count: 3, when: null }] })).toEqual([]);
  });
});
