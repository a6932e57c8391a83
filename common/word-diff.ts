/**
 * Word-level differences between two versions of a text, for reviewers: which words were taken out,
 * which put in, and the long unchanged stretches folded away. Pure and shared by the browser and the
 * server: no database, no framework.
 *
 * Texts are split into words and the spaces between them, the longest common subsequence of the two
 * is kept, and the rest is marked. A common beginning and end are set aside first, so the usual edit
 * (a few words in a long summary) compares only the part that changed.
 */

export type WordSegment = { kind: 'same' | 'ins' | 'del'; text: string };
/** What a reader sees: changed words, unchanged text, and unchanged stretches folded to their count of words. */
export type ShownSegment = WordSegment | { kind: 'fold'; words: number };

/** Beyond this many cells the comparison would be slow; the changed middle is then shown as replaced whole. */
const maxCells = 4_000_000;

/** Words (any run of letters, digits or punctuation) and the whitespace between them, in order. */
export function tokenize(text: string): string[] {
  return text.match(/\s+|[^\s]+/g) ?? [];
}

function push(segments: WordSegment[], kind: WordSegment['kind'], text: string) {
  if (!text) return;
  const last = segments.at(-1);
  if (last && last.kind === kind) last.text += text;
  else segments.push({ kind, text });
}

/** The middle, where the texts differ: a longest common subsequence of tokens, walked back from its end. */
function diffMiddle(a: string[], b: string[], out: WordSegment[]) {
  const n = a.length;
  const m = b.length;
  if (n * m > maxCells) {
    push(out, 'del', a.join(''));
    push(out, 'ins', b.join(''));
    return;
  }
  // lengths[i][j]: the longest common subsequence of a[i..] and b[j..], in one flat array.
  const width = m + 1;
  const lengths = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * width + j] = a[i] === b[j] ? lengths[(i + 1) * width + j + 1]! + 1 : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
    }
  }
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      push(out, 'same', a[i]!);
      i++;
      j++;
    } else if (lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!) {
      push(out, 'del', a[i++]!);
    } else {
      push(out, 'ins', b[j++]!);
    }
  }
  while (i < n) push(out, 'del', a[i++]!);
  while (j < m) push(out, 'ins', b[j++]!);
}

/**
 * The segments that turn `before` into `after`: unchanged text, deleted words, inserted words.
 * Joining the `same` and `del` segments gives `before` back; joining `same` and `ins` gives `after`.
 */
export function diffWords(before: string, after: string): WordSegment[] {
  const a = tokenize(before);
  const b = tokenize(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const out: WordSegment[] = [];
  push(out, 'same', a.slice(0, start).join(''));
  diffMiddle(a.slice(start, endA), b.slice(start, endB), out);
  push(out, 'same', a.slice(endA).join(''));
  return out;
}

const wordsIn = (tokens: string[]) => tokens.filter((token) => /\S/.test(token)).length;

/** The first `count` words of the tokens (with the spaces between them), and the rest. */
function splitAfterWords(tokens: string[], count: number): [string[], string[]] {
  let seen = 0;
  for (let index = 0; index < tokens.length; index++) {
    if (/\S/.test(tokens[index]!) && ++seen > count) return [tokens.slice(0, index), tokens.slice(index)];
  }
  return [tokens, []];
}

/**
 * Folds unchanged stretches longer than `context` words on each side of a change: the reader keeps
 * `context` words before and after every change, and sees how many words were folded in between.
 * A text with no change at all is folded down to its first and last `context` words.
 */
export function foldUnchanged(segments: WordSegment[], context = 8): ShownSegment[] {
  const shown: ShownSegment[] = [];
  segments.forEach((segment, index) => {
    if (segment.kind !== 'same') {
      shown.push(segment);
      return;
    }
    const tokens = tokenize(segment.text);
    const keepBefore = index > 0 ? context : 0; // words after the previous change
    const keepAfter = index < segments.length - 1 ? context : 0; // words before the next change
    const total = wordsIn(tokens);
    const keepHead = index === 0 && segments.length === 1 ? context : keepBefore;
    const keepTail = index === 0 && segments.length === 1 ? context : keepAfter;
    if (total <= keepHead + keepTail + 2) {
      shown.push(segment);
      return;
    }
    const [head, rest] = splitAfterWords(tokens, keepHead);
    const [middle, tail] = splitAfterWords(rest, wordsIn(rest) - keepTail);
    if (head.length) shown.push({ kind: 'same', text: head.join('') });
    shown.push({ kind: 'fold', words: wordsIn(middle) });
    if (tail.length) shown.push({ kind: 'same', text: tail.join('') });
  });
  return shown;
}
