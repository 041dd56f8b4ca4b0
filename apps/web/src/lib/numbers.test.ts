import { describe, expect, it } from 'vitest';
import { fromMinorUnits, parseLocaleNumber, toMinorUnits } from './numbers';

describe('parseLocaleNumber', () => {
  it('reads Latin, Persian and Arabic digits and the Persian separators', () => {
    expect(parseLocaleNumber('52000')).toBe(52000);
    expect(parseLocaleNumber('۵۲٬۰۰۰')).toBe(52000);
    expect(parseLocaleNumber('٣٫٤')).toBe(3.4);
    expect(parseLocaleNumber(' 1,250.5 ')).toBe(1250.5);
    expect(parseLocaleNumber('−۲٫۵')).toBe(-2.5);
  });

  it('tells empty from not a number', () => {
    expect(parseLocaleNumber('')).toBeNull();
    expect(parseLocaleNumber('   ')).toBeNull();
    expect(parseLocaleNumber(undefined)).toBeNull();
    expect(parseLocaleNumber('12a')).toBeNaN();
    expect(parseLocaleNumber('1.2.3')).toBeNaN();
  });
});

describe('money units', () => {
  it('converts major units to integer minor units and back', () => {
    expect(toMinorUnits(450, 'USD')).toBe(45000);
    expect(toMinorUnits(19.99, 'EUR')).toBe(1999);
    expect(toMinorUnits(0.1 + 0.2, 'USD')).toBe(30);
    expect(fromMinorUnits(45000, 'USD')).toBe(450);
  });
});
