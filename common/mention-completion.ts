import { mentionToken, type Mention } from './mentions';

/**
 * Typing a mention: "@" then the first letters of a name offers the record's people whose name
 * matches, and picking one puts the mention token (common/mentions.ts) where "@letters" was typed.
 * Pure: the browser's field gives the text and the caret, this says what to offer and what to write.
 */

export type MentionChoice = Mention & { label: string };
export type MentionQuery = { start: number; end: number; query: string };

/** At most this many letters are read back from the caret: nobody types a whole paragraph after "@". */
const longestQuery = 40;

/**
 * The "@letters" being typed just before the caret, if any. The "@" starts the text or follows a
 * space or punctuation (an e-mail address is not a mention); what follows it is letters, marks,
 * digits, apostrophes, hyphens, dots, and single spaces between words (a first name and a surname).
 */
export function mentionQueryAt(text: string, caret: number): MentionQuery | null {
  const before = text.slice(Math.max(0, caret - longestQuery - 1), caret);
  const match = /(?:^|[\s([{«"“,;:])@((?:[\p{L}\p{M}\p{N}'’.-]+ ?)*)$/u.exec(before);
  if (!match) return null;
  const query = match[1]!;
  // "@[" is a token already written, not a name being typed.
  if (text[caret - query.length - 1] !== '@' || text[caret - query.length] === '[') return null;
  return { start: caret - query.length - 1, end: caret, query };
}

/** Kazakh letters as a Russian keyboard types them, so that "айгул" finds Айгүл. */
const kazakhToRussian: Record<string, string> = { ә: 'а', ғ: 'г', қ: 'к', ң: 'н', ө: 'о', ұ: 'у', ү: 'у', һ: 'х', і: 'и' };
const fold = (text: string) =>
  text
    .toLocaleLowerCase()
    .replace(/[әғқңөұүһі]/gu, (letter) => kazakhToRussian[letter]!)
    .normalize('NFD')
    .replace(/\p{M}/gu, '');

/** The choices whose name has a word starting with each typed word ("@lar kh" finds Larisa Kharkova). */
export function matchingChoices<C extends MentionChoice>(choices: readonly C[], query: string, limit = 8): C[] {
  const typed = fold(query).split(/\s+/u).filter(Boolean);
  return choices
    .filter((choice) => {
      const words = fold(choice.label).split(/[\s\-‐,.()]+/u);
      return typed.every((part) => words.some((word) => word.startsWith(part)));
    })
    .slice(0, limit);
}

/** The text with "@letters" replaced by the chosen mention and a space, and where the caret goes. */
export function completeMention(text: string, at: MentionQuery, choice: Mention): { text: string; caret: number } {
  const inserted = `${mentionToken(choice)} `;
  const rest = text.slice(at.end).replace(/^ /u, '');
  return { text: text.slice(0, at.start) + inserted + rest, caret: at.start + inserted.length };
}
