import { describe, expect, it } from 'vitest';
import { DEMO_INFLUENCER_PROFILE } from '../../apps/api/src/modules/demo/demo-accounts.js';
import { buildUser, DEFAULT_PASSWORD } from '../../apps/api/test/factories.js';
import { screenshot, useE2e } from './support/browser.js';
import { PERSIAN, submitLogIn, visible, waitForPath } from './support/flows.js';
import { ApiSession } from './support/seed.js';

const e2e = useE2e();
const SHOTS = '/tmp/web-shots-account-review';

/** An admin's decision through the API, as the vetting console sends it. */
async function decide(userId: string, action: 'reject' | 'request-changes', reason: string) {
  const { email } = await buildUser(e2e.server.dataSource, { role: 'admin', status: 'active' });
  const admin = new ApiSession(e2e.server.baseUrl);
  expect((await admin.request('POST', '/api/auth/login', { email, password: DEFAULT_PASSWORD })).status).toBe(200);
  expect((await admin.request('POST', `/api/admin/accounts/${userId}/${action}`, { reason })).status).toBe(200);
}

describe('the account review on the home page', () => {
  it('shows a brand why vetting said no, in its own words', async () => {
    const { user, email } = await buildUser(e2e.server.dataSource, { role: 'brand', status: 'pending_review', displayName: 'Shady Shop' });
    await decide(user.id, 'reject', 'We could not verify your company website.');
    const page = await e2e.newPage();
    await page.goto('/login');
    await submitLogIn(page, email, DEFAULT_PASSWORD);
    await waitForPath(page, '/home');
    const card = page.getByTestId('account-review');
    await visible(card.getByText('Your account was not approved'));
    await visible(card.getByText('We could not verify your company website.'));
    await screenshot(page, 'en-brand-rejected', { dir: SHOTS });
  });

  it('lets an influencer ask for a review of their quality score, in Persian', async () => {
    const { user, email } = await buildUser(e2e.server.dataSource, { role: 'influencer', status: 'pending_review', displayName: 'سارا' });
    const influencer = new ApiSession(e2e.server.baseUrl);
    await influencer.request('POST', '/api/auth/login', { email, password: DEFAULT_PASSWORD });
    const saved = await influencer.request<{ id: string }>('PUT', '/api/me/influencer-profile', DEMO_INFLUENCER_PROFILE);
    expect(saved.status).toBe(200);
    await decide(user.id, 'request-changes', 'لطفاً آمار مخاطبان را به‌روز کنید.');
    const page = await e2e.newPage({ locale: 'fa-IR', viewport: { width: 375, height: 800 } });
    await page.goto('/login');
    await submitLogIn(page, email, DEFAULT_PASSWORD, PERSIAN);
    await waitForPath(page, '/home');
    const card = page.getByTestId('account-review');
    await visible(card.getByText('درخواست تغییرات داده شد'));
    await visible(card.getByText('لطفاً آمار مخاطبان را به‌روز کنید.'));
    await card.getByLabel('مدیر به چه چیزی نگاه کند؟').fill('نرخ تعامل من از داده‌های خود اینستاگرام است.');
    await card.getByRole('button', { name: 'درخواست بررسی امتیاز' }).click();
    await visible(page.getByTestId('score-review-requested'));
    await screenshot(page, 'fa-influencer-score-review', { dir: SHOTS });

    const [request] = await e2e.server.dataSource.query<[{ message: string }]>(`SELECT message FROM score_review_requests WHERE profile_id = $1`, [saved.body.id]);
    expect(request.message).toBe('نرخ تعامل من از داده‌های خود اینستاگرام است.');
  });
});
