import type { TInfluencerProfileInput } from '@reachbridge/contracts';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildUser, DEFAULT_PASSWORD } from '../../apps/api/test/factories.js';
import { screenshot, useE2e } from './support/browser.js';
import { apiInPage, documentLanguage, expectText, PERSIAN, submitLogIn, visible, waitForPath, type AuthLabels } from './support/flows.js';
import { seedApprovedInfluencer, type SeededInfluencer } from './support/seed.js';

const e2e = useE2e();
const SHOTS = '/tmp/web-shots-3';

function profile(displayName: string, handle: string, niches: TInfluencerProfileInput['niches'], followers: number): TInfluencerProfileInput {
  return {
    displayName,
    bio: `${displayName} makes videos about ${niches.join(' and ')}`,
    niches,
    country: 'IR',
    city: 'Tehran',
    languages: ['fa', 'en'],
    rates: [{ platform: 'instagram', deliverable: 'post', price: { amount: 45000, currency: 'USD' } }],
    socialAccounts: [
      { platform: 'instagram', handle, url: `https://instagram.com/${handle}`, followers, following: 300, posts: 500, avgViews: 9_000, engagementRate: 3.1, growth30d: 1.5 },
    ],
  };
}

let baker: SeededInfluencer;
let hiker: SeededInfluencer;

async function logInAsBrand(page: Page, labels?: AuthLabels) {
  const { email } = await buildUser(e2e.server.dataSource, { role: 'brand', status: 'active', displayName: 'Nova Coffee' });
  await page.goto('/login');
  await submitLogIn(page, email, DEFAULT_PASSWORD, labels);
  await waitForPath(page, '/home');
}

