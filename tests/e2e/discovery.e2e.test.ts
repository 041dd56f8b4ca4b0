import type { TInfluencerProfileInput } from '@reachbridge/contracts';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildUser, DEFAULT_PASSWORD } from '../../apps/api/test/factories.js';
import { screenshot, useE2e } from './support/browser.js';
import { expectText, PERSIAN, submitLogIn, visible, waitForPath, type AuthLabels } from './support/flows.js';
import { seedApprovedInfluencer, type SeededInfluencer } from './support/seed.js';

const e2e = useE2e();
const SHOTS = '/tmp/web-shots-2';

function profile(overrides: Partial<TInfluencerProfileInput> & Pick<TInfluencerProfileInput, 'displayName' | 'bio' | 'niches'>, account: Partial<TInfluencerProfileInput['socialAccounts'][number]>): TInfluencerProfileInput {
  const handle = account.handle ?? 'someone';
  return {
    country: 'IR',
    city: 'Tehran',
    languages: ['fa'],
    rates: [{ platform: 'instagram', deliverable: 'post', price: { amount: 45000, currency: 'USD' } }],
    ...overrides,
    socialAccounts: [
      {
        platform: 'instagram',
        url: `https://instagram.com/${handle}`,
        followers: 50_000,
        following: 400,
        posts: 800,
        avgViews: 15_000,
        engagementRate: 3.2,
        growth30d: 2,
        ...account,
        handle,
      },
    ],
  };
}

let cook: SeededInfluencer;
let traveller: SeededInfluencer;
let kidsCook: SeededInfluencer;

async function hasHorizontalOverflow(page: Page): Promise<boolean> {
  return page.evaluate<boolean>('document.documentElement.scrollWidth > document.documentElement.clientWidth');
}

async function logInAsBrand(page: Page, labels?: AuthLabels) {
  const { email } = await buildUser(e2e.server.dataSource, { role: 'brand', status: 'active', displayName: 'Nova Coffee' });
  await page.goto('/login');
  await submitLogIn(page, email, DEFAULT_PASSWORD, labels);
  await waitForPath(page, '/home');
}

function currentParams(page: Page): URLSearchParams {
  return new URL(page.url()).searchParams;
}

