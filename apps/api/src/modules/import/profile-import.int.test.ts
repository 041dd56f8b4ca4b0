import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildUser } from '../../../test/factories.js';
import { useTestApp } from '../../../test/test-app.js';
import { countRows } from '../../../test/test-database.js';
import { InfluencersService } from '../influencers/index.js';
import { parseImport, runImport } from './profile-import.js';

const ctx = useTestApp();
const EXAMPLE = readFileSync(path.resolve(import.meta.dirname, '../../../../../docs/examples/agency-import.csv'), 'utf8');

describe('profile import', () => {
  it('reads the documented CSV: one influencer per email, one account per row, rates and audience', async () => {
    const { entries, problems } = parseImport(EXAMPLE, 'csv');
    expect(problems).toEqual([]);
    expect(entries.map((e) => [e.email, e.rows])).toEqual([
      ['neda@agency.example', [2, 3]],
      ['omid@agency.example', [4]],
    ]);
    const neda = entries[0]!.profile;
    expect(neda.niches).toEqual(['travel', 'food']);
    expect(neda.socialAccounts.map((a) => a.platform)).toEqual(['instagram', 'youtube']);
    expect(neda.socialAccounts[0]!.audience?.countries).toEqual({ IR: 74, DE: 6, TR: 5 });
    expect(neda.rates).toContainEqual({ platform: 'youtube', deliverable: 'video', price: { amount: 90000, currency: 'USD' } });

    const result = await runImport(ctx.dataSource, new InfluencersService(ctx.dataSource), entries, { approve: false });
    expect(result).toEqual({ imported: 2, problems: [] });
    const rows = await ctx.dataSource.query(`SELECT review_status FROM influencer_profiles ORDER BY slug`);
    expect(rows).toEqual([{ review_status: 'submitted' }, { review_status: 'submitted' }]);
    expect((await countRows(ctx.dataSource)).social_accounts).toBe(3);
  });

  it('names every bad row and imports nothing', () => {
    const broken = EXAMPLE.replace('84000', '-5').replace(',tech;gaming,', ',tech;cooking,');
    const { problems } = parseImport(broken, 'csv');
    expect(problems).toEqual([
      expect.objectContaining({ row: 2, path: 'socialAccounts.0.followers' }),
      expect.objectContaining({ row: 4, path: 'niches.1' }),
    ]);

    const json = JSON.stringify([{ email: 'not-an-email', displayName: 'X', niches: ['food'], country: 'IR', languages: ['fa'], socialAccounts: [] }]);
    expect(parseImport(json, 'json').problems.map((p) => p.path)).toEqual(['socialAccounts', 'email']);
    expect(parseImport('{"not": "an array"}', 'json').problems[0]?.message).toMatch(/array/);
  });

  it('refuses the whole file when an email already has an account', async () => {
    await buildUser(ctx.dataSource, { email: 'omid@agency.example', role: 'influencer' });
    const before = await countRows(ctx.dataSource);
    const result = await runImport(ctx.dataSource, new InfluencersService(ctx.dataSource), parseImport(EXAMPLE, 'csv').entries, { approve: true });
    expect(result.imported).toBe(0);
    expect(result.problems).toEqual([{ row: 4, path: 'email', message: 'omid@agency.example already has an account' }]);
    expect(await countRows(ctx.dataSource)).toEqual(before);
  });
});
