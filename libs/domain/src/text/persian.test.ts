import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  PERSIAN_NORMALIZATION_RULES,
  PERSIAN_NORMALIZE_SQL_FUNCTION,
  attachedVariant,
  indexVariants,
  joinedVariant,
  normalizeText,
  queryVariants,
  spellingVariants,
} from './persian.js';

/** The code points that matter, plus a few letters, Latin, digits, spaces and combining marks. */
const TRICKY = [
  ...'يىےكةۀہھآأإٱ٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹',
  '\u064B', '\u064E', '\u0650', '\u0651', '\u0653', '\u0654', '\u0655', '\u065F', '\u0670', '\u0640',
  '\u200B', '\u200C', '\u200D', '\u200E', '\u200F', '\u202B', '\u2067', '\u2069', '\uFEFF', '\u00AD',
  '\u00A0', '\u202F', '\u2003', '\u3000', '\t', '\n', ' ', ' ',
  ...'کیهابتمیشرو', ...'AZazİIÉé09', '\u0301', '\u0327', 'Σ', 'ß',
];
const trickyText = fc.array(fc.constantFrom(...TRICKY), { maxLength: 40 }).map((chars) => chars.join(''));
const anyText = fc.oneof(trickyText, fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 20 }));

/** Code points that must never survive normalisation. */
const FORBIDDEN = new Set<number>([
  ...[0x064a, 0x0649, 0x06d2, 0x0643, 0x0629, 0x06c0, 0x06c1, 0x06be, 0x0622, 0x0623, 0x0625, 0x0671],
  ...range(0x0660, 0x0669), ...range(0x06f0, 0x06f9), ...range(0x064b, 0x065f), 0x0670, 0x0640,
  0x00ad, ...range(0x200b, 0x200f), ...range(0x202a, 0x202e), 0x2060, ...range(0x2066, 0x2069), 0xfeff, 0x00a0, 0x202f,
  ...range(0x41, 0x5a),
]);

const persianDigits = (n: number) => String(n).replace(/\d/g, (d) => String.fromCharCode(0x06f0 + Number(d)));
const arabicIndicDigits = (n: number) => String(n).replace(/\d/g, (d) => String.fromCharCode(0x0660 + Number(d)));

