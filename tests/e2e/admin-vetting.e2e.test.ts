import type { TInfluencerProfile, TInfluencerProfileInput } from '@reachbridge/contracts';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildUser, DEFAULT_PASSWORD } from '../../apps/api/test/factories.js';
import { screenshot, uniqueEmail, useE2e } from './support/browser.js';
import { documentLanguage, expectText, PASSWORD, PERSIAN, registerInContext, submitLogIn, visible, waitForPath, type AuthLabels } from './support/flows.js';
import { ApiSession } from './support/seed.js';

const e2e = useE2e();
const SHOTS = '/tmp/web-shots-admin';

function profile(displayName: string, handle: string): TInfluencerProfileInput {
  return {
    displayName,
    bio: `${displayName} cooks and travels`,
    niches: ['food'],
    country: 'IR',
    city: 'Tehran',
    languages: ['fa', 'en'],
    contactPreferences: { viaPlatform: true },
    socialAccounts: [
      {
        platform: 'instagram',
        handle,
        url: `https://instagram.com/${handle.replace(/^@/, '')}`,
        followers: 52000,
        following: 410,
        posts: 820,
        engagementRate: 3.4,
        growth30d: 2.1,
        audience: { countries: { IR: 71, DE: 8 }, ages: {}, genders: {}, languages: {} },
      },
    ],
    rates: [{ platform: 'instagram', deliverable: 'post', price: { amount: 45000, currency: 'USD' } }],
  };
}

/** An influencer who signed up, saved a profile and sent it for review (through the API, as the client does). */
async function waitingInfluencer(displayName: string, handle: string): Promise<{ email: string; profile: TInfluencerProfile }> {
  const email = uniqueEmail('waiting');
  const api = new ApiSession(e2e.server.baseUrl);
  expect((await api.request('POST', '/api/auth/register', { email, password: PASSWORD, role: 'influencer', displayName })).status).toBe(201);
  const saved = await api.request<TInfluencerProfile>('PUT', '/api/me/influencer-profile', profile(displayName, handle));
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  expect((await api.request('POST', '/api/me/influencer-profile/submit')).status).toBe(200);
  await e2e.server.dataSource.query(
    `INSERT INTO follower_snapshots (social_account_id, taken_on, followers) VALUES ($1, current_date - 60, 41000), ($1, current_date - 30, 47000)`,
    [saved.body.socialAccounts[0]!.id],
  );
  return { email, profile: saved.body };
}

async function logInAsAdmin(page: Page, labels?: AuthLabels): Promise<void> {
  const { email } = await buildUser(e2e.server.dataSource, { role: 'admin', status: 'active', displayName: 'Ada Admin' });
  await page.goto('/login');
  await submitLogIn(page, email, DEFAULT_PASSWORD, labels);
  await waitForPath(page, '/home');
}

const item = (page: Page, name: string) => page.getByTestId('review-item').filter({ has: page.getByRole('heading', { level: 2, name }) });

