import { ZSearchQuery } from '@reachbridge/contracts';
import { computeCostPerTargetedThousand } from '@reachbridge/domain';
import { describe, expect, it } from 'vitest';
import type { InfluencerSearchDocument } from '../search.port.js';
import { otherSampleDocument, sampleDocument } from './sample-documents.js';
import { audienceTargetFields, audienceTargets, cheapestRate, costPerTargetedThousand, documentFromSource, toSearchSource } from './search-source.js';

describe('toSearchSource', () => {
  const doc = sampleDocument();
  const source = toSearchSource(doc);

  it('adds the niches with their English and Persian labels', () => {
    expect(source.niche_labels).toBe('food food cooking recipes غذا آشپزی lifestyle lifestyle سبک زندگی لایف استایل');
  });

  it('adds glued-affix spellings of name and bio, only when they differ', () => {
    expect(toSearchSource(sampleDocument({ displayName: 'Sara', bio: 'مد در شبکه های اجتماعی' })).spelling_variants).toEqual(['مد در شبکههای اجتماعی']);
    expect(toSearchSource(sampleDocument({ displayName: 'Sara', bio: 'plain English' })).spelling_variants).toEqual([]);
  });

  it('adds the cheapest price per currency and per currency and deliverable', () => {
    expect(source.price_min).toEqual({ USD: 20_000, USD_post: 45_000, USD_story: 20_000, TRY: 150_000, TRY_post: 150_000 });
  });

  it('lists audience countries with at least 10 % as top countries, sorted', () => {
    expect(source.audience_top_countries).toEqual(['IR', 'US']);
  });

  it('drops audience keys the mapping does not know, so dynamic fields stay bounded', () => {
    const odd = toSearchSource(
      sampleDocument({
        audience: { countries: { IR: 50, Iran: 10, 'a.b': 5 }, ages: { '55+': 3, '65+': 1 }, genders: { female: 60, x: 1 }, languages: { fa: 90, FA: 1, persian: 2 } },
      }),
    );
    expect(odd.audience).toEqual({ countries: { IR: 50 }, ages: { '55+': 3 }, genders: { female: 60 }, languages: { fa: 90 } });
  });

  it('indexes only the document’s own fields', () => {
    const rate = { ...sampleDocument().rates[0]!, note: 'x' };
    const withExtra: InfluencerSearchDocument = Object.assign(sampleDocument({ rates: [rate] }), { userId: 'u1' });
    const indexed = toSearchSource(withExtra);
    expect(indexed).not.toHaveProperty('userId');
    expect(indexed.rates[0]).not.toHaveProperty('note');
  });

  it('round-trips through documentFromSource', () => {
    expect(documentFromSource(source)).toEqual(doc);
    expect(documentFromSource(toSearchSource(otherSampleDocument()))).toEqual(otherSampleDocument());
  });
});

describe('cheapestRate', () => {
  const doc = sampleDocument();
  it('is the cheapest rate in the currency, for the deliverable when given', () => {
    expect(cheapestRate(doc, 'USD')).toEqual({ amount: 20_000, currency: 'USD' });
    expect(cheapestRate(doc, 'USD', 'post')).toEqual({ amount: 45_000, currency: 'USD' });
    expect(cheapestRate(doc, 'TRY', 'post')).toEqual({ amount: 150_000, currency: 'TRY' });
  });

  it('is null without a rate in that currency or for that deliverable', () => {
    expect(cheapestRate(doc, 'EUR')).toBeNull();
    expect(cheapestRate(doc, 'USD', 'reel')).toBeNull();
    expect(cheapestRate(doc, 'XXX')).toBeNull();
  });
});

describe('audienceTargets', () => {
  it('has one entry per audience filter, keys deduplicated', () => {
    const query = ZSearchQuery.parse({ audienceCountry: ['IR:30', 'AE:10', 'IR:50'], audienceAge: '18-24:20' });
    expect(audienceTargets(query)).toEqual([
      { dimension: 'countries', keys: ['IR', 'AE'] },
      { dimension: 'ages', keys: ['18-24'] },
    ]);
    expect(audienceTargetFields(audienceTargets(query))).toEqual([['audience.countries.IR', 'audience.countries.AE'], ['audience.ages.18-24']]);
    expect(audienceTargets(ZSearchQuery.parse({}))).toEqual([]);
  });
});

describe('costPerTargetedThousand', () => {
  const doc = sampleDocument(); // 52,000 followers, quality 88, IR 62.5 %, female 71 %
  const price = { amount: 45_000, currency: 'USD' as const };

  const hundredths = (value: number) => Math.round(value * 100) / 100;

  it('is price ÷ (followers × quality/100) × 1000 without audience filters, rounded to hundredths', () => {
    expect(costPerTargetedThousand(doc, price, [])).toBe(hundredths((45_000 / (52_000 * 0.88)) * 1000));
    expect(costPerTargetedThousand(doc, price, [])).toBe(983.39);
  });

  it('multiplies in the targeted share of each audience filter (sum of the keys inside one filter)', () => {
    const targets = audienceTargets(ZSearchQuery.parse({ audienceCountry: ['IR:30', 'US:5'], audienceGender: 'female:50' }));
    const reach = 52_000 * 0.88 * ((62.5 + 12) / 100) * (71 / 100);
    expect(costPerTargetedThousand(doc, price, targets)).toBe(hundredths((45_000 / reach) * 1000));
  });

  it('is what the domain computes', () => {
    const targets = audienceTargets(ZSearchQuery.parse({ audienceCountry: 'IR:30', audienceAge: '25-34:10' }));
    expect(costPerTargetedThousand(doc, price, targets)).toBe(
      computeCostPerTargetedThousand({ priceMinor: 45_000, followers: 52_000, qualityScore: 88, audienceShares: [[62.5], [44]] }),
    );
  });

  it('is null without a price or when nobody is in the target', () => {
    expect(costPerTargetedThousand(doc, null, [])).toBeNull();
    expect(costPerTargetedThousand(doc, price, [{ dimension: 'countries', keys: ['FR'] }])).toBeNull();
    expect(costPerTargetedThousand(sampleDocument({ qualityScore: 0 }), price, [])).toBeNull();
    expect(costPerTargetedThousand(sampleDocument({ totalFollowers: 0 }), price, [])).toBeNull();
  });

  it('caps a targeted share at 100 %', () => {
    const odd = sampleDocument({ audience: { countries: { IR: 80, AE: 40 }, ages: {}, genders: {}, languages: {} } });
    expect(costPerTargetedThousand(odd, price, [{ dimension: 'countries', keys: ['IR', 'AE'] }])).toBe(costPerTargetedThousand(odd, price, []));
  });
});
