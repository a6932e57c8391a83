import { describe, expect, it } from 'vitest';
import { translator } from '@/common/i18n';
import { operatorLocale } from '@/cli/language';
import { describeAuditChainReport, type AuditChainReport } from '@/server/services/audit/verify';

/** The commands print in the operator's language: HRD_LANG, else the shell's locale, else English. */

describe("the operator's language", () => {
  it.each([
    [{}, 'en'],
    [{ LANG: 'ru_RU.UTF-8' }, 'ru'],
    [{ LANG: 'kk_KZ.UTF-8' }, 'kk'],
    [{ LANG: 'de_DE.UTF-8' }, 'en'],
    [{ LANG: 'ru_RU.UTF-8', LC_ALL: 'C.UTF-8' }, 'en'],
    [{ LANG: 'C.UTF-8', LC_MESSAGES: 'kk_KZ.UTF-8' }, 'kk'],
    [{ LANG: 'ru_RU.UTF-8', HRD_LANG: 'kk' }, 'kk'],
    [{ HRD_LANG: 'EN' }, 'en'],
  ])('from %o is %s', (env, locale) => {
    expect(operatorLocale(env)).toBe(locale);
  });
});

describe('the audit chain report', () => {
  const broken: AuditChainReport = {
    whole: false,
    rows: 6,
    broken: { id: 41, position: 7, problem: 'link', reason: 'gap', previousId: 39, expected: 'a'.repeat(64), found: 'b'.repeat(64) },
  };

  it('is worded from the dictionaries in each language, with the ids and hashes as they are', () => {
    expect(describeAuditChainReport(broken, translator('en'))).toEqual([
      'Audit chain broken at row 41 (position 7; the 6 rows before it are whole).',
      'Row 41 (position 7) does not follow row 39: its previous_hash is not row 39’s hash. A row between them was removed, or row 39 was changed and its hash recomputed.',
      `  its previous_hash:         ${'b'.repeat(64)}`,
      `  hash of the row before it: ${'a'.repeat(64)}`,
    ]);
    const russian = describeAuditChainReport(broken, translator('ru'));
    expect(russian[0]).toBe('Цепочка журнала аудита нарушена на строке 41 (позиция 7; предшествующие ей строки (6) целы).');
    expect(russian[1]).toContain('не следует за строкой 39');
    const kazakh = describeAuditChainReport({ whole: true, rows: 12, unkeyedRows: 2, lastHash: 'c'.repeat(64), lastId: 12 }, translator('kk'));
    expect(kazakh).toEqual(['Аудит журналының тізбегі бүтін: 12 жол', '(ең ескі 2 жол аудит кілтінен бұрын жазылған және оған қайта байланыстырылған)', `Соңғы хеш: ${'c'.repeat(64)}`]);
  });
});
