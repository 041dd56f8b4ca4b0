import type { TBalance, TOffer } from '@reachbridge/contracts';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_INFLUENCER_PROFILE } from '../../apps/api/src/modules/demo/demo-accounts.js';
import { buildUser, DEFAULT_PASSWORD } from '../../apps/api/test/factories.js';
import { screenshot, useE2e } from './support/browser.js';
import { documentLanguage, expectText, PASSWORD, PERSIAN, submitLogIn, visible, waitForPath, type AuthLabels } from './support/flows.js';
import { ApiSession, seedApprovedInfluencer, type SeededInfluencer } from './support/seed.js';

const e2e = useE2e();
const SHOTS = '/tmp/web-shots-admin-disputes';

/** SPEC §10's example profile (the demo influencer's). */
const PROFILE = DEMO_INFLUENCER_PROFILE;

let sara: SeededInfluencer;
let saraApi: ApiSession;

async function logIn(api: ApiSession, email: string, password: string): Promise<void> {
  const response = await api.request('POST', '/api/auth/login', { email, password });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
}

async function ok<T>(call: Promise<{ status: number; body: T }>, status = 200): Promise<T> {
  const response = await call;
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  return response.body;
}

/** An active brand (vetted), logged in through the API, with its password for the browser. */
async function activeBrand(displayName: string): Promise<{ email: string; api: ApiSession }> {
  const { email } = await buildUser(e2e.server.dataSource, { role: 'brand', status: 'active', displayName });
  const api = new ApiSession(e2e.server.baseUrl);
  await logIn(api, email, DEFAULT_PASSWORD);
  return { email, api };
}

/** Brand sends $1,000.00 (15 % fee), the influencer accepts (payouts connected) and submits a post. */
async function submittedOffer(brand: ApiSession): Promise<TOffer> {
  const offer = await ok(
    brand.request<TOffer>('POST', '/api/offers', {
      influencerId: sara.id,
      deliverables: [{ platform: 'instagram', type: 'post', requirements: 'Show the winter latte' }],
      price: { amount: 100_000, currency: 'USD' },
      message: 'Two posts in December',
    }),
    201,
  );
  expect(offer.status).toBe('sent');
  expect(offer.feeBps).toBe(1500);
  await ok(saraApi.request<TOffer>('POST', `/api/offers/${offer.id}/accept`));
  await ok(saraApi.request<TOffer>('POST', `/api/offers/${offer.id}/submissions`, { url: 'https://instagram.com/p/winter-latte', notes: 'Posted at 6pm' }));
  await ok(saraApi.request('POST', `/api/offers/${offer.id}/messages`, { body: 'The post is up, as agreed.' }), 201);
  return offer;
}

async function logInInBrowser(page: Page, email: string, password: string, labels?: AuthLabels): Promise<void> {
  await page.goto('/login');
  await submitLogIn(page, email, password, labels);
  await waitForPath(page, '/home');
}

async function logInAsAdmin(page: Page, labels?: AuthLabels): Promise<void> {
  const { email } = await buildUser(e2e.server.dataSource, { role: 'admin', status: 'active', displayName: 'Ada Admin' });
  await logInInBrowser(page, email, DEFAULT_PASSWORD, labels);
}

async function balanceOf(api: ApiSession): Promise<TBalance | undefined> {
  const balance = await ok(api.request<{ items: TBalance[] }>('GET', '/api/payments/balance'));
  return balance.items.find((item) => item.currency === 'USD');
}

const oneLine = async (page: Page, testId: string) => (await page.getByTestId(testId).innerText()).replace(/\s+/g, ' ').trim();

