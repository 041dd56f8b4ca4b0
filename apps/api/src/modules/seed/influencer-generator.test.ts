import { tierFor, type Tier } from '@reachbridge/domain';
import { describe, expect, it } from 'vitest';
import { handleName, InfluencerGenerator, PERSIAN_NAMES, type GeneratedInfluencer } from './influencer-generator.js';

const SAMPLE = 5_000;
const generated: GeneratedInfluencer[] = (() => {
  const generator = new InfluencerGenerator(7);
  return Array.from({ length: SAMPLE }, (_, index) => generator.generate(index));
})();

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};
const quantile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.floor(q * (values.length - 1))]!;
const topKey = (shares: Record<string, number>) => Object.entries(shares).sort((a, b) => b[1] - a[1])[0]![0];
const PERSIAN_LETTERS = /[\u0600-\u06FF]/;

describe('influencer generator', () => {
  it('is deterministic: the same seed gives the same influencers, another seed others', () => {
    const again = new InfluencerGenerator(7);
    expect(Array.from({ length: 50 }, (_, index) => again.generate(index))).toEqual(generated.slice(0, 50));
    expect(new InfluencerGenerator(8).generate(0)).not.toEqual(generated[0]);
  });

  it('gives heavy-tailed followers: a median near 9,000 and a tail into the millions', () => {
    const followers = generated.map((influencer) => influencer.accounts[0]!.followers);
    expect(median(followers)).toBeGreaterThan(6_000);
    expect(median(followers)).toBeLessThan(13_000);
    expect(quantile(followers, 0.99)).toBeGreaterThan(30 * median(followers));
    expect(Math.max(...followers)).toBeGreaterThan(1_000_000);
  });

  it('lets engagement fall as the follower tier rises', () => {
    const byTier = new Map<Tier, number[]>();
    for (const account of generated.flatMap((influencer) => influencer.accounts)) {
      const tier = tierFor(account.followers);
      byTier.set(tier, [...(byTier.get(tier) ?? []), account.engagementRate]);
    }
    const medians = (['nano', 'micro', 'mid', 'macro'] as const).map((tier) => median(byTier.get(tier)!));
    for (let i = 1; i < medians.length; i += 1) expect(medians[i]).toBeLessThan(medians[i - 1]!);
  });

  it('has small accounts follow hundreds of others, as real ones do, so the following ratio tells them apart', () => {
    const nano = generated.flatMap((influencer) => influencer.accounts).filter((account) => tierFor(account.followers) === 'nano');
    expect(median(nano.map((account) => account.following))).toBeGreaterThan(300);
    expect(median(nano.map((account) => account.following))).toBeLessThan(1_500);
    const ratios = nano.map((account) => account.following / account.followers);
    expect(ratios.filter((ratio) => ratio > 0.5).length / ratios.length).toBeGreaterThan(0.05);
    expect(ratios.filter((ratio) => ratio <= 0.1).length / ratios.length).toBeGreaterThan(0.1);
  });

  it('draws every further niche from the first one’s neighbours', () => {
    const related: Record<string, string[]> = {
      fashion: ['beauty', 'lifestyle', 'art'], food: ['travel', 'lifestyle', 'health', 'home'], tech: ['gaming', 'business', 'education'],
    };
    const checked = generated.filter((influencer) => influencer.niches[0]! in related);
    expect(checked.length).toBeGreaterThan(500);
    for (const { niches } of checked) for (const niche of niches.slice(1)) expect(related[niches[0]!]).toContain(niche);
  });

  it('gives each influencer an audience mostly from their own country, speaking their first language', () => {
    const accounts = generated.flatMap((influencer) => influencer.accounts.map((account) => ({ influencer, account })));
    const home = accounts.filter(({ influencer, account }) => topKey(account.audience.countries) === influencer.country);
    const language = accounts.filter(({ influencer, account }) => topKey(account.audience.languages) === influencer.languages[0]);
    expect(home.length / accounts.length).toBeGreaterThan(0.99);
    expect(language.length / accounts.length).toBeGreaterThan(0.99);
    for (const { account } of accounts.slice(0, 500)) {
      for (const shares of Object.values(account.audience)) {
        const total = Object.values(shares).reduce((sum, share) => sum + share, 0);
        expect(total).toBeLessThanOrEqual(100.5);
      }
    }
  });

  it('writes Persian bios and names for Persian speakers, Latin ones for the others', () => {
    const persian = generated.filter((influencer) => influencer.languages.includes('fa'));
    const others = generated.filter((influencer) => !influencer.languages.includes('fa'));
    expect(persian.length / SAMPLE).toBeGreaterThan(0.35);
    for (const influencer of persian) {
      expect(influencer.bio).toMatch(PERSIAN_LETTERS);
      expect(influencer.displayName).toMatch(PERSIAN_LETTERS);
    }
    for (const influencer of others) {
      expect(influencer.bio).not.toMatch(PERSIAN_LETTERS);
      expect(influencer.displayName).not.toMatch(PERSIAN_LETTERS);
    }
    // Names from the country's own language: a Turkish influencer is not called Geoffrey.
    const turkish = generated.filter((influencer) => influencer.country === 'TR');
    expect(turkish.filter((influencer) => /[çğıöşüÇĞİÖŞÜ]/.test(influencer.displayName)).length / turkish.length).toBeGreaterThan(0.3);
  });

  it('derives every handle from the influencer’s name, as its owner would spell it in Latin letters', () => {
    const latin = new Map<string, string>(Object.values(PERSIAN_NAMES).flat().map(([name, spelling]) => [name, spelling]));
    for (const influencer of generated) {
      const spelled = influencer.languages.includes('fa')
        ? influencer.displayName.split(' ').map((part) => latin.get(part)).join(' ')
        : influencer.displayName;
      const name = handleName(spelled).slice(0, 20).replace(/\.$/, '');
      expect(influencer.accounts[0]!.handle.startsWith(`${name}.${influencer.niches[0]}`)).toBe(true);
      for (const account of influencer.accounts) {
        expect(account.handle).toMatch(/^[a-z0-9._]+$/);
        expect(account.url).toContain(account.handle);
      }
    }
    expect(handleName('Şükrü Öztürk')).toBe('sukru.ozturk');
    expect(handleName('João Müller-Weiß')).toBe('joao.muller.weiss');
  });
});
