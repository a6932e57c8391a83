import 'server-only';

/**
 * Pairs the rows a file wants with the rows stored, pass by pass (by ref, then by identical content,
 * then by the same slot with new wording): a stored row matches at most one wanted row, and the
 * earliest pass that finds one wins, so that an import changes as few rows as it can.
 * Gives, for each wanted row, the index of its stored row or null, and the stored rows left over.
 */
export function matchInPasses<S, W>(stored: S[], wanted: W[], passes: ((stored: S, wanted: W, w: number) => boolean)[]) {
  const unused = new Set(stored.map((_, index) => index));
  const matches: (number | null)[] = wanted.map(() => null);
  for (const pass of passes) {
    wanted.forEach((item, w) => {
      if (matches[w] !== null) return;
      const found = [...unused].find((s) => pass(stored[s]!, item, w));
      if (found !== undefined) {
        matches[w] = found;
        unused.delete(found);
      }
    });
  }
  return { matches, unused: [...unused] };
}