describe('admin dispute resolution with the split calculator', () => {
  beforeAll(async () => {
    sara = await seedApprovedInfluencer(e2e.server, PROFILE);
    saraApi = new ApiSession(e2e.server.baseUrl);
    await logIn(saraApi, sara.email, PASSWORD);
    await ok(saraApi.request('POST', '/api/payments/connect/onboarding'));
  });

  it('brand disputes in the browser → admin splits $400 back → both sides see the outcome and their balances → the dashboard counts the fee', async () => {
    const { email: brandEmail, api: brandApi } = await activeBrand('Nova Coffee');
    const offer = await submittedOffer(brandApi);

    // The brand opens the dispute from the offer page.
    const brand = await e2e.newPage();
    await logInInBrowser(brand, brandEmail, DEFAULT_PASSWORD);
    await brand.goto(`/offers/${offer.id}`);
    await brand.getByRole('button', { name: 'Open a dispute' }).click();
    await brand.getByLabel('What went wrong?').fill('Only one of the two posts was published.');
    await brand.getByRole('button', { name: 'Add evidence' }).click();
    await brand.getByLabel('Evidence 1: link').fill('https://instagram.com/sara.cooks');
    await brand.getByLabel('Evidence 1: what it shows').fill('Her grid has one post, not two');
    await brand.locator('.action-form').getByRole('button', { name: 'Open a dispute' }).click();
    await expectText(brand.locator('.offer-header').getByTestId('offer-status'), 'In dispute');

    // The influencer answers (through the API).
    await ok(
      saraApi.request<TOffer>('POST', `/api/offers/${offer.id}/disputes/statement`, {
        statement: 'The brief asked for one post; the second was optional.',
        evidence: [{ url: 'https://instagram.com/p/winter-latte', note: 'The published post' }],
      }),
    );

    // The admin: the queue shows both statements, the offer, the timeline and the messages.
    const admin = await e2e.newPage();
    await logInAsAdmin(admin);
    await admin.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Disputes' }).click();
    await waitForPath(admin, '/admin/disputes');
    await visible(admin.getByRole('heading', { level: 1, name: 'Disputes' }));
    const item = admin.getByTestId('dispute-item').filter({ has: admin.getByRole('heading', { level: 2, name: /Nova Coffee\W* and \W*Sara Ahmadi/ }) });
    await visible(item);
    await expectText(item.getByTestId('dispute-offer'), /Brand\s*Nova Coffee[\s\S]*Influencer\s*Sara Ahmadi[\s\S]*Price\s*\$1,000\.00[\s\S]*Funds held\s*\$1,000\.00[\s\S]*15%/);
    const statements = item.getByTestId('dispute');
    await visible(statements.getByText('Only one of the two posts was published.'));
    await visible(statements.getByRole('link', { name: 'https://instagram.com/sara.cooks' }));
    await visible(statements.getByText('The brief asked for one post; the second was optional.'));
    await visible(statements.getByRole('link', { name: 'https://instagram.com/p/winter-latte' }));
    await expectText(item.getByTestId('timeline'), /Offer created[\s\S]*Accepted[\s\S]*Work submitted[\s\S]*Dispute opened/);
    await visible(item.getByTestId('dispute-messages').getByText('The post is up, as agreed.'));

    // The split calculator: impossible amounts are refused, the slider and the field stay in step.
    const refund = item.getByLabel('Refund to the brand (USD)');
    const review = item.getByRole('button', { name: 'Review the resolution' });
    expect(await review.isDisabled()).toBe(true);
    await refund.fill('1000.01');
    await expectText(item.getByTestId('split-problem'), 'The refund cannot be more than the $1,000.00 held.');
    expect(await review.isDisabled()).toBe(true);
    await refund.fill('12.345');
    await expectText(item.getByTestId('split-problem'), 'Use at most 2 decimal places.');
    const slider = item.getByRole('slider', { name: 'Refund to the brand' });
    await slider.focus();
    await admin.keyboard.press('End');
    await expect.poll(() => refund.inputValue()).toBe('1000');
    await expectText(item.getByTestId('split-problem'), /refunds everything is a full refund/);
    await admin.keyboard.press('Home');
    await expect.poll(() => refund.inputValue()).toBe('0');
    await expectText(item.getByTestId('split-problem'), /refunds nothing is a full release/);

    await refund.fill('400');
    await expectText(item.getByTestId('split-refund'), /Refunded to Nova Coffee\s*\$400\.00/);
    await expectText(item.getByTestId('split-release'), /Released\s*\$600\.00/);
    await expectText(item.getByTestId('split-fee'), /Platform fee \(15%\)\s*\$90\.00/);
    await expectText(item.getByTestId('split-payout'), /Sara Ahmadi receives\s*\$510\.00/);
    expect(await slider.inputValue()).toBe('40000');
    await item.getByLabel('Note for the record (optional)').fill('One of two posts delivered; 40 % back.');
    await screenshot(admin, 'en-dispute-split', { dir: SHOTS });

    await review.click();
    await expectText(
      item.getByTestId('resolution-confirm'),
      /Refund \$400\.00 to .?Nova Coffee.? and release \$600\.00\? .?Sara Ahmadi.? receives \$510\.00 and the platform keeps \$90\.00\./,
    );
    await item.getByRole('button', { name: 'Confirm and move the money' }).click();
    await visible(item.getByText('Dispute resolved. The offer is now “Settled by split”.'));

    // The ledger: postings per transaction sum to zero.
    await item.getByRole('link', { name: 'View the offer’s ledger' }).click();
    await waitForPath(admin, `/admin/ledger/offers/${offer.id}`);
    await visible(admin.getByRole('heading', { level: 1, name: 'Offer ledger' }));
    await visible(admin.getByTestId('ledger-transaction').first());
    const sums = await admin.getByTestId('ledger-sum').allInnerTexts();
    expect(sums.length).toBeGreaterThan(1);
    for (const sum of sums) expect(sum.replace(/\s+/g, ' ')).toMatch(/Sum Balanced \$0\.00/);
    await expectText(admin.getByTestId('ledger-balances'), /platform:fees[\s\S]*\$90\.00/);
    await screenshot(admin, 'en-offer-ledger', { dir: SHOTS });

    // Both sides: the outcome on the offer and their balances.
    await brand.reload();
    await expectText(brand.locator('.offer-header').getByTestId('offer-status'), 'Settled by split');
    await expectText(brand.getByTestId('payment-refunded'), '$400');
    await expectText(brand.getByTestId('dispute'), /\$400[\s\S]*\$600/);
    expect(await balanceOf(brandApi)).toMatchObject({ refunded: 40_000, held: 0 });
    await brand.goto('/offers');
    await expectText(brand.getByTestId('balance-refunded'), /Refunded\s*\$400/);

    const influencer = await e2e.newPage();
    await logInInBrowser(influencer, sara.email, PASSWORD);
    await influencer.goto(`/offers/${offer.id}`);
    await expectText(influencer.locator('.offer-header').getByTestId('offer-status'), 'Settled by split');
    expect(await balanceOf(saraApi)).toMatchObject({ paidOut: 51_000 });
    await influencer.goto('/payouts');
    await expect.poll(() => oneLine(influencer, 'balance')).toMatch(/Paid out \$510/);

    // The resolved tab keeps it, with the ledger link; the dashboard counts the fee.
    await admin.goto('/admin/disputes?status=resolved');
    await visible(admin.getByTestId('dispute-item').filter({ hasText: /Nova Coffee\W* and \W*Sara Ahmadi/ }).getByRole('link', { name: 'View the offer’s ledger' }));
    await admin.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Dashboard' }).click();
    await waitForPath(admin, '/admin/dashboard');
    await expectText(admin.getByTestId('dashboard-feesEarned'), /Fees earned\s*\$90\.00/);
    await expectText(admin.getByTestId('dashboard-refunded'), /\$400\.00/);
    await expectText(admin.getByTestId('dashboard-disputes'), /Open disputes\s*0/);
    await visible(admin.getByTestId('dashboard-offers').getByRole('img', { name: 'Offers by state' }));
    await screenshot(admin, 'en-dashboard', { dir: SHOTS });
  });

  it('shows the disputes page, a resolution another admin made first, the dashboard and the ledger in Persian, right to left, at 375px', async () => {
    const { api: brandApi } = await activeBrand('کافه نوا');
    const offer = await submittedOffer(brandApi);
    await ok(brandApi.request<TOffer>('POST', `/api/offers/${offer.id}/disputes`, { reason: 'فقط یکی از دو پست منتشر شد.', evidence: [] }));

    const phone = await e2e.newPage({ locale: 'fa-IR', viewport: { width: 375, height: 812 } });
    await logInAsAdmin(phone, PERSIAN);
    await phone.goto('/admin/disputes');
    expect(await documentLanguage(phone)).toEqual({ lang: 'fa', dir: 'rtl' });
    const item = phone.getByTestId('dispute-item').filter({ hasText: 'کافه نوا' });
    await visible(item);
    await expectText(item.getByTestId('dispute-held'), /۱٬۰۰۰٫۰۰/);
    await item.getByLabel('بازپرداخت به برند (USD)').fill('۴۰۰');
    await expectText(item.getByTestId('split-fee'), /۹۰٫۰۰/);
    await expectText(item.getByTestId('split-payout'), /۵۱۰٫۰۰/);
    await screenshot(phone, 'fa-disputes-mobile', { dir: SHOTS });
    expect(await phone.evaluate<boolean>('document.documentElement.scrollWidth > document.documentElement.clientWidth')).toBe(false);

    // Another admin resolves it first: confirming now is refused with 409, said plainly, and the queue can be re-read.
    const { email: otherAdmin } = await buildUser(e2e.server.dataSource, { role: 'admin', status: 'active', displayName: 'Omid Admin' });
    const otherApi = new ApiSession(e2e.server.baseUrl);
    await logIn(otherApi, otherAdmin, DEFAULT_PASSWORD);
    const open = await ok(otherApi.request<{ items: { dispute: { id: string }; offer: { id: string } }[] }>('GET', '/api/admin/disputes?status=open'));
    const disputeId = open.items.find((entry) => entry.offer.id === offer.id)?.dispute.id ?? '';
    await ok(otherApi.request<TOffer>('POST', `/api/admin/disputes/${disputeId}/resolve`, { outcome: 'release' }));
    await item.getByRole('button', { name: 'بازبینی تصمیم' }).click();
    await item.getByRole('button', { name: 'تأیید و جابه‌جایی وجه' }).click();
    await visible(item.getByRole('alert').getByText('این اختلاف پیش‌تر حل شده است، شاید به دست مدیری دیگر. برای دیدن نتیجه فهرست را تازه کنید.'));
    expect(await item.getByRole('button', { name: 'تأیید و جابه‌جایی وجه' }).isDisabled()).toBe(true);
    await screenshot(phone, 'fa-dispute-already-resolved', { dir: SHOTS, fullPage: false });
    await item.getByRole('button', { name: 'تازه‌سازی فهرست' }).click();
    await visible(phone.getByText('اختلاف بازی نیست'));

    await phone.goto('/admin/dashboard');
    // Persian digits throughout (the figures themselves depend on the test before).
    await expectText(phone.getByTestId('dashboard-feesEarned'), /^کارمزد دریافتی\s*\S*\$[۰-۹٬]+٫[۰-۹]{2}$/);
    await expectText(phone.getByTestId('dashboard-disputes'), /^اختلاف‌های باز\s*۰/);
    await screenshot(phone, 'fa-dashboard-mobile', { dir: SHOTS });
    expect(await phone.evaluate<boolean>('document.documentElement.scrollWidth > document.documentElement.clientWidth')).toBe(false);

    await phone.goto(`/admin/ledger/offers/${offer.id}`);
    await visible(phone.getByTestId('ledger-transaction').first());
    await screenshot(phone, 'fa-ledger-mobile', { dir: SHOTS });
    expect(await phone.evaluate<boolean>('document.documentElement.scrollWidth > document.documentElement.clientWidth')).toBe(false);
  });
});
