import { AxeBuilder } from '@axe-core/playwright';
import type { TInfluencerProfileInput } from '@reachbridge/contracts';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildUser, DEFAULT_PASSWORD } from '../../apps/api/test/factories.js';
import { useE2e } from './support/browser.js';
import { apiInPage, documentLanguage, expectText, PASSWORD, visible } from './support/flows.js';
import { seedApprovedInfluencer, type SeededInfluencer } from './support/seed.js';

const e2e = useE2e();

/** WCAG 2.0 and 2.1, levels A and AA: what the product promises. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const BLOCKING_IMPACTS = new Set(['serious', 'critical']);

/**
 * Runs axe on the page as it is now. Fails on any serious or critical violation, one line per
 * element (rule, impact, selector, what to fix), so a failure reads without a debugger; moderate
 * and minor ones are printed as warnings.
 */
async function expectAccessible(page: Page, name: string): Promise<void> {
  const { violations, passes } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  // axe really looked at the page: text contrast was checked somewhere on it.
  expect(passes.map((rule) => rule.id)).toContain('color-contrast');
  const lines = (blocking: boolean) =>
    violations
      .filter((violation) => BLOCKING_IMPACTS.has(violation.impact ?? '') === blocking)
      .flatMap((violation) =>
        violation.nodes.map((node) => `${violation.id} [${violation.impact ?? 'unknown'}] ${node.target.map(String).join(' >>> ')} — ${violation.help}${node.failureSummary ? `: ${node.failureSummary.replace(/\s+/g, ' ')}` : ''}`),
      );
  const minor = lines(false);
  if (minor.length) process.stderr.write(`axe, ${name}: ${minor.length} moderate or minor finding(s)\n  ${minor.join('\n  ')}\n`);
  expect(lines(true), `axe: serious or critical violations on ${name}`).toEqual([]);
}

function profile(
  displayName: string,
  handle: string,
  niches: TInfluencerProfileInput['niches'],
  followers: number,
  audience: TInfluencerProfileInput['socialAccounts'][number]['audience'],
  bio = `${displayName} shares recipes, trips and honest reviews`,
): TInfluencerProfileInput {
  return {
    displayName,
    bio,
    niches,
    country: 'IR',
    city: 'Tehran',
    languages: ['fa', 'en'],
    rates: [
      { platform: 'instagram', deliverable: 'post', price: { amount: 45000, currency: 'USD' } },
      { platform: 'instagram', deliverable: 'story', price: { amount: 15000, currency: 'USD' } },
    ],
    socialAccounts: [
      {
        platform: 'instagram',
        handle,
        url: `https://instagram.com/${handle}`,
        followers,
        following: 420,
        posts: 640,
        avgViews: Math.round(followers / 4),
        engagementRate: 3.4,
        growth30d: 2.1,
        audience,
      },
    ],
  };
}

const HISTORY = [
  { daysAgo: 120, followers: 44_000 },
  { daysAgo: 90, followers: 46_500 },
  { daysAgo: 60, followers: 48_000 },
  { daysAgo: 30, followers: 50_500 },
];

let cook: SeededInfluencer;
let brandEmail: string;
let listId: string;

/** Logs in through the API inside the page's browser context (its cookie jar), as the log-in form would. */
async function logIn(page: Page, email: string, password: string): Promise<void> {
  await apiInPage(page, '/api/auth/login', { email, password });
}

const LANGUAGES = {
  en: { locale: 'en-US', dir: 'ltr', total: /^4 influencers/ },
  fa: { locale: 'fa-IR', dir: 'rtl', total: /^۴ اینفلوئنسر/ },
} as const;

async function openPage(language: keyof typeof LANGUAGES, as?: 'brand' | 'influencer'): Promise<Page> {
  // Reduced motion: axe measures colours as they are, not halfway through a transition.
  const page = await e2e.newPage({ locale: LANGUAGES[language].locale, reducedMotion: 'reduce' });
  if (as === 'brand') await logIn(page, brandEmail, DEFAULT_PASSWORD);
  if (as === 'influencer') await logIn(page, cook.email, PASSWORD);
  return page;
}

async function expectLanguage(page: Page, language: keyof typeof LANGUAGES): Promise<void> {
  expect(await documentLanguage(page)).toEqual({ lang: language, dir: LANGUAGES[language].dir });
}

async function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => element.ownerDocument.activeElement === element);
}

/** Presses Tab until the locator has focus (at most `limit` times); fails when it never does. */
async function tabTo(page: Page, locator: Locator, limit = 40): Promise<void> {
  for (let presses = 0; presses < limit; presses += 1) {
    if (await isFocused(locator)) return;
    await page.keyboard.press('Tab');
  }
  expect(await isFocused(locator), `Tab never reached ${String(locator)}`).toBe(true);
}