describe('normalizeText', () => {
  it('is idempotent', () => {
    fc.assert(
      fc.property(anyText, (value) => {
        const once = normalizeText(value);
        expect(normalizeText(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

  it('is idempotent for every BMP code point, alone and between a base letter and a combining mark', () => {
    const failures: string[] = [];
    for (let codePoint = 0; codePoint <= 0xffff; codePoint += 1) {
      if (codePoint >= 0xd800 && codePoint <= 0xdfff) continue;
      const char = String.fromCodePoint(codePoint);
      for (const value of [char, `A${char}\u0301`, `\u0627${char}\u0654`, `${char}\u200C${char}`]) {
        const once = normalizeText(value);
        if (normalizeText(once) !== once) failures.push(hex(codePoint));
      }
    }
    expect(failures).toEqual([]);
  });

  it('leaves no Arabic letter variants, diacritics, tatweel, invisible marks, odd spaces, Eastern digits or capitals', () => {
    fc.assert(
      fc.property(anyText, (value) => {
        const out = normalizeText(value);
        for (const char of out) expect(FORBIDDEN.has(char.codePointAt(0)!), hex(char.codePointAt(0)!)).toBe(false);
        expect(out).not.toMatch(/\s\s|^\s|\s$|[^\S ]/u);
      }),
      { numRuns: 2000 },
    );
  });

  it('maps Persian and Arabic-Indic digits to Latin ones', () => {
    fc.assert(
      fc.property(fc.nat(), (n) => {
        expect(normalizeText(persianDigits(n))).toBe(String(n));
        expect(normalizeText(arabicIndicDigits(n))).toBe(String(n));
      }),
    );
  });

  it('changes nothing in text that is already plain lower-case ASCII words', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z0-9@_.]{1,12}$/), { minLength: 1, maxLength: 6 }), (words) => {
        expect(normalizeText(words.join(' '))).toBe(words.join(' '));
      }),
    );
  });

  it.each([
    ['كيك يزدي', 'کیک یزدی'],
    ['می‌خواهم', 'می خواهم'],
    ['کِتابِ خُوب', 'کتاب خوب'],
    ['بادبــــــادک', 'بادبادک'],
    ['خانهٔ', 'خانه'],
    ['خانۀ', 'خانه'],
    ['أسعار إيران', 'اسعار ایران'],
    ['قیمت ١٢٣', 'قیمت 123'],
    ['قیمت ۱۲۳', 'قیمت 123'],
    ['FASHION', 'fashion'],
    ['ا\u0653رایش', 'ارایش'],
    ['\u2067@tehran_style\u2069  بلاگر\u200F', '@tehran_style بلاگر'],
  ])('normalises %s like %s (golden fixtures, search-design §7.4)', (a, b) => {
    expect(normalizeText(a)).toBe(normalizeText(b));
    expect(normalizeText(a)).toBe(b);
  });

  it('keeps a handle whole and lower-cases mixed text', () => {
    expect(normalizeText('Fashion بلاگر @Tehran_Style')).toBe('fashion بلاگر @tehran_style');
  });

  it('collapses every kind of whitespace and trims', () => {
    expect(normalizeText('\u00A0 کتاب\t\n\u202F\u3000ها \u200C')).toBe('کتاب ها');
    expect(normalizeText('   ')).toBe('');
  });

  it('lower-cases one code point at a time, as PostgreSQL and Lucene do', () => {
    expect(normalizeText('ΟΔΟΣ')).toBe('οδοσ');
    expect(normalizeText('İstanbul')).toBe('istanbul');
  });

  it('composes a mark that a deleted character had kept from its letter', () => {
    expect(normalizeText('E\u0640\u0301')).toBe('\u00E9');
  });
});

describe('spelling variants', () => {
  it('gives the split and joined forms of a ZWNJ word', () => {
    expect(normalizeText('شبکه‌های')).toBe('شبکه های');
    expect(joinedVariant('شبکه‌های')).toBe('شبکههای');
    expect(joinedVariant('شبکههای')).toBe('شبکههای');
  });

  it('glues detached Persian affixes to their word, and nothing else', () => {
    expect(attachedVariant('کتاب ها')).toBe('کتابها');
    expect(attachedVariant('می خواهم')).toBe('میخواهم');
    expect(attachedVariant('خانه ی من')).toBe('خانهی من');
    expect(attachedVariant('شبکه های اجتماعی')).toBe('شبکههای اجتماعی');
    expect(attachedVariant('کتاب ها ی من')).toBe('کتابهای من');
    expect(attachedVariant('ها کتاب')).toBe('ها کتاب');
    expect(attachedVariant('book ها')).toBe('book ها');
    expect(attachedVariant('می 2')).toBe('می 2');
    expect(attachedVariant('سفر به تهران')).toBe('سفر به تهران');
  });

  it('lets every spelling of شبکه‌های / کتاب‌ها / می‌خواهم find every other (search-design §7.4)', () => {
    const groups = [
      ['شبکه‌های', 'شبکههای', 'شبکه های'],
      ['کتاب‌ها', 'کتابها', 'كتاب ها', 'کتاب ها'],
      ['می‌خواهم', 'میخواهم', 'می خواهم'],
      ['شبکه‌های اجتماعی', 'شبکههای اجتماعی', 'شبکه های اجتماعی'],
    ];
    for (const group of groups) {
      for (const query of group) {
        for (const stored of group) {
          const shared = queryVariants(query).filter((variant) => indexVariants(stored).includes(variant));
          expect(shared, `${query} → ${stored}`).not.toEqual([]);
        }
      }
    }
  });

  it('are distinct, normalised, and start with the split form', () => {
    fc.assert(
      fc.property(anyText, (value) => {
        const variants = spellingVariants(value);
        expect(variants[0]).toBe(normalizeText(value));
        expect(new Set(variants).size).toBe(variants.length);
        expect(variants.length).toBeLessThanOrEqual(4);
        for (const variant of variants) expect(normalizeText(variant)).toBe(variant);
      }),
      { numRuns: 1000 },
    );
  });

  it('gives one variant for text without ZWNJ or detached affixes', () => {
    expect(queryVariants('Fashion blogger تهران')).toEqual(['fashion blogger تهران']);
  });
});

describe('the SQL twin', () => {
  it('is a complete, immutable fa_normalize built from the same tables', () => {
    expect(PERSIAN_NORMALIZE_SQL_FUNCTION).toMatch(/^CREATE OR REPLACE FUNCTION fa_normalize\(t text\) RETURNS text\n/);
    expect(PERSIAN_NORMALIZE_SQL_FUNCTION).toContain('IMMUTABLE');
    expect(PERSIAN_NORMALIZE_SQL_FUNCTION).toContain(`'${PERSIAN_NORMALIZATION_RULES.folds.map(([from]) => from).join('')}'`);
    expect(PERSIAN_NORMALIZE_SQL_FUNCTION).toContain(`'${PERSIAN_NORMALIZATION_RULES.deletedCharacterClass}', '', 'g'`);
    expect(PERSIAN_NORMALIZE_SQL_FUNCTION).toContain(`'${PERSIAN_NORMALIZATION_RULES.whitespaceCharacterClass}+', ' ', 'g'`);
    expect(PERSIAN_NORMALIZE_SQL_FUNCTION.match(/\$fa_normalize\$/g)).toHaveLength(2);
  });

  it('uses character classes that mean in JavaScript what they say', () => {
    const deleted = new RegExp(PERSIAN_NORMALIZATION_RULES.deletedCharacterClass, 'u');
    const spaces = new RegExp(PERSIAN_NORMALIZATION_RULES.whitespaceCharacterClass, 'u');
    for (const char of ['\u064B', '\u065F', '\u0670', '\u0640', '\u200D', '\uFEFF']) expect(char).toMatch(deleted);
    for (const char of ['\u200C', '\u00A0', '\u202F', ' ', '\t']) expect(char).toMatch(spaces);
    for (const char of ['ی', 'a', '1', '\u0600']) {
      expect(char).not.toMatch(deleted);
      expect(char).not.toMatch(spaces);
    }
  });
});

function hex(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

function range(first: number, last: number): number[] {
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}
