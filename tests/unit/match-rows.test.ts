import { describe, expect, it } from 'vitest';
import { matchInPasses } from '@/server/services/exchange/match-rows';

type Row = { ref: string | null; text: string };
const byRef = (stored: Row, wanted: Row) => wanted.ref !== null && stored.ref === wanted.ref;
const sameText = (stored: Row, wanted: Row) => stored.text === wanted.text;

describe('pairing the rows a file wants with the stored ones, pass by pass', () => {
  it('lets an earlier pass win and matches each stored row once', () => {
    const stored: Row[] = [
      { ref: 'a', text: 'arrest' },
      { ref: null, text: 'appeal' },
      { ref: 'c', text: 'verdict' },
    ];
    const wanted: Row[] = [
      { ref: null, text: 'verdict' },
      { ref: 'c', text: 'verdict, reworded' },
      { ref: null, text: 'appeal' },
      { ref: null, text: 'appeal' },
    ];
    // The reworded row keeps its ref's stored row, so the unreffed "verdict" finds none left.
    expect(matchInPasses(stored, wanted, [byRef, sameText])).toEqual({ matches: [null, 2, 1, null], unused: [0] });
  });

  it('leaves every stored row over when the file wants none', () => {
    expect(matchInPasses([{ ref: 'a', text: 'x' }], [] as Row[], [byRef])).toEqual({ matches: [], unused: [0] });
  });
});
