import { describe, expect, it } from 'vitest';
import { buildUser, DEFAULT_PASSWORD } from '../../../test/factories.js';
import { TestClient, useTestApp } from '../../../test/test-app.js';

// Elasticsearch configured but unreachable (nothing listens on port 9 of loopback).
const ctx = useTestApp({ ELASTICSEARCH_URL: 'http://127.0.0.1:9', ELASTICSEARCH_TIMEOUT_MS: '300' });

describe('with Elasticsearch down', () => {
  it('profile writes still succeed, PostgreSQL stays in step, and search answers from it', async () => {
    const { email } = await buildUser(ctx.dataSource, { role: 'influencer', status: 'active' });
    const influencer = new TestClient(ctx.app);
    await influencer.login(email, DEFAULT_PASSWORD);
    const saved = await influencer.put('/api/me/influencer-profile', {
      displayName: 'Sara Ahmadi',
      niches: ['food'],
      country: 'IR',
      languages: ['fa'],
      socialAccounts: [{ platform: 'instagram', handle: 'sara.cooks', url: 'https://instagram.com/sara.cooks', followers: 52000 }],
    });
    expect(saved.status).toBe(200);
    await ctx.dataSource.query(`UPDATE influencer_profiles SET review_status = 'approved'`);
    await ctx.indexPending();

    // The outbox keeps the row for Elasticsearch, with the error and a back-off.
    const [row] = await ctx.dataSource.query(`SELECT attempts, last_error, not_before > now() AS waiting FROM search_outbox`);
    expect(row).toMatchObject({ attempts: 1, waiting: true });

    const brand = await buildUser(ctx.dataSource, { role: 'brand', status: 'active' });
    const client = new TestClient(ctx.app);
    await client.login(brand.email, DEFAULT_PASSWORD);
    const started = Date.now();
    const response = await client.get('/api/influencers/search?q=sara').expect(200);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(response.body.engine).toBe('postgres');
    expect(response.body.total).toBe(1);

    const ready = await client.get('/readyz').expect(200);
    expect(ready.body.checks.search).toBe('elasticsearch:down,postgres:up');
  });
});