describe('accessibility (axe, WCAG 2.1 A and AA)', () => {
  beforeAll(async () => {
    cook = await seedApprovedInfluencer(
      e2e.server,
      profile('Sara Ahmadi', 'sara.cooks', ['food', 'travel'], 52_000, {
        countries: { IR: 70, DE: 10, US: 8 },
        ages: { '18-24': 34, '25-34': 41, '35-44': 15 },
        genders: { female: 68, male: 32 },
        languages: { fa: 90, en: 10 },
      }),
      { history: HISTORY },
    );
    const traveller = await seedApprovedInfluencer(
      e2e.server,
      profile('Nima Safari', 'nima.travels', ['travel', 'food'], 120_000, {
        countries: { IR: 60, TR: 15 },
        ages: { '25-34': 50 },
        genders: { male: 55, female: 45 },
        languages: { fa: 100 },
      }),
    );
    await seedApprovedInfluencer(
      e2e.server,
      profile('Maryam Kids', 'maryam.kids', ['food', 'parenting'], 18_000, { countries: { US: 55, IR: 30 }, ages: { '25-34': 45 }, genders: { female: 80, male: 20 }, languages: { fa: 60, en: 40 } }),
    );
    await seedApprovedInfluencer(e2e.server, profile('Tom Baker', 'tom.tech', ['tech'], 9_000, { countries: { GB: 70 }, ages: {}, genders: { male: 60 }, languages: { en: 90 } }, 'Gadget reviews and tech news'));

    brandEmail = (await buildUser(e2e.server.dataSource, { role: 'brand', status: 'active', displayName: 'Nova Coffee' })).email;
    const setup = await openPage('en', 'brand');
    listId = (await apiInPage<{ id: string }>(setup, '/api/lists', { name: 'Summer launch' })).id;
    await apiInPage(setup, `/api/lists/${listId}/items`, { influencerId: cook.id, status: 'contacted', note: 'Asked for a June rate card' });
    await apiInPage(setup, `/api/lists/${listId}/items`, { influencerId: traveller.id, status: 'negotiating' });
  });

  for (const language of ['en', 'fa'] as const) {
    describe(`in ${language === 'en' ? 'English' : 'Persian'}`, () => {
      it('the landing page and the log-in page', async () => {
        const page = await openPage(language);
        await page.goto('/');
        await visible(page.getByRole('heading', { level: 1 }));
        await expectLanguage(page, language);
        await expectAccessible(page, `${language} /`);

        await page.goto('/login');
        await visible(page.getByRole('heading', { level: 1 }));
        await visible(page.getByRole('textbox').first());
        await expectAccessible(page, `${language} /login`);
      });

      it('the discovery page with results, facets, an audience filter and suggestions', async () => {
        const page = await openPage(language, 'brand');
        await page.goto('/discover');
        await expectText(page.getByTestId('result-total'), LANGUAGES[language].total);
        await expect.poll(() => page.getByTestId('influencer-card').count()).toBe(4);
        await visible(page.getByRole('checkbox').first());
        await expectLanguage(page, language);
        await expectAccessible(page, `${language} /discover`);

        // Filtered, sorted by the cost per targeted thousand: active filter chips, a share slider, the explanation.
        await page.goto('/discover?niche=food&audienceCountry=IR:30&sort=costPerTargetedThousand');
        await visible(page.getByRole('slider').first());
        await visible(page.getByTestId('cost-per-targeted').first());
        await expectAccessible(page, `${language} /discover (filtered)`);

        // The typeahead's listbox, open.
        await page.getByRole('combobox').first().fill('Sar');
        await visible(page.getByRole('option', { name: /Sara Ahmadi/ }));
        await expectAccessible(page, `${language} /discover (suggestions open)`);
      });

      it("an influencer's profile as a brand sees it: audience charts, quality score, rate card, similar influencers", async () => {
        const page = await openPage(language, 'brand');
        await page.goto(`/influencers/${cook.id}`);
        await visible(page.getByRole('heading', { level: 1, name: 'Sara Ahmadi' }));
        await visible(page.getByTestId('quality-card'));
        await visible(page.getByTestId('rate-card'));
        await expect.poll(() => page.getByRole('img').count()).toBeGreaterThanOrEqual(4); // three audience charts and the growth chart
        await visible(page.getByRole('region', { name: language === 'en' ? 'Similar influencers' : 'اینفلوئنسرهای مشابه' }).getByTestId('influencer-card').first());
        await expectLanguage(page, language);
        await expectAccessible(page, `${language} /influencers/:id`);
      });

      it("the brand's lists and one list", async () => {
        const page = await openPage(language, 'brand');
        await page.goto('/lists');
        await visible(page.getByRole('link', { name: 'Summer launch' }));
        await expectLanguage(page, language);
        await expectAccessible(page, `${language} /lists`);

        await page.goto(`/lists/${listId}`);
        await visible(page.getByRole('heading', { level: 1, name: 'Summer launch' }));
        await expect.poll(() => page.getByTestId('list-item').count()).toBe(2);
        await expectAccessible(page, `${language} /lists/:id`);
      });

      it("the influencer's own profile editor, with the audience fields open", async () => {
        const page = await openPage(language, 'influencer');
        await page.goto('/profile');
        await visible(page.getByRole('heading', { level: 1 }));
        const account = page.getByTestId('account-0');
        await visible(account);
        await expect.poll(() => account.getByRole('textbox').first().inputValue()).toBe('sara.cooks');
        await account.locator('summary').first().click();
        await visible(account.getByRole('spinbutton').or(account.getByRole('textbox')).last());
        await expectLanguage(page, language);
        await expectAccessible(page, `${language} /profile`);
      });
    });
  }

  /** The focused element's box against the sticky header's: [description, top of the element, bottom of the header]. */
  const FOCUS_AGAINST_HEADER = `(() => {
    const element = document.activeElement;
    const header = document.querySelector('.app-header');
    if (!element || element === document.body || !header || header.contains(element)) return null;
    const name = element.getAttribute('aria-label') || (element.labels && element.labels[0] ? element.labels[0].textContent : '') || element.textContent || '';
    return [element.tagName.toLowerCase() + ' "' + name.trim().slice(0, 40) + '"', element.getBoundingClientRect().top, header.getBoundingClientRect().bottom];
  })()`;

  for (const [language, viewport] of [
    ['en', { width: 1280, height: 860 }],
    ['fa', { width: 375, height: 740 }],
  ] as const) {
    it(`keeps keyboard focus out from under the sticky header when tabbing backwards (${language}, ${viewport.width}px)`, async () => {
      const page = await e2e.newPage({ locale: LANGUAGES[language].locale, reducedMotion: 'reduce', viewport });
      await logIn(page, cook.email, PASSWORD);
      await page.goto('/profile');
      await expect.poll(() => page.getByTestId('account-0').getByRole('textbox').first().inputValue()).toBe('sara.cooks');
      // Start at the foot of the form, then walk up it with Shift+Tab.
      await page.getByRole('button', { name: language === 'en' ? 'Save profile' : 'ذخیرهٔ پروفایل' }).focus();
      const hidden: string[] = [];
      let checked = 0;
      for (let presses = 0; presses < 40; presses += 1) {
        await page.keyboard.press('Shift+Tab');
        const position = await page.evaluate<[string, number, number] | null>(FOCUS_AGAINST_HEADER);
        if (!position) continue;
        checked += 1;
        const [what, top, headerBottom] = position;
        if (top < headerBottom) hidden.push(`${what}: top ${Math.round(top)}px, header bottom ${Math.round(headerBottom)}px`);
      }
      expect(checked).toBeGreaterThan(20);
      expect(hidden, 'focused elements (partly) under the sticky header').toEqual([]);
    });
  }

  it('discovery works from the keyboard alone: search, an audience share slider, opening a result', async () => {
    const page = await openPage('en', 'brand');
    await page.goto('/discover');
    await expectText(page.getByTestId('result-total'), /^4 influencers/);

    // From the top of the page: the skip link, then into the content, then to the search box.
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to main content' });
    expect(await isFocused(skip)).toBe(true);
    await page.keyboard.press('Enter');
    expect(await isFocused(page.getByRole('main'))).toBe(true);
    const search = page.getByRole('combobox', { name: 'Search influencers' });
    await tabTo(page, search);
    await page.keyboard.type('recipes');
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('recipes');
    await expectText(page.getByTestId('result-total'), /^3 influencers/);

    // Iran from the top-audience facet (Space checks it), then its slider, raised with the arrow keys.
    const iran = page.getByRole('group', { name: 'Top audience countries in these results' }).getByRole('checkbox', { name: /^Iran/ });
    await tabTo(page, iran, 80);
    await page.keyboard.press('Space');
    await expect.poll(() => new URL(page.url()).searchParams.getAll('audienceCountry')).toEqual(['IR:20']);
    const slider = page.getByRole('slider', { name: 'Iran' });
    await visible(slider);
    // Shift+Tab: the slider comes before the facet it was added from.
    for (let presses = 0; presses < 10 && !(await isFocused(slider)); presses += 1) await page.keyboard.press('Shift+Tab');
    expect(await isFocused(slider)).toBe(true);
    expect(await slider.inputValue()).toBe('20');
    for (let step = 0; step < 8; step += 1) await page.keyboard.press('ArrowRight');
    expect(await slider.inputValue()).toBe('60');
    expect(await slider.getAttribute('aria-valuetext')).toBe('at least 60%');
    await expect.poll(() => new URL(page.url()).searchParams.getAll('audienceCountry')).toEqual(['IR:60']);
    await expectText(page.getByTestId('result-total'), /^2 influencers/);

    // Onward to the first result's link, and Enter opens the profile.
    const firstResult = page.getByTestId('influencer-card').first().getByRole('link').first();
    const name = (await firstResult.innerText()).trim();
    await tabTo(page, firstResult, 80);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname.startsWith('/influencers/'));
    await visible(page.getByRole('heading', { level: 1, name }));
  });
});