describe('lists and saved searches: a brand shortlists influencers', () => {
  beforeAll(async () => {
    baker = await seedApprovedInfluencer(e2e.server, profile('Bahar Baker', 'bahar.bakes', ['food'], 64_000));
    hiker = await seedApprovedInfluencer(e2e.server, profile('Kian Hiker', 'kian.hikes', ['travel'], 21_000));
  });

  it('searches, opens a profile, adds it to a new list, sets status and note that survive a reload, and can export', async () => {
    const page = await e2e.newPage();
    await logInAsBrand(page);
    await page.getByRole('link', { name: 'Discover' }).first().click();
    await waitForPath(page, '/discover');
    const search = page.getByRole('combobox', { name: 'Search influencers' });
    await search.fill('Bahar');
    await search.press('Enter');
    await page.getByRole('link', { name: 'Bahar Baker' }).click();
    await waitForPath(page, `/influencers/${baker.id}`);

    // Add to a new list from the profile.
    await page.getByRole('button', { name: 'Add to list' }).click();
    await page.getByRole('button', { name: 'New list…' }).click();
    await page.getByLabel('List name').fill('Summer launch');
    await page.getByRole('button', { name: 'Create and add' }).click();
    await expectText(page.getByRole('status').filter({ hasText: 'Added to' }), /Added to Summer launch\./);

    await page.getByRole('link', { name: 'Open list' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Summer launch' }));
    const listPath = new URL(page.url()).pathname;
    expect(listPath).toMatch(/^\/lists\/[^/]+$/);
    const item = page.getByTestId('list-item');
    await expect.poll(() => item.count()).toBe(1);
    await visible(item.getByRole('link', { name: 'Bahar Baker' }));

    await item.getByLabel('Status').selectOption('contacted');
    await page.waitForResponse((response) => response.request().method() === 'PATCH' && response.ok());
    await item.getByLabel('Note').fill('Asked for a June rate card');
    await item.getByRole('button', { name: 'Save note' }).click();
    await expectText(item.getByRole('status'), 'Note saved.');

    await page.reload();
    const reloaded = page.getByTestId('list-item');
    await visible(reloaded);
    expect(await reloaded.getByLabel('Status').inputValue()).toBe('contacted');
    expect(await reloaded.getByLabel('Note').inputValue()).toBe('Asked for a June rate card');
    const exportLink = page.getByRole('link', { name: 'Export CSV' });
    await visible(exportLink);
    expect(await exportLink.getAttribute('href')).toBe(`/api${listPath}/export.csv`);
    expect(await exportLink.getAttribute('download')).not.toBeNull();

    // The lists page shows it with its count.
    await page.getByRole('link', { name: 'All lists' }).click();
    await waitForPath(page, '/lists');
    await visible(page.getByRole('link', { name: 'Summer launch' }));
    await visible(page.getByText('1 influencer', { exact: true }));
    await screenshot(page, 'en-lists', { dir: SHOTS, fullPage: false });
  });

  it('adds from a discovery card, and saves a search that the menu opens again', async () => {
    const page = await e2e.newPage();
    await logInAsBrand(page);
    await page.goto('/discover?niche=travel&sort=followers');
    const card = page.getByTestId('influencer-card').filter({ hasText: 'Kian Hiker' });
    await card.getByRole('button', { name: 'Add to list' }).click();
    await card.getByRole('button', { name: 'New list…' }).click();
    await card.getByLabel('List name').fill('Outdoors');
    await screenshot(page, 'en-discover-add-to-list', { dir: SHOTS, fullPage: false });
    await card.getByRole('button', { name: 'Create and add' }).click();
    await expectText(card.getByRole('status'), /Added to Outdoors\./);

    await page.getByRole('button', { name: 'Save this search' }).click();
    await page.getByLabel('Name of the search').fill('Travel by size');
    await page.getByRole('button', { name: 'Save search' }).click();
    await expectText(page.getByRole('status').filter({ hasText: 'Saved' }), 'Saved “Travel by size”.');

    await page.goto('/discover');
    await page.getByRole('button', { name: 'Saved searches' }).click();
    await page.getByRole('link', { name: 'Travel by size' }).click();
    await expect.poll(() => new URL(page.url()).search).toBe('?niche=travel&sort=followers');
    await visible(page.getByRole('link', { name: 'Kian Hiker' }));
    await expect.poll(() => page.getByRole('link', { name: 'Bahar Baker' }).count()).toBe(0);

    // Delete it from the menu.
    await page.getByRole('button', { name: 'Saved searches' }).click();
    await page.getByRole('button', { name: 'Delete saved search Travel by size' }).click();
    await visible(page.getByText('No saved searches yet.'));
  });

  it('shows a list in Persian, right to left, and reports CSV rows that cannot be imported', async () => {
    const page = await e2e.newPage({ locale: 'fa-IR', viewport: { width: 375, height: 812 } });
    await logInAsBrand(page, PERSIAN);
    const list = await apiInPage<{ id: string }>(page, '/api/lists', { name: 'کمپین نوروز' });
    await apiInPage(page, `/api/lists/${list.id}/items`, { influencerId: hiker.id, status: 'negotiating', note: 'قیمت را پرسیدیم' });

    await page.getByRole('link', { name: 'فهرست‌ها' }).first().click();
    await waitForPath(page, '/lists');
    await page.getByRole('link', { name: 'کمپین نوروز' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'کمپین نوروز' }));
    expect(await documentLanguage(page)).toEqual({ lang: 'fa', dir: 'rtl' });
    const item = page.getByTestId('list-item');
    expect(await item.getByLabel('وضعیت').inputValue()).toBe('negotiating');
    expect(await item.getByRole('option', { name: 'در حال مذاکره' }).count()).toBe(1);
    expect(await item.getByLabel('یادداشت').inputValue()).toBe('قیمت را پرسیدیم');
    await visible(page.getByRole('link', { name: 'خروجی CSV' }));
    await screenshot(page, 'fa-list-mobile', { dir: SHOTS });
    expect(await page.evaluate<boolean>('document.documentElement.scrollWidth > document.documentElement.clientWidth')).toBe(false);

    // All or nothing: a wrong row is reported, and nothing is added.
    await page.getByLabel('یا CSV را اینجا بچسبانید').fill(`influencer,status\n${baker.id},contacted\nno-such-person,booked`);
    await page.getByRole('button', { name: 'ورود', exact: true }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'چیزی وارد نشد' });
    await expectText(alert, /سطر/);
    expect(await page.getByTestId('list-item').count()).toBe(1);
    await alert.scrollIntoViewIfNeeded();
    await screenshot(page, 'fa-list-import-errors', { dir: SHOTS, fullPage: false });
  });
});
