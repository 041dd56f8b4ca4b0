import fc from 'fast-check';
import { joinedVariant, normalizeText } from '@reachbridge/domain';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/test-database.js';

/**
 * The SQL `fa_normalize` (migrations) and `normalizeText` (libs/domain) must agree exactly: the
 * stored tsvector is built by one and the query by the other.
 */
const database = await createTestDatabase();
afterAll(() => database.drop());

const codePoints = [
  ...'يىےكةۀہھآأإٱ٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹کیهابتسشمنوAZİÉΣß',
  ...[0x064b, 0x064e, 0x0650, 0x0654, 0x0670, 0x0640, 0x00ad, 0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0x202a, 0x202e, 0x2066, 0x2069, 0xfeff, 0x00a0, 0x202f, 0x2003, 0x3000, 0x0301].map((c) =>
    String.fromCodePoint(c),
  ),
  ' ',
  '\t',
  '\n',
];

async function compare(samples: string[]) {
  const rows: { s: string; n: string; j: string }[] = await database.dataSource.query(
    `SELECT s, fa_normalize(s) AS n, fa_normalize(replace(s, U&'\\200C', '')) AS j FROM unnest($1::text[]) AS s`,
    [samples],
  );
  return rows.filter((row) => row.n !== normalizeText(row.s) || row.j !== joinedVariant(row.s));
}

describe('fa_normalize (SQL) and normalizeText (TypeScript)', () => {
  it('agree on 5,000 random strings of the tricky characters', async () => {
    const samples = fc.sample(fc.array(fc.constantFrom(...codePoints), { maxLength: 30 }).map((chars) => chars.join('')), { numRuns: 5000, seed: 42 });
    expect(await compare(samples)).toEqual([]);
  });

  it('agree on every code point of the Latin, Arabic and punctuation blocks, alone and in context', async () => {
    const samples: string[] = [];
    for (const [from, to] of [[0x0001, 0x07ff], [0x2000, 0x206f], [0xfb50, 0xfeff]] as const) {
      for (let c = from; c <= to; c += 1) {
        if (c >= 0xd800 && c <= 0xdfff) continue;
        const char = String.fromCodePoint(c);
        samples.push(char, `Q${char}\u0640\u0301`);
      }
    }
    expect(await compare(samples)).toEqual([]);
  });
});
