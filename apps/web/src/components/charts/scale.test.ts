import { describe, expect, it } from 'vitest';
import { linearScale, niceStep, niceTicks, spreadIndices } from './scale';

describe('chart scales', () => {
  it('picks round steps', () => {
    expect(niceStep(30_000, 4)).toBe(10_000);
    expect(niceStep(1_000, 4)).toBe(250);
    expect(niceStep(7, 4)).toBe(2);
  });

  it('makes ticks that cover the data on round numbers', () => {
    expect(niceTicks(922, 29_994, 4)).toEqual([0, 10_000, 20_000, 30_000]);
    expect(niceTicks(14_528, 17_761, 4)).toEqual([14_000, 15_000, 16_000, 17_000, 18_000]);
    const flat = niceTicks(500, 500, 4);
    expect(flat[0]).toBeLessThanOrEqual(500);
    expect(flat[flat.length - 1]).toBeGreaterThanOrEqual(500);
  });

  it('maps a domain onto a range (inverted for y axes)', () => {
    const y = linearScale(0, 100, 200, 0);
    expect(y(0)).toBe(200);
    expect(y(25)).toBe(150);
    expect(linearScale(5, 5, 0, 10)(5)).toBe(5);
  });

  it('spreads labels evenly, keeping the first and the last', () => {
    expect(spreadIndices(3, 5)).toEqual([0, 1, 2]);
    expect(spreadIndices(10, 4)).toEqual([0, 3, 6, 9]);
    expect(spreadIndices(0, 4)).toEqual([]);
  });
});
