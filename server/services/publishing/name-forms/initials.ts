import 'server-only';
import { foldToKey } from './fold';
import type { Found } from './matcher';

/**
 * Names given with initials ("Kharkova L.", "Л. А. Харькова", "KHARKOVA L.A."): the initials belong
 * to the replacement, or the public text would read "Protected person 1 L.". An initial is a capital
 * (or a Latin digraph such as Zh, Kh) followed by a full stop. The initial next to the name must be
 * one of the person's own (its first sound, folded as names are); a second one (a patronymic) may
 * follow it. A full stop right after the name ends a sentence and is left alone.
 */
const initial = String.raw`(?:\p{Lu}\p{Ll}?\.)`;
const after = new RegExp(String.raw`^[ \t\u00a0]+(${initial})(?:[ \t\u00a0]*${initial})?`, 'u');
const before = new RegExp(String.raw`(?<![\p{L}\p{N}])(${initial})(?:[ \t\u00a0]*${initial})?[ \t\u00a0]+$`, 'u');
/** How far before a name initials can start: two initials with spaces. */
const lookBehind = 12;

function isOwn(written: string, initials: Set<string>): boolean {
  return initials.has(foldToKey(written.slice(0, -1)).charAt(0));
}

export function initialsAround(text: string, find: Found, initials: Set<string> | undefined): Found {
  if (!initials?.size) return find;
  let { start, end } = find;
  const next = after.exec(text.slice(end, end + lookBehind));
  if (next && isOwn(next[1]!, initials)) end += next[0].length;
  const from = Math.max(0, start - lookBehind);
  const previous = before.exec(text.slice(from, start));
  if (previous && isOwn(previous[1]!, initials)) start = from + previous.index;
  if (start === find.start && end === find.end) return find;
  return { ...find, start, end, found: text.slice(start, end) };
}
