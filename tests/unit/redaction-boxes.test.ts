import { describe, expect, it } from 'vitest';
import { boxFromDrag, boxFromPercent, insidePicture, toPercent } from '@/common/redaction-boxes';
import { redactionBoxes } from '@/common/inputs/evidence';

describe('redaction boxes as the reviewer draws and types them', () => {
  it('draws the same box whichever way the mouse is dragged, kept inside the picture', () => {
    const box = { x: 0.2, y: 0.1, width: 0.3, height: 0.4 };
    for (const [from, to] of [
      [{ x: 0.2, y: 0.1 }, { x: 0.5, y: 0.5 }],
      [{ x: 0.5, y: 0.5 }, { x: 0.2, y: 0.1 }],
      [{ x: 0.5, y: 0.1 }, { x: 0.2, y: 0.5 }],
    ] as const) {
      const drawn = boxFromDrag(from, to)!;
      expect([drawn.x, drawn.y, drawn.width, drawn.height].map((n) => Math.round(n * 1000) / 1000)).toEqual([box.x, box.y, box.width, box.height]);
    }
    // Dragged out past the edge (the pointer left the image): cut at the edge.
    expect(boxFromDrag({ x: 0.8, y: -0.2 }, { x: 1.4, y: 0.3 })).toEqual({ x: 0.8, y: 0, width: 0.19999999999999996, height: 0.3 });
    // A click, or a sliver, is not a box.
    expect(boxFromDrag({ x: 0.4, y: 0.4 }, { x: 0.4, y: 0.4 })).toBeNull();
    expect(boxFromDrag({ x: 0.4, y: 0.4 }, { x: 0.9, y: 0.405 })).toBeNull();
  });

  it('reads the keyboard alternative in percent (a comma as the decimal mark too), refusing what is not a box inside the picture', () => {
    expect(boxFromPercent({ x: '10', y: '20', width: '30', height: '12,5' })).toEqual({ x: 0.1, y: 0.2, width: 0.3, height: 0.125 });
    expect(boxFromPercent({ x: '70', y: '0', width: '30', height: '100' })).toEqual({ x: 0.7, y: 0, width: 0.3, height: 1 });
    for (const fields of [
      { x: '', y: '20', width: '30', height: '10' },
      { x: 'ten', y: '20', width: '30', height: '10' },
      { x: '80', y: '20', width: '30', height: '10' },
      { x: '10', y: '20', width: '0', height: '10' },
      { x: '-5', y: '20', width: '30', height: '10' },
    ]) {
      expect(boxFromPercent(fields)).toBeNull();
    }
    expect(toPercent(0.125)).toBe(12.5);
    expect(toPercent(1 / 3)).toBe(33.3);
  });

  it('accepts on the server exactly the boxes that lie inside the picture', () => {
    const inside = [{ x: 0.7, y: 0.1, width: 0.3, height: 0.2 }];
    expect(insidePicture(inside[0]!)).toBe(true);
    expect(redactionBoxes.safeParse(inside).success).toBe(true);
    const beyond = redactionBoxes.safeParse([{ x: 0.8, y: 0.1, width: 0.3, height: 0.2 }]);
    expect(beyond.success).toBe(false);
    expect(beyond.error!.issues[0]!.message).toBe('redaction.outsidePicture');
  });
});
