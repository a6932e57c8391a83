import { describe, expect, it } from 'vitest';
import { diffWords, foldUnchanged, type WordSegment } from '@/common/word-diff';

const side = (segments: WordSegment[], kind: 'del' | 'ins') => segments.filter((s) => s.kind === 'same' || s.kind === kind).map((s) => s.text).join('');
const marked = (segments: WordSegment[], kind: 'del' | 'ins') => segments.filter((s) => s.kind === kind).map((s) => s.text.trim());

describe('diffWords', () => {
  it('marks the words taken out and put in, and gives both texts back whole', () => {
    const before = 'The editor was detained in Almaty on Monday.';
    const after = 'The editor was detained by the police in Shymkent on Monday.';
    const segments = diffWords(before, after);
    expect(side(segments, 'del')).toBe(before);
    expect(side(segments, 'ins')).toBe(after);
    expect(marked(segments, 'del')).toEqual(['Almaty']);
    expect(marked(segments, 'ins')).toEqual(['by the police', 'Shymkent']);
  });

  it('answers one unchanged segment for equal texts, and only changes between texts with nothing in common', () => {
    expect(diffWords('Жанаозен, 2011', 'Жанаозен, 2011')).toEqual([{ kind: 'same', text: 'Жанаозен, 2011' }]);
    expect(diffWords('one two', 'three')).toEqual([
      { kind: 'del', text: 'one two' },
      { kind: 'ins', text: 'three' },
    ]);
  });

  it('handles an empty side', () => {
    expect(diffWords('', 'new words')).toEqual([{ kind: 'ins', text: 'new words' }]);
    expect(diffWords('old words', '')).toEqual([{ kind: 'del', text: 'old words' }]);
  });

  it('compares long texts that differ in one word quickly, by their common beginning and end', () => {
    const words = Array.from({ length: 20_000 }, (_, i) => `w${i}`);
    const after = [...words];
    after[10_000] = 'changed';
    const started = performance.now();
    const segments = diffWords(words.join(' '), after.join(' '));
    expect(performance.now() - started).toBeLessThan(2000);
    expect(marked(segments, 'del')).toEqual(['w10000']);
    expect(marked(segments, 'ins')).toEqual(['changed']);
  });

  it('shows two wholly different long texts as replaced, without building a huge table', () => {
    const a = Array.from({ length: 3000 }, (_, i) => `a${i}`).join(' ');
    const b = Array.from({ length: 3000 }, (_, i) => `b${i}`).join(' ');
    expect(diffWords(a, b)).toEqual([
      { kind: 'del', text: a },
      { kind: 'ins', text: b },
    ]);
  });
});

describe('foldUnchanged', () => {
  const long = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`).join(' ');

  it('keeps a few words around each change and folds the rest, counting the folded words', () => {
    const before = `${long('x', 40)} old ${long('y', 40)}`;
    const after = `${long('x', 40)} new ${long('y', 40)}`;
    const shown = foldUnchanged(diffWords(before, after), 5);
    expect(shown[0]).toEqual({ kind: 'fold', words: 35 });
    expect(shown.filter((s) => s.kind === 'del' || s.kind === 'ins').map((s) => s.kind === 'fold' ? '' : s.text)).toEqual(['old', 'new']);
    expect(shown.at(-1)).toEqual({ kind: 'fold', words: 35 });
    const kept = shown.filter((s) => s.kind === 'same').map((s) => (s.kind === 'same' ? s.text : ''));
    expect(kept[0]).toBe('x35 x36 x37 x38 x39 ');
    expect(kept[1]).toBe(' y0 y1 y2 y3 y4 ');
  });

  it('leaves short unchanged stretches as they are', () => {
    const segments = diffWords('a b c d', 'a b x d');
    expect(foldUnchanged(segments, 8)).toEqual(segments);
  });

  it('folds a long unchanged text to its first and last words', () => {
    const text = long('w', 100);
    const shown = foldUnchanged(diffWords(text, text), 3);
    expect(shown).toEqual([{ kind: 'same', text: 'w0 w1 w2 ' }, { kind: 'fold', words: 94 }, { kind: 'same', text: 'w97 w98 w99' }]);
  });
});