describe('discovery: a brand finds, filters and opens influencers', () => {
  beforeAll(async () => {
    // Bios store «کتاب‌های» with a zero-width non-joiner; the brand will type «کتابهای» without it.
    cook = await seedApprovedInfluencer(
      e2e.server,
      profile(
        { displayName: 'سارا احمدی', bio: 'آموزش آشپزی ایرانی و معرفی کتاب‌های آشپزی', niches: ['food', 'travel'] },
        {
          handle: 'sara.cooks',
          followers: 52_000,
          audience: { countries: { IR: 70, DE: 10, US: 8 }, ages: { '18-24': 34, '25-34': 41, '35-44': 15 }, genders: { female: 68, male: 32 }, languages: { fa: 90, en: 10 } },
        },
      ),
      { history: [{ daysAgo: 120, followers: 44_000 }, { daysAgo: 90, followers: 46_500 }, { daysAgo: 60, followers: 48_000 }, { daysAgo: 30, followers: 50_500 }] },
    );
    traveller = await seedApprovedInfluencer(
      e2e.server,
      profile(
        { displayName: 'نیما سفری', bio: 'سفرنامه و معرفی کتاب‌های سفر', niches: ['travel'], city: 'Shiraz' },
        { handle: 'nima.travels', followers: 120_000, audience: { countries: { IR: 60, TR: 15 }, ages: { '25-34': 50 }, genders: { male: 55, female: 45 }, languages: { fa: 100 } } },
      ),
    );
    kidsCook = await seedApprovedInfluencer(
      e2e.server,
      profile(
        { displayName: 'مریم کودک', bio: 'کتاب‌های آشپزی برای کودکان', niches: ['food', 'parenting'], country: 'US', city: 'Los Angeles', languages: ['fa', 'en'] },
        { handle: 'maryam.kids', followers: 18_000, audience: { countries: { US: 55, IR: 30 }, ages: { '25-34': 45 }, genders: { female: 80, male: 20 }, languages: { fa: 60, en: 40 } } },
      ),
    );
    await seedApprovedInfluencer(
      e2e.server,
      profile({ displayName: 'Tom Baker', bio: 'Gadget reviews and tech news', niches: ['tech'], country: 'GB', city: 'London', languages: ['en'] }, { handle: 'tom.tech', followers: 9_000 }),
    );
  });

  it('searches in Persian across ZWNJ spellings, narrows by a niche facet and an audience share, keeps it all in the URL, and opens a profile', async () => {
    const page = await e2e.newPage({ locale: 'fa-IR' });
    await logInAsBrand(page, PERSIAN);
    await page.getByRole('link', { name: 'جست‌وجو' }).first().click();
    await waitForPath(page, '/discover');
    await visible(page.getByRole('heading', { level: 1, name: 'یافتن اینفلوئنسر' }));

    const search = page.getByRole('combobox', { name: 'جست‌وجوی اینفلوئنسر' });
    await search.fill('کتابهای');
    await search.press('Enter');
    await expect.poll(() => currentParams(page).get('q')).toBe('کتابهای');
    const total = page.getByTestId('result-total');
    await expectText(total, '۳ اینفلوئنسر');
    const cards = page.getByTestId('influencer-card');
    await expect.poll(() => cards.count()).toBe(3);
    expect(await page.getByRole('link', { name: 'Tom Baker' }).count()).toBe(0);
    // The bio as written (the server's highlight marks nothing for a word matched through another
    // ZWNJ spelling, so the card keeps the bio; the English search below checks <mark>).
    await visible(cards.getByText('کتاب‌های آشپزی برای کودکان'));

    // A niche facet, with its count.
    const food = page.getByRole('checkbox', { name: /^غذا و آشپزی/ });
    expect(await food.locator('xpath=..').innerText()).toContain('۲');
    await food.check();
    await expect.poll(() => currentParams(page).getAll('niche')).toEqual(['food']);
    await expectText(total, '۲ اینفلوئنسر');

    // An audience filter: Iran from the top-audience facet (20 % by default), raised to 50 % on its slider.
    await page.getByRole('checkbox', { name: /^ایران/ }).first().check();
    await expect.poll(() => currentParams(page).getAll('audienceCountry')).toEqual(['IR:20']);
    const slider = page.getByRole('slider', { name: 'ایران' });
    await slider.focus();
    for (let step = 0; step < 6; step += 1) await slider.press('ArrowUp');
    await expect.poll(() => currentParams(page).getAll('audienceCountry')).toEqual(['IR:50']);
    await expectText(total, '۱ اینفلوئنسر');
    await visible(page.getByRole('link', { name: 'سارا احمدی' }));
    expect(await page.getByRole('link', { name: 'مریم کودک' }).count()).toBe(0);

    // The cost of reaching a thousand targeted followers, as a sort.
    await page.getByLabel('مرتب‌سازی').selectOption('costPerTargetedThousand');
    await expect.poll(() => currentParams(page).get('sort')).toBe('costPerTargetedThousand');
    await visible(page.getByTestId('cost-per-targeted'));
    // The explanation asks for audience filters only when there are none.
    const explanation = await page.getByTestId('cost-explain').innerText();
    expect(explanation).toContain('سهم مخاطبانی');
    expect(explanation).not.toContain('فیلتر مخاطب اضافه کنید');
    await screenshot(page, 'fa-discover-filtered', { dir: SHOTS, fullPage: false });

    // The URL is the search: a reload shows the same results and filters.
    const filteredUrl = page.url();
    await page.reload();
    await expectText(page.getByTestId('result-total'), '۱ اینفلوئنسر');
    expect(page.url()).toBe(filteredUrl);
    expect(await page.getByRole('checkbox', { name: /^غذا و آشپزی/ }).isChecked()).toBe(true);
    await visible(page.getByRole('button', { name: 'برداشتن فیلتر: ایران ≥ ۵۰٪' }));
    expect(await page.getByRole('combobox', { name: 'جست‌وجوی اینفلوئنسر' }).inputValue()).toBe('کتابهای');

    // Back goes one step back in the search (before the sort), without a full reload.
    await page.goBack();
    await expect.poll(() => currentParams(page).get('sort')).toBeNull();
    expect(currentParams(page).getAll('audienceCountry')).toEqual(['IR:50']);
    await page.goForward();
    await expect.poll(() => currentParams(page).get('sort')).toBe('costPerTargetedThousand');

    // The profile page.
    await page.getByRole('link', { name: 'سارا احمدی' }).click();
    await waitForPath(page, `/influencers/${cook.id}`);
    await visible(page.getByRole('heading', { level: 1, name: 'سارا احمدی' }));
    const quality = page.getByTestId('quality-card');
    await visible(quality.getByText('نرخ تعامل نسبت به ردهٔ دنبال‌کننده'));
    await visible(quality.getByText('رشد دنبال‌کننده (۳۰ روز)'));
    await visible(quality.getByText('نسبت دنبال‌شونده به دنبال‌کننده'));
    await visible(quality.getByText('نظر به ازای هر پسند'));
    // Self-reported numbers say so, next to each number.
    expect(await page.getByTestId('accounts-card').locator('[data-provenance="self_reported"]').count()).toBeGreaterThanOrEqual(6);
    await visible(page.getByTestId('audience-card').getByText(/^اظهارشده/));
    // Charts: named pictures, each with its numbers in a table.
    await visible(page.getByRole('img', { name: /مخاطبان بر اساس کشور/ }));
    await visible(page.getByRole('img', { name: /مخاطبان بر اساس ردهٔ سنی/ }));
    await visible(page.getByRole('img', { name: /مخاطبان بر اساس جنسیت/ }));
    await visible(page.getByRole('img', { name: /دنبال‌کننده‌ها در گذر زمان/ }));
    const countryTable = page.getByRole('table', { name: /مخاطبان بر اساس کشور/ });
    expect(await countryTable.getByRole('row').count()).toBe(4); // header + IR, DE, US
    expect(await countryTable.getByRole('row').nth(1).innerText()).toMatch(/ایران\s+۷۰٪/);
    const growthTable = page.getByRole('table', { name: /دنبال‌کننده‌ها در گذر زمان/ });
    expect(await growthTable.getByRole('row').count()).toBe(6); // header + four backfilled days + today
    await visible(page.getByTestId('rate-card').getByText('$۴۵۰'));
    await screenshot(page, 'fa-profile', { dir: SHOTS });

    // Similar influencers link to their own pages.
    const similar = page.getByRole('region', { name: 'اینفلوئنسرهای مشابه' });
    await visible(similar.getByTestId('influencer-card').first());
    await similar.getByRole('link', { name: 'نیما سفری' }).click();
    await waitForPath(page, `/influencers/${traveller.id}`);
    await visible(page.getByRole('heading', { level: 1, name: 'نیما سفری' }));

    // The same profile in English.
    await page.goto(`/influencers/${cook.id}`);
    await page.getByRole('button', { name: 'English' }).click();
    await visible(page.getByText('Engagement rate for the follower tier'));
    await visible(page.getByRole('img', { name: /Audience by country/ }));
    await screenshot(page, 'en-profile', { dir: SHOTS });
  });

  it('suggests as you type (keyboard), explains a bad filter in the URL, and fits a phone', async () => {
    const page = await e2e.newPage();
    await logInAsBrand(page);
    await page.goto('/discover');
    await expectText(page.getByTestId('result-total'), '4 influencers');
    await screenshot(page, 'en-discover', { dir: SHOTS, fullPage: false });

    // Matched words come back marked, rendered as <mark> (never as HTML).
    const search = page.getByRole('combobox', { name: 'Search influencers' });
    await search.fill('gadget');
    await search.press('Enter');
    await expectText(page.getByTestId('result-total'), '1 influencer');
    await expectText(page.getByTestId('influencer-card').locator('mark').first(), /^gadget$/i);

    await search.fill('سار');
    const option = page.getByRole('option', { name: /سارا احمدی/ });
    await visible(option);
    expect(await search.getAttribute('aria-expanded')).toBe('true');
    await search.press('ArrowDown');
    expect(await search.getAttribute('aria-activedescendant')).toBe(await option.getAttribute('id'));
    await screenshot(page, 'en-discover-typeahead', { dir: SHOTS, fullPage: false });
    await search.press('Enter');
    await waitForPath(page, `/influencers/${cook.id}`);

    // While the next suggestions load, the last ones stay if the text goes on from theirs, and go
    // at once if it is another text (they would be wrong to pick).
    await page.goto('/discover');
    await search.fill('سار');
    await visible(option);
    const held: (() => void)[] = [];
    const suggestFor = (text: string) => (url: URL) => url.pathname === '/api/influencers/suggest' && url.searchParams.get('q') === text;
    await page.route(
      (url) => suggestFor('سارا')(url) || suggestFor('gad')(url),
      async (route) => {
        await new Promise<void>((release) => held.push(release));
        await route.continue();
      },
    );
    const typedOn = page.waitForRequest((request) => suggestFor('سارا')(new URL(request.url())));
    await search.fill('سارا');
    await typedOn;
    await visible(option);
    await search.fill('gad');
    await expect.poll(() => option.count()).toBe(0);
    expect(await search.getAttribute('aria-expanded')).toBe('false');
    held.forEach((release) => release());
    await page.unrouteAll({ behavior: 'wait' });

    // A niche suggestion adds the niche filter.
    await page.goto('/discover');
    await page.getByRole('combobox', { name: 'Search influencers' }).fill('parent');
    await page.getByRole('option', { name: /Parenting/ }).click();
    await expect.poll(() => currentParams(page).getAll('niche')).toEqual(['parenting']);
    await expectText(page.getByTestId('result-total'), '1 influencer');
    await visible(page.getByRole('link', { name: 'مریم کودک' }));
    expect(kidsCook.id).toBeTruthy();

    // A hand-edited URL the server refuses: the parameter is named, and can be removed.
    await page.goto('/discover?followersMin=lots&niche=food');
    await visible(page.getByText('Part of this search is not valid'));
    await visible(page.getByText('Followers from', { exact: true }).last());
    await page.getByRole('button', { name: 'Remove this filter' }).click();
    await expect.poll(() => currentParams(page).get('followersMin')).toBeNull();
    await expectText(page.getByTestId('result-total'), '2 influencers');

    // Nothing matches: say so, and offer a way out.
    // Sorted by cost without an audience filter, the explanation says how to target it.
    await page.goto('/discover?sort=costPerTargetedThousand');
    await expectText(page.getByTestId('cost-explain'), 'Add audience filters to target it.');

    await page.goto('/discover?niche=pets');
    await visible(page.getByText('No influencers match'));
    await page.getByRole('button', { name: 'Clear all filters' }).last().click();
    await expectText(page.getByTestId('result-total'), '4 influencers');

    for (const language of ['en', 'fa'] as const) {
      const phone = await e2e.newPage({ viewport: { width: 375, height: 740 }, locale: language === 'fa' ? 'fa-IR' : 'en-US' });
      await logInAsBrand(phone, language === 'fa' ? PERSIAN : undefined);
      await phone.goto('/discover?niche=food&audienceCountry=IR:30&sort=costPerTargetedThousand');
      await visible(phone.getByTestId('influencer-card').first());
      expect(await hasHorizontalOverflow(phone)).toBe(false);
      await screenshot(phone, `${language}-mobile-discover`, { dir: SHOTS });
      await phone.getByRole('button', { name: language === 'fa' ? /^فیلترها/ : /^Filters/ }).click();
      await visible(phone.getByRole('slider').first());
      expect(await hasHorizontalOverflow(phone)).toBe(false);
      await screenshot(phone, `${language}-mobile-filters`, { dir: SHOTS, fullPage: false });
      await phone.goto(`/influencers/${cook.id}`);
      await visible(phone.getByTestId('quality-card'));
      expect(await hasHorizontalOverflow(phone)).toBe(false);
      await screenshot(phone, `${language}-mobile-profile`, { dir: SHOTS });
    }
  });
});
