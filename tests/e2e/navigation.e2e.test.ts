import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildUser, DEFAULT_PASSWORD } from '../../apps/api/test/factories.js';
import { screenshot, uniqueEmail, useE2e } from './support/browser.js';
import { documentLanguage, navigationLinks, PASSWORD, registerInContext, submitLogIn, visible, waitForPath } from './support/flows.js';

const e2e = useE2e();

async function hasHorizontalOverflow(page: Page): Promise<boolean> {
  return page.evaluate<boolean>('document.documentElement.scrollWidth > document.documentElement.clientWidth');
}

describe('navigation, guards and layout', () => {
  it('serves the client with a strict CSP and falls back to index.html for client routes', async () => {
    const response = await fetch(`${e2e.server.baseUrl}/account`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect(await response.text()).toContain('<div id="root"></div>');
  });

  it('sends logged-out visitors to login, and back to the page they asked for afterwards', async () => {
    const { email } = await buildUser(e2e.server.dataSource, { role: 'brand', status: 'active', displayName: 'Active Brand' });
    const page = await e2e.newPage();

    await page.goto('/campaigns');
    await waitForPath(page, '/login');
    await submitLogIn(page, email, DEFAULT_PASSWORD);
    await waitForPath(page, '/campaigns');
    await visible(page.getByRole('heading', { level: 1, name: 'Campaigns' }));

    // Active accounts get no review banner.
    await page.goto('/home');
    await visible(page.getByRole('heading', { level: 1, name: 'Welcome, Active Brand' }));
    expect(await page.getByText('Your account is waiting for review').count()).toBe(0);
    await visible(page.getByText('Active', { exact: true }));
  });

  it('keeps each role to its own sections', async () => {
    const page = await e2e.newPage();
    await registerInContext(page, { email: uniqueEmail('role'), password: PASSWORD, role: 'influencer', displayName: 'Role Test' });

    await page.goto('/discover');
    await waitForPath(page, '/home');
    await page.goto('/payouts');
    await visible(page.getByRole('heading', { level: 1, name: 'Payouts' }));
  });

  it('shows the admin navigation to an admin', async () => {
    const { email } = await buildUser(e2e.server.dataSource, { role: 'admin', status: 'active', displayName: 'Ada Admin' });
    const page = await e2e.newPage();
    await page.goto('/login');
    await submitLogIn(page, email, DEFAULT_PASSWORD);
    await waitForPath(page, '/home');
    expect(await navigationLinks(page, 'Main navigation')).toEqual(['Home', 'Discover', 'Review queue', 'Disputes', 'Audit log', 'Dashboard']);
    await screenshot(page, 'en-home-admin');
    await page.getByRole('link', { name: 'Dashboard' }).first().click();
    await waitForPath(page, '/admin/dashboard');
    await visible(page.getByRole('heading', { level: 1, name: 'Dashboard' }));
  });

  it('answers unknown addresses with a 404 page', async () => {
    const page = await e2e.newPage();
    await page.goto('/no/such/page');
    await visible(page.getByRole('heading', { level: 1, name: 'We could not find that page' }));
    await screenshot(page, 'en-404');
    await page.getByRole('link', { name: 'Go to the start page' }).click();
    await waitForPath(page, '/');
  });

  it('starts in the browser language when nothing was chosen yet', async () => {
    const page = await e2e.newPage({ locale: 'fa-IR' });
    await page.goto('/login');
    expect(await documentLanguage(page)).toEqual({ lang: 'fa', dir: 'rtl' });
    await visible(page.getByRole('heading', { level: 1, name: 'ورود' }));
  });

  for (const language of ['en', 'fa'] as const) {
    it(`fits a 375px phone screen (${language})`, async () => {
      const page = await e2e.newPage({ viewport: { width: 375, height: 740 }, locale: language === 'fa' ? 'fa-IR' : 'en-US' });
      await page.goto('/');
      expect(await documentLanguage(page)).toMatchObject({ lang: language });
      expect(await hasHorizontalOverflow(page)).toBe(false);
      await screenshot(page, `${language}-mobile-landing`);

      await page.goto('/signup');
      expect(await hasHorizontalOverflow(page)).toBe(false);
      await screenshot(page, `${language}-mobile-signup`);

      await registerInContext(page, { email: uniqueEmail(`mobile-${language}`), password: PASSWORD, role: 'brand', displayName: 'Mobile Brand' });
      await page.goto('/home');
      await visible(page.getByTestId('user-menu'));
      expect(await hasHorizontalOverflow(page)).toBe(false);
      await screenshot(page, `${language}-mobile-home`);

      await page.goto('/account');
      await page.getByLabel(language === 'fa' ? 'نام توکن' : 'Token name').fill('Phone');
      await page.getByRole('button', { name: language === 'fa' ? 'ساخت توکن' : 'Create token' }).click();
      await visible(page.getByRole('listitem').filter({ hasText: 'Phone' }));
      expect(await hasHorizontalOverflow(page)).toBe(false);
      await screenshot(page, `${language}-mobile-account`);
    });
  }

  it('takes the Persian account page screenshot', async () => {
    const page = await e2e.newPage({ locale: 'fa-IR' });
    await registerInContext(page, { email: uniqueEmail('fa-account'), password: PASSWORD, role: 'brand', displayName: 'برند نمونه' });
    await page.goto('/account');
    await page.getByLabel('نام توکن').fill('همگام‌سازی');
    await page.getByRole('button', { name: 'ساخت توکن' }).click();
    await visible(page.getByLabel('رمز «همگام‌سازی»'));
    await visible(page.getByText('۱ توکن فعال'));
    await screenshot(page, 'fa-account');
    await page.setViewportSize({ width: 900, height: 800 });
    expect(await hasHorizontalOverflow(page)).toBe(false);
    await screenshot(page, 'fa-tablet-account');
    await page.goto('/campaigns');
    await visible(page.getByRole('heading', { level: 1, name: 'کمپین‌ها' }));
    await screenshot(page, 'fa-section');
  });
});
