import { describe, expect, it } from 'vitest';
import { buildUser, DEFAULT_PASSWORD } from '../../../test/factories.js';
import { TestClient, useTestApp } from '../../../test/test-app.js';
import { countRows } from '../../../test/test-database.js';

const ctx = useTestApp();

async function loggedIn(role: 'brand' | 'influencer') {
  const { email } = await buildUser(ctx.dataSource, { role, status: 'active' });
  const client = new TestClient(ctx.app);
  await client.login(email, DEFAULT_PASSWORD);
  return client;
}

async function influencer(handle: string, approved = true): Promise<{ id: string; slug: string }> {
  const client = await loggedIn('influencer');
  const { body } = await client.put('/api/me/influencer-profile', {
    displayName: `Creator ${handle}`,
    niches: ['food'],
    country: 'IR',
    languages: ['fa'],
    socialAccounts: [{ platform: 'instagram', handle, url: `https://instagram.com/${handle}`, followers: 20000 }],
  });
  if (approved) await ctx.dataSource.query(`UPDATE influencer_profiles SET review_status = 'approved' WHERE id = $1`, [body.id]);
  return { id: body.id as string, slug: body.slug as string };
}

describe('lists', () => {
  it('creates a list, adds approved influencers with status and note, updates, exports CSV and removes', async () => {
    const brand = await loggedIn('brand');
    const sara = await influencer('sara.cooks');
    const created = await brand.post('/api/lists', { name: 'Ramadan campaign' });
    expect(created.status).toBe(201);
    const listId = created.body.id as string;

    const added = await brand.post(`/api/lists/${listId}/items`, { influencerId: sara.id, note: '=HYPERLINK("x") great fit' });
    expect(added.status).toBe(201);
    expect(added.body.items).toEqual([
      expect.objectContaining({ influencer: expect.objectContaining({ id: sara.id, totalFollowers: 20000, tier: 'micro' }), status: 'shortlisted' }),
    ]);
    const updated = await brand.agent.patch(`/api/lists/${listId}/items/${sara.id}`).set('x-csrf-token', brand.csrfToken).send({ status: 'contacted' });
    expect(updated.body.items[0].status).toBe('contacted');

    const csv = await brand.get(`/api/lists/${listId}/export.csv`).expect(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.headers['content-disposition']).toContain('ramadan-campaign.csv');
    expect(csv.text).toContain('influencer,name,followers,niches,country,status,note,profile');
    expect(csv.text).toContain(`${sara.id},Creator sara.cooks,20000,food,IR,contacted,"'=HYPERLINK(""x"") great fit"`);

    const summaries = await brand.get('/api/lists').expect(200);
    expect(summaries.body.items).toEqual([expect.objectContaining({ id: listId, name: 'Ramadan campaign', itemCount: 1 })]);

    expect((await brand.delete(`/api/lists/${listId}/items/${sara.id}`)).status).toBe(204);
    expect((await brand.delete(`/api/lists/${listId}/items/${sara.id}`)).status).toBe(404);
    expect((await brand.delete(`/api/lists/${listId}`)).status).toBe(204);
    expect((await brand.get(`/api/lists/${listId}`)).status).toBe(404);
  });

  it('refuses unapproved influencers, duplicate names, and other brands', async () => {
    const brand = await loggedIn('brand');
    const draft = await influencer('draft.one', false);
    const { body: list } = await brand.post('/api/lists', { name: 'Mine' });
    expect((await brand.post(`/api/lists/${list.id}/items`, { influencerId: draft.id })).status).toBe(404);
    expect((await brand.post('/api/lists', { name: 'Mine' })).status).toBe(409);

    const other = await loggedIn('brand');
    expect((await other.get(`/api/lists/${list.id}`)).status).toBe(404);
    expect((await other.delete(`/api/lists/${list.id}`)).status).toBe(404);
    expect((await (await loggedIn('influencer')).get('/api/lists')).status).toBe(403);
  });

  it('imports CSV all-or-nothing, naming each bad row', async () => {
    const brand = await loggedIn('brand');
    const a = await influencer('a.one');
    const b = await influencer('b.two');
    const { body: list } = await brand.post('/api/lists', { name: 'Imported' });

    const before = await countRows(ctx.dataSource);
    const bad = await brand.post(`/api/lists/${list.id}/import`, {
      csv: `influencer,status,note\n${a.id},booked,ok\nnobody,shortlisted,\n${b.slug},maybe,`,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('LIST_IMPORT_INVALID');
    expect(bad.body.error.details).toEqual([
      { path: 'csv.row.3', message: 'no public influencer "nobody"' },
      { path: 'csv.row.4', message: expect.stringContaining('status must be one of') },
    ]);
    expect(await countRows(ctx.dataSource)).toEqual(before);

    const good = await brand.post(`/api/lists/${list.id}/import`, { csv: `influencer,status,note\n${a.id},booked,ok\n${b.slug},,` });
    expect(good.status).toBe(200);
    expect(good.body.imported).toBe(2);
    expect(good.body.list.items.map((i: { status: string }) => i.status).sort()).toEqual(['booked', 'shortlisted']);

    // The export re-imports as is.
    const exported = await brand.get(`/api/lists/${list.id}/export.csv`);
    const { body: copy } = await brand.post('/api/lists', { name: 'Copy' });
    const again = await brand.post(`/api/lists/${copy.id}/import`, { csv: exported.text });
    expect(again.body.imported).toBe(2);
  });
});

describe('saved searches', () => {
  it('saves valid searches only and keeps them private', async () => {
    const brand = await loggedIn('brand');
    const saved = await brand.post('/api/saved-searches', { name: 'Tehran food', query: '?q=food&niche=food&audienceCountry=IR:30&cursor=abc' });
    expect(saved.status).toBe(201);
    expect(saved.body.query).toBe('q=food&niche=food&audienceCountry=IR%3A30');
    const invalid = await brand.post('/api/saved-searches', { name: 'Bad', query: 'limit=500' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.details[0].path).toBe('query.limit');
    expect((await brand.get('/api/saved-searches')).body.items).toHaveLength(1);

    const other = await loggedIn('brand');
    expect((await other.delete(`/api/saved-searches/${saved.body.id}`)).status).toBe(404);
    expect((await brand.delete(`/api/saved-searches/${saved.body.id}`)).status).toBe(204);
  });
});
