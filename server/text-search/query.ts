import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { queryWords } from './words';

/**
 * A typed search as a PostgreSQL text query: every word must be found (AND), each in any of its
 * forms (OR): by the `russian` configuration's stem (Russian words; Latin words get English
 * stemming there), by the folded stem (another script, another spelling, a Kazakh or Russian
 * ending). Whole words, not beginnings: a prefix (`:*`) defeats the planner's estimate of how many
 * rows match (it guessed 3% for a word in none, and walked a million rows by date looking for
 * them); names typed halfway are the suggestions' job (actor-match.ts).
 */

/** Letters and digits only, so a word never carries tsquery syntax. */
const plain = (word: string) => word.replace(/[^\p{L}\p{M}\p{N}]/gu, '');

export function textQuery(query: string | null | undefined): SQL | null {
  const words = queryWords(query ?? '');
  if (!words.length) return null;
  const label = (lexeme: string) => `'${lexeme}'`;
  const parts = words.map(({ word, stems }) => {
    const forms = [sql`to_tsquery('simple'::regconfig, ${stems.map(label).join(' | ')})`];
    if (plain(word)) forms.push(sql`to_tsquery('russian'::regconfig, ${label(plain(word))})`);
    return sql`(${sql.join(forms, sql` || `)})`;
  });
  return sql`(${sql.join(parts, sql` && `)})`;
}
