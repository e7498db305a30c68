/** Where a live chart's tooltip goes: beside its point, inside the chart, over neither the point nor the pointer. */
import { describe, expect, test } from 'vitest';
import { placeTooltip } from '../../src/client/tooltip.ts';

const size = { width: 100, height: 50 };
const chart = { width: 600, height: 400 };
const inside = (at: { x: number; y: number }) =>
  at.x >= 0 && at.y >= 0 && at.x + size.width <= chart.width && at.y + size.height <= chart.height;
const covers = (at: { x: number; y: number }, p: { x: number; y: number }) =>
  p.x >= at.x && p.x <= at.x + size.width && p.y >= at.y && p.y <= at.y + size.height;

describe('placeTooltip', () => {
  test('below and right of the point, in the open', () => {
    expect(placeTooltip(size, chart, { x: 100, y: 100 }, { x: 100, y: 100 })).toEqual({ x: 114, y: 114 });
  });

  test('flipped left, or above, at the right and bottom edges', () => {
    expect(placeTooltip(size, chart, { x: 550, y: 100 }, { x: 550, y: 100 })).toEqual({ x: 436, y: 114 });
    expect(placeTooltip(size, chart, { x: 100, y: 380 }, { x: 100, y: 380 })).toEqual({ x: 114, y: 316 });
    expect(placeTooltip(size, chart, { x: 550, y: 380 }, { x: 550, y: 380 })).toEqual({ x: 436, y: 316 });
  });

  test('never over the pointer when the point is some way from it', () => {
    // The point down and right of the pointer: the first place beside the point would cover it.
    const point = { x: 200, y: 200 };
    const pointer = { x: 260, y: 230 };
    const at = placeTooltip(size, chart, point, pointer);
    expect(inside(at)).toBe(true);
    expect(covers(at, pointer)).toBe(false);
    expect(covers(at, point)).toBe(false);
  });

  test('a box wider than half the chart (a phone) slides inside it rather than off its edge', () => {
    const phone = { width: 340, height: 240 };
    const wide = { width: 210, height: 60 };
    const at = placeTooltip(wide, phone, { x: 127, y: 205 }, { x: 130, y: 200 });
    expect(at.x).toBeGreaterThanOrEqual(0);
    expect(at.x + wide.width).toBeLessThanOrEqual(phone.width);
    expect(at.y + wide.height).toBeLessThanOrEqual(phone.height);
    expect(at.y + wide.height).toBeLessThan(205);
  });

  test('anywhere in the chart it stays inside and off both the point and the pointer', () => {
    for (let x = 0; x <= 600; x += 50) {
      for (let y = 0; y <= 400; y += 50) {
        const at = placeTooltip(size, chart, { x, y }, { x: Math.min(600, x + 20), y: Math.max(0, y - 15) });
        expect(inside(at), `${x}, ${y}`).toBe(true);
        expect(covers(at, { x, y }), `${x}, ${y}`).toBe(false);
      }
    }
  });
});
