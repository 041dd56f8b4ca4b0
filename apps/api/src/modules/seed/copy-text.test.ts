import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COPY_NULL, copyField, copyNullable, copyText, lineAlignedPieces, pgTextArray, rowEncoder } from './copy-text.js';

/** PostgreSQL's reading of one text-format COPY field (the escapes copyText writes). */
const readField = (field: string): string | null =>
  field === COPY_NULL ? null : field.replace(/\\(.)/g, (_, c: string) => ({ t: '\t', n: '\n', r: '\r' })[c] ?? c);

describe('COPY text encoding', () => {
  it('escapes only backslash, tab, newline and carriage return', () => {
    expect(copyText('plain "quoted", with commas')).toBe('plain "quoted", with commas');
    expect(copyText('a\tb\nc\rd\\e')).toBe('a\\tb\\nc\\rd\\\\e');
    expect(copyText('\\N')).toBe('\\\\N');
    expect(copyText('سارا\u200cاحمدی 🎉')).toBe('سارا\u200cاحمدی 🎉');
    expect(copyNullable(null)).toBe('\\N');
    expect(copyNullable('')).toBe('');
  });

  it('keeps every string intact through one field (no raw separators left)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (value) => {
        const field = copyText(value);
        expect(field).not.toMatch(/[\t\n\r]/);
        expect(readField(field)).toBe(value);
      }),
    );
  });

  it('writes text[] literals with every element quoted', () => {
    expect(pgTextArray([])).toBe('{}');
    expect(pgTextArray(['fa', 'en'])).toBe('{"fa","en"}');
    expect(pgTextArray(['a "b"', 'c\\d', 'NULL'])).toBe('{"a \\"b\\"","c\\\\d","NULL"}');
  });

  it('encodes a row by column kind', () => {
    const encode = rowEncoder<{ id: string; tags: string[]; data: object; n: number | null; note: string }>(
      ['id', 'tags', 'data', 'n', 'note'],
      ['scalar', 'array', 'json', 'scalar', 'scalar'],
    );
    expect(encode({ id: 'x', tags: ['a\\b'], data: { s: 'q"\n' }, n: null, note: 'tab\there' })).toBe(
      'x\t{"a\\\\\\\\b"}\t{"s":"q\\\\"\\\\n"}\t\\N\ttab\\there\n',
    );
    expect(copyField('scalar', 2.5)).toBe('2.5');
    expect(copyField('json', null)).toBe('\\N');
  });

  it('cuts rows into pieces at line ends only', () => {
    const rows = Array.from({ length: 500 }, (_, i) => `${i}\t${'🎉'.repeat(i % 7)}x\n`).join('');
    const pieces = [...lineAlignedPieces(rows, 64)];
    expect(pieces.join('')).toBe(rows);
    expect(pieces.length).toBeGreaterThan(10);
    for (const piece of pieces) expect(piece.endsWith('\n')).toBe(true);
    expect([...lineAlignedPieces('', 64)]).toEqual([]);
    expect([...lineAlignedPieces('ab\ncd\n', 1)]).toEqual(['ab\n', 'cd\n']);
  });
});