describe('admin vetting', () => {
  it('approves, rejects with a reason, suspends a brand (its session ends), and the audit log shows all three', async () => {
    await waitingInfluencer('Sara Cooks', 'sara.cooks');
    const omid = await waitingInfluencer('Omid Copycat', '@Sara.Cooks');

    // A brand, logged in in its own browser.
    const brandPage = await e2e.newPage();
    await registerInContext(brandPage, { email: uniqueEmail('brand'), password: PASSWORD, role: 'brand', displayName: 'Acme Coffee' });
    await brandPage.goto('/home');
    await visible(brandPage.getByRole('heading', { level: 1, name: 'Welcome, Acme Coffee' }));

    const page = await e2e.newPage();
    await logInAsAdmin(page);
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Review queue' }).click();
    await waitForPath(page, '/admin/review-queue');
    await visible(page.getByRole('heading', { level: 1, name: 'Review queue' }));

    // Oldest first, with the signals.
    const sara = item(page, 'Sara Cooks');
    await visible(sara);
    expect((await page.locator('.review-item__name').allInnerTexts()).map((text) => text.trim())).toEqual(['Sara Cooks', 'Omid Copycat', 'Acme Coffee']);
    await visible(sara.getByTestId('quality-card'));
    await visible(sara.getByTestId('growth-card'));
    await visible(sara.getByText('Self-reported').first());
    await expectText(item(page, 'Omid Copycat').getByRole('listitem').filter({ hasText: 'Same handle' }), /Same handle \W*instagram:sara\.cooks\W* as \W*Sara Cooks/);
    await screenshot(page, 'en-review-queue');

    // Approve Sara.
    await sara.getByRole('button', { name: 'Approve', exact: true }).click();
    await visible(sara.getByText('Approve Sara Cooks?'));
    await sara.getByRole('button', { name: 'Confirm approval' }).click();
    await visible(sara.getByText('Sara Cooks is approved.'));
    await visible(sara.getByText('Active', { exact: true }));

    // Reject Omid: a reason is required, and he will see it.
    const omidItem = item(page, 'Omid Copycat');
    await omidItem.getByRole('button', { name: 'Reject', exact: true }).click();
    await omidItem.getByRole('button', { name: 'Confirm rejection' }).click();
    await visible(omidItem.getByText('Give a reason; the user sees it.'));
    await omidItem.getByLabel('Reason (the user sees it)').fill('This handle belongs to another creator.');
    await omidItem.getByRole('button', { name: 'Confirm rejection' }).click();
    await visible(omidItem.getByText('Omid Copycat is rejected.'));

    // Suspend the brand.
    const acme = item(page, 'Acme Coffee');
    await acme.getByRole('button', { name: 'Suspend', exact: true }).click();
    await acme.getByLabel('Reason (optional, kept in the audit log)').fill('Fake company details');
    await acme.getByRole('button', { name: 'Confirm suspension' }).click();
    await visible(acme.getByText('Acme Coffee is suspended and logged out.'));
    await visible(acme.getByRole('button', { name: 'Reinstate' }));

    // The brand's session has ended: its next page load goes to the login page.
    await brandPage.goto('/home');
    await waitForPath(brandPage, '/login');

    // The audit log, newest first.
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Audit log' }).click();
    await waitForPath(page, '/admin/audit-log');
    const rows = page.getByTestId('audit-row');
    await visible(rows.first());
    expect(await rows.evaluateAll((elements) => elements.map((element) => element.getAttribute('data-action')))).toEqual([
      'account.suspend',
      'account.reject',
      'account.approve',
    ]);
    await visible(page.getByRole('cell', { name: /This handle belongs to another creator\./ }));
    await screenshot(page, 'en-audit-log');

    // Suspended accounts leave the queue; the suspension's entry is where it is lifted.
    const suspension = page.locator('[data-testid="audit-row"][data-action="account.suspend"]');
    await suspension.getByRole('button', { name: 'Reinstate' }).click();
    await suspension.getByRole('button', { name: 'Confirm reinstatement' }).click();
    await visible(page.locator('[data-testid="audit-row"][data-action="account.reinstate"]'));

    // Filter by action.
    await page.getByLabel('Action').selectOption('account.reject');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => rows.count()).toBe(1);
    expect(new URL(page.url()).searchParams.get('action')).toBe('account.reject');

    // Omid sees the reason on his profile editor.
    const omidPage = await e2e.newPage();
    await omidPage.goto('/login');
    await submitLogIn(omidPage, omid.email, PASSWORD);
    await waitForPath(omidPage, '/home');
    await omidPage.goto('/profile');
    await visible(omidPage.getByText('This handle belongs to another creator.'));
  });

  it('shows the queue and the audit log in Persian, right to left, on a phone', async () => {
    await waitingInfluencer('سارا آشپز', 'sara.ashpaz');
    const page = await e2e.newPage({ locale: 'fa-IR', viewport: { width: 375, height: 812 } });
    await logInAsAdmin(page, PERSIAN);
    await page.goto('/admin/review-queue');
    await visible(page.getByRole('heading', { level: 1, name: 'صف بررسی' }));
    expect(await documentLanguage(page)).toEqual({ lang: 'fa', dir: 'rtl' });
    const persian = item(page, 'سارا آشپز');
    await visible(persian.getByTestId('quality-card'));
    await visible(persian.getByRole('button', { name: 'تأیید', exact: true }));
    await screenshot(page, 'fa-review-queue-mobile', { dir: SHOTS });
    expect(await page.evaluate<boolean>('document.documentElement.scrollWidth > document.documentElement.clientWidth')).toBe(false);

    await persian.getByRole('button', { name: 'درخواست اصلاح', exact: true }).click();
    await persian.getByLabel('دلیل (کاربر آن را می‌بیند)').fill('کشورهای مخاطبان را کامل کنید');
    await persian.getByRole('button', { name: 'فرستادن درخواست' }).click();
    await visible(persian.getByText('از سارا آشپز اصلاح خواسته شد.'));

    await page.goto('/admin/audit-log');
    await visible(page.getByRole('heading', { level: 1, name: 'گزارش رویدادها' }));
    await visible(page.getByTestId('audit-row').first());
    await expectText(page.getByTestId('audit-row').first(), /درخواست اصلاح/);
    await screenshot(page, 'fa-audit-log-mobile', { dir: SHOTS });
    expect(await page.evaluate<boolean>('document.documentElement.scrollWidth > document.documentElement.clientWidth')).toBe(false);
  });
});
