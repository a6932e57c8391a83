import { sql, type SQL } from 'drizzle-orm';
import { queryWords } from './words';

/**
 * A typed search as a PostgreSQL text query: every word must be found (AND), each in any of its
 * forms (OR): by the `russian` configuration's stem (Russian words; Latin words get English
 * stemming there), by the folded stem (another script, another spelling, a Kazakh or Russian
 * ending), or as the beginning of a folded word (a name typed halfway).
 */

/** Letters and digits only, so a word never carries tsquery syntax. */
const plain = (word: string) => word.replace(/[^\p{L}\p{M}\p{N}]/gu, '');

export function textQuery(query: string | null | undefined): SQL | null {
  const words = queryWords(query ?? '');
  if (!words.length) return null;
  const label = (lexeme: string, prefix = false) => `'${lexeme}'${prefix ? ':*' : ''}`;
  const parts = words.map(({ word, key, stems }) => {
    const forms = [sql`to_tsquery('simple'::regconfig, ${stems.map((stem) => label(stem)).join(' | ')})`];
    if (plain(word)) forms.push(sql`to_tsquery('russian'::regconfig, ${label(plain(word))})`);
    // A beginning of one or two letters would match half the collection.
    if (key.length >= 3) forms.push(sql`to_tsquery('simple'::regconfig, ${label(key, true)})`);
    return sql`(${sql.join(forms, sql` || `)})`;
  });
  return sql`(${sql.join(parts, sql` && `)})`;
}
