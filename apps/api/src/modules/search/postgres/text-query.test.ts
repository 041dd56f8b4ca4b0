import { describe, expect, it } from 'vitest';
import { parseTextQuery } from './text-query.js';

describe('parseTextQuery', () => {
  it('ANDs the words and matches the last one as a prefix, listing it for expansion', () => {
    expect(parseTextQuery('fitness coach')).toMatchObject({ tsquery: `('fitness') & ('coach':*)`, prefixes: ['coach'] });
    expect(parseTextQuery('"street food"')).toMatchObject({ tsquery: `('street' <-> 'food')`, prefixes: [] });
    expect(parseTextQuery('a')).toMatchObject({ tsquery: `('a')`, prefixes: [] });
  });

  it('expands a prefix into the words the dictionary knows, the typed word first, each once', () => {
    const expansions = new Map([['teh', ['tehran', 'tehrani']], ['tehran', ['tehran', 'tehrani']]]);
    expect(parseTextQuery('teh', expansions).tsquery).toBe(`(('teh' | 'tehran' | 'tehrani'))`);
    expect(parseTextQuery('food tehran', expansions).tsquery).toBe(`('food') & (('tehran' | 'tehrani'))`);
  });

  it('keeps the prefix match when the dictionary knows no word for it', () => {
    expect(parseTextQuery('food998', new Map([['food', ['foodie']]])).tsquery).toBe(`('food998':*)`);
    expect(parseTextQuery('food998', new Map([['food998', []]])).tsquery).toBe(`('food998':*)`);
  });

  it('quotes dictionary words safely', () => {
    expect(parseTextQuery('it', new Map([['it', [`it's`, 'it\\s']]])).tsquery).toBe(`(('it' | 'it''s' | 'it\\\\s'))`);
  });

  it('expands both spellings of a word with a ZWNJ', () => {
    const parsed = parseTextQuery('شبکه‌های', new Map([['شبکههای', ['شبکههایی']]]));
    expect(parsed.prefixes).toEqual(['های', 'شبکههای']);
    expect(parsed.tsquery).toContain(`('شبکه' & 'های':*) | (('شبکههای' | 'شبکههایی'))`);
  });
});
