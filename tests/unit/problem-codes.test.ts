import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from '../support/source-files';
import { en } from '@/common/i18n/en';
import { kk } from '@/common/i18n/kk';
import { ru } from '@/common/i18n/ru';

/**
 * Nothing a person reads is an English sentence built on the server: a refusal is a DomainError with
 * a problem code (server/errors.ts), worded in the reader's language by the dictionaries. This scan
 * keeps `new TRPCError({ …, message })` from coming back anywhere in server/ but errors.ts itself.
 */
const serverRoot = path.join(import.meta.dirname, '../../server');

/** Each `new TRPCError({ … })` of a text that gives it a message of its own, as "file:line". */
function worded(file: string, text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/new TRPCError\(\s*\{/g)) {
    // The object literal up to its closing brace (a message holding "}" is cut short, which still shows `message`).
    const start = match.index + match[0].length;
    let depth = 1;
    let end = start;
    while (end < text.length && depth > 0) {
      if (text[end] === '{') depth++;
      else if (text[end] === '}') depth--;
      end++;
    }
    if (/(^|[\s,{])message\s*[:,}]|(^|[\s,{])message\s*$/m.test(text.slice(start, end - 1))) {
      found.push(`${file}:${text.slice(0, match.index).split('\n').length}`);
    }
  }
  return found;
}

describe('the refusals of the server', () => {
  it('finds a worded TRPCError, and lets one without a message pass', () => {
    expect(worded('a.ts', "throw new TRPCError({ code: 'BAD_REQUEST', message: `You keep ${n} at most.` });")).toEqual(['a.ts:1']);
    expect(worded('b.ts', "const message = 'x';\n\nthrow new TRPCError({\n  code: 'BAD_REQUEST',\n  message,\n});")).toEqual(['b.ts:3']);
    expect(worded('c.ts', "return problem(new TRPCError({ code: 'NOT_FOUND' }));")).toEqual([]);
  });

  it('are problem codes: no TRPCError with a message of its own outside server/errors.ts', () => {
    const files = sourceFiles(serverRoot).filter((file) => path.relative(serverRoot, file) !== 'errors.ts');
    expect(files.length).toBeGreaterThan(100);
    const offenders = files.flatMap((file) => worded(path.relative(serverRoot, file), readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});

describe('the wording of every problem code', () => {
  const codes = Object.keys(en).filter((key) => key.startsWith('problem.')) as (keyof typeof en)[];

  it.each(['ru', 'kk'] as const)('is in %s too, and not left in English', (locale) => {
    const dictionary = { ru, kk }[locale];
    expect(codes.filter((key) => dictionary[key] === undefined)).toEqual([]);
    expect(codes.filter((key) => dictionary[key] === en[key])).toEqual([]);
  });
});
