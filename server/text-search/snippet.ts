import 'server-only';
import { bareWord, keysOfWord, queryWords } from './words';

/**
 * A short passage of a text the viewer may read, around the first word a search matched, with the
 * matched words marked: segments of plain text (the page renders `hit` ones as <mark>), never HTML,
 * so a record's text cannot inject markup. A word matches as the search does (words.ts): the same
 * folded stem, or a folded word the query's word begins.
 */

export type SnippetSegment = { text: string; hit?: true };

const word = /[\p{L}\p{M}\p{N}]+(?:['’ʼ][\p{L}\p{M}\p{N}]+)*/gu;

export function snippet(text: string, query: string, width = 180): SnippetSegment[] | null {
  const words = queryWords(query);
  if (!words.length || !text) return null;
  const matches = (candidate: string) => {
    const [key, ...stems] = keysOfWord(bareWord(candidate));
    if (key === undefined) return false;
    return words.some((w) => w.stems.some((stem) => stem === key || stems.includes(stem)));
  };
  const hits: { start: number; end: number }[] = [];
  for (const m of text.matchAll(word)) if (matches(m[0])) hits.push({ start: m.index, end: m.index + m[0].length });
  if (!hits.length) return null;

  // The window starts a little before the first hit, at a word's beginning, and ends at a word's end.
  let from = Math.max(0, hits[0]!.start - Math.floor(width / 4));
  let to = Math.min(text.length, from + width);
  if (from > 0) from = text.indexOf(' ', from) + 1 || from;
  if (to < text.length) to = text.lastIndexOf(' ', to) > from ? text.lastIndexOf(' ', to) : to;

  const segments: SnippetSegment[] = [];
  let at = from;
  const push = (segment: SnippetSegment) => segment.text && segments.push(segment);
  if (from > 0) push({ text: '… ' });
  for (const hit of hits) {
    if (hit.start < from || hit.end > to) continue;
    push({ text: text.slice(at, hit.start) });
    push({ text: text.slice(hit.start, hit.end), hit: true });
    at = hit.end;
  }
  push({ text: text.slice(at, to) });
  if (to < text.length) push({ text: ' …' });
  // Line breaks between the record's parts read as separators in one line.
  return segments.map((s) => ({ ...s, text: s.text.replace(/\s*\n\s*/g, ' · ') }));
}
