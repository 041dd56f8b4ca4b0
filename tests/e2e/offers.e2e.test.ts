import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_INFLUENCER_PROFILE } from '../../apps/api/src/modules/demo/demo-accounts.js';
import { buildUser, DEFAULT_PASSWORD } from '../../apps/api/test/factories.js';
import { screenshot, useE2e } from './support/browser.js';
import { apiInPage, documentLanguage, expectText, PASSWORD, PERSIAN, submitLogIn, visible, waitForPath, type AuthLabels } from './support/flows.js';
import { seedApprovedInfluencer, type SeededInfluencer } from './support/seed.js';

const e2e = useE2e();
const SHOTS = '/tmp/web-shots-offers';

/** SPEC §10's example profile (the demo influencer's). */
const PROFILE = DEMO_INFLUENCER_PROFILE;

let sara: SeededInfluencer;

/** Offers need vetted (active) accounts on both sides: the factory creates the brand active. */
async function logInAsBrand(page: Page, labels?: AuthLabels) {
  const { email } = await buildUser(e2e.server.dataSource, { role: 'brand', status: 'active', displayName: 'Nova Coffee' });
  await page.goto('/login');
  await submitLogIn(page, email, DEFAULT_PASSWORD, labels);
  await waitForPath(page, '/home');
}

async function logInAsInfluencer(page: Page, labels?: AuthLabels) {
  await page.goto('/login');
  await submitLogIn(page, sara.email, PASSWORD, labels);
  await waitForPath(page, '/home');
}

async function statusOf(page: Page): Promise<string> {
  return (await page.locator('.offer-header').getByTestId('offer-status').innerText()).trim();
}

async function expectStatus(page: Page, status: string) {
  await expect.poll(() => statusOf(page)).toBe(status);
}

describe('offers with payment protection: the whole happy path in the browser', () => {
  beforeAll(async () => {
    sara = await seedApprovedInfluencer(e2e.server, PROFILE);
  });

  it('brand sends from a profile → influencer connects payouts, accepts, submits → brand approves → paid out, balances on both sides', async () => {
    const brand = await e2e.newPage();
    await logInAsBrand(brand);

    // A campaign with a landing page: the offer gets a tracked link.
    await brand.getByRole('link', { name: 'Campaigns' }).first().click();
    await waitForPath(brand, '/campaigns');
    await brand.getByRole('button', { name: 'New campaign' }).click();
    await brand.getByLabel('Campaign name').fill('Winter menu');
    await brand.getByLabel(/Landing page/).fill('https://nova.example.com/winter');
    await brand.getByLabel('Brief').fill('Show our winter drinks in a cosy setting.');
    await brand.getByRole('button', { name: 'Create campaign' }).click();
    await visible(brand.getByRole('heading', { level: 1, name: 'Winter menu' }));
    const campaignPath = new URL(brand.url()).pathname;

    // The profile's "Send offer" opens the composer, prefilled from the rate card.
    await brand.goto(`/influencers/${sara.id}`);
    await visible(brand.getByRole('link', { name: 'Send offer' }));
    await screenshot(brand, 'en-profile-send-offer', { dir: SHOTS, fullPage: false });
    await brand.getByRole('link', { name: 'Send offer' }).click();
    await waitForPath(brand, '/offers/new');
    await visible(brand.getByRole('heading', { level: 1, name: 'New offer' }));
    expect(await brand.getByLabel('Price', { exact: true }).inputValue()).toBe('450');
    await brand.getByLabel('Price', { exact: true }).fill('12.345');
    await brand.getByRole('button', { name: 'Send offer' }).click();
    await visible(brand.getByText('Use at most 2 decimal places.'));
    await brand.getByLabel('Price', { exact: true }).fill('450');
    const preview = brand.getByTestId('fee-preview');
    await expectText(preview, /Platform fee \(15%\)\s*\$67\.50/);
    await expectText(preview, /Influencer receives\s*\$382\.50/);
    await brand.getByLabel(/Due date/).fill('2026-12-20');
    await brand.getByLabel('Requirements').fill('Show the winter latte in use');
    await brand.getByLabel('Campaign', { exact: true }).selectOption({ label: 'Winter menu' });
    await brand.getByLabel('Message to the influencer').fill('Would love to work with you');
    await screenshot(brand, 'en-composer', { dir: SHOTS });
    await brand.getByRole('button', { name: 'Send offer' }).click();

    await brand.waitForURL((url) => /^\/offers\/[0-9a-f-]{36}$/.test(url.pathname));
    const offerPath = new URL(brand.url()).pathname;
    await expectStatus(brand, 'Sent');
    await visible(brand.getByText('Test money — simulated payments. No real money moves.').first());
    await expectText(brand.getByTestId('money-split'), /\$450[\s\S]*\$67\.50[\s\S]*\$382\.50/);
    await visible(brand.getByText('Waiting for Sara Ahmadi'));
    await visible(brand.getByTestId('deadline-accept').getByText(/left$/));
    await visible(brand.getByTestId('tracked-link'));
    await visible(brand.getByRole('button', { name: 'Withdraw offer' }));
    expect(await brand.getByRole('button', { name: 'Accept offer' }).count()).toBe(0);
    await brand.getByLabel('Write a message').fill('The latte ships on Monday.');
    await brand.getByRole('button', { name: 'Send message' }).click();
    await visible(brand.getByTestId('messages').getByText('The latte ships on Monday.'));

    // The influencer: the offer is in the inbox, their turn, with the countdown.
    const influencer = await e2e.newPage();
    await logInAsInfluencer(influencer);
    await influencer.getByRole('link', { name: 'Offers' }).first().click();
    await waitForPath(influencer, '/offers');
    const row = influencer.getByTestId('offer-row').filter({ hasText: 'Nova Coffee' });
    await expectText(row, /\$450[\s\S]*Sent[\s\S]*Your turn[\s\S]*left/);
    await row.getByRole('link', { name: 'Nova Coffee' }).click();
    await waitForPath(influencer, offerPath);

    // Accepting needs a payout account: connect (simulated), then accept.
    await visible(influencer.getByText('Connect payouts to accept'));
    await influencer.getByRole('link', { name: 'Set up payouts' }).click();
    await waitForPath(influencer, '/payouts');
    await visible(influencer.getByText('Payouts are not set up'));
    await influencer.getByRole('button', { name: 'Connect payouts' }).click();
    await visible(influencer.getByText('Payouts are ready'));
    await influencer.goBack();
    await waitForPath(influencer, offerPath);
    await influencer.getByRole('button', { name: 'Accept offer' }).click();
    await expectStatus(influencer, 'In progress');
    await expectText(influencer.getByTestId('payment-held'), '$450');
    await visible(influencer.getByTestId('deadline-due'));

    await influencer.getByRole('button', { name: 'Submit work' }).click();
    await influencer.getByLabel('Link to the post').fill('https://instagram.com/p/winter-latte');
    await influencer.getByLabel(/Notes for the brand/).fill('Posted at 6pm');
    await influencer.locator('.action-form').getByRole('button', { name: 'Submit work' }).click();
    await expectStatus(influencer, 'Submitted');
    await visible(influencer.getByText('Waiting for Nova Coffee'));

    // The brand reviews: approve releases the payment.
    await brand.reload();
    await expectStatus(brand, 'Submitted');
    await visible(brand.getByTestId('submission').getByRole('link', { name: 'https://instagram.com/p/winter-latte' }));
    await visible(brand.getByTestId('deadline-review'));
    await brand.getByRole('button', { name: 'Approve and release payment' }).click();
    await visible(brand.getByText('Approving releases $382.50 to Sara Ahmadi and the platform fee. This cannot be undone.'));
    await brand.getByRole('button', { name: 'Yes, approve and pay' }).click();
    await expectStatus(brand, 'Paid out');
    await expectText(brand.getByTestId('payment-released'), '$450');
    await expectText(brand.getByTestId('payment-held'), '$0');
    await expectText(brand.getByTestId('timeline'), /Offer created[\s\S]*Accepted[\s\S]*Work submitted[\s\S]*Approved[\s\S]*Payment released/);
    expect(await brand.getByTestId('offer-actions').count()).toBe(0);
    await screenshot(brand, 'en-offer-released', { dir: SHOTS });

    // Balances: the brand spent the price; the influencer got the price less the fee.
    await brand.getByRole('link', { name: 'All offers' }).click();
    await waitForPath(brand, '/offers');
    await brand.getByLabel('Show', { exact: true }).selectOption('all');
    await visible(brand.getByTestId('offer-row').filter({ hasText: 'Sara Ahmadi' }));
    await expectText(brand.getByTestId('balance-spent'), /Spent\s*\$450/);
    await expectText(brand.getByTestId('balance-held'), /Funds held\s*\$0/);
    await screenshot(brand, 'en-offers-brand', { dir: SHOTS, fullPage: false });

    // The campaign lists the offer and what it commits.
    await brand.goto(campaignPath);
    await visible(brand.getByTestId('offer-row').filter({ hasText: 'Sara Ahmadi' }));
    await expectText(brand.locator('.fact-list'), /Committed in offers\s*\$450/);
    await screenshot(brand, 'en-campaign', { dir: SHOTS });

    await influencer.goto('/payouts');
    await expect.poll(async () => (await influencer.getByTestId('balance').innerText()).replace(/\s+/g, ' ')).toMatch(/(On its way|Paid out) \$382\.50/);
    await visible(influencer.getByRole('link', { name: 'Payout', exact: true }));
    await screenshot(influencer, 'en-payouts', { dir: SHOTS });
  });

  it('shows an offer to the influencer in Persian, right to left, at 375px', async () => {
    const brand = await e2e.newPage();
    await logInAsBrand(brand);
    const offer = await apiInPage<{ id: string }>(brand, '/api/offers', {
      influencerId: sara.id,
      deliverables: [{ platform: 'instagram', type: 'reel', quantity: 2, dueDate: '2026-12-24', requirements: 'دستور پخت را نشان بده', disclosureTag: '#تبلیغ' }],
      price: { amount: 120050, currency: 'USD' },
      message: 'سلام سارا، منتظر همکاری هستیم',
    });

    const phone = await e2e.newPage({ locale: 'fa-IR', viewport: { width: 375, height: 812 } });
    await logInAsInfluencer(phone, PERSIAN);
    await apiInPage(phone, '/api/payments/connect/onboarding', undefined);
    await phone.goto(`/offers/${offer.id}`);
    await expectStatus(phone, 'فرستاده‌شده');
    expect(await documentLanguage(phone)).toEqual({ lang: 'fa', dir: 'rtl' });
    await visible(phone.getByText('نوبت شما'));
    await expectText(phone.getByTestId('money-split'), /۱٬۲۰۰٫۵۰/);
    await visible(phone.getByTestId('deadline-accept').getByText(/مانده$/));
    await visible(phone.getByRole('button', { name: 'پذیرش پیشنهاد' }));
    await visible(phone.getByText('پول آزمایشی — پرداخت‌ها شبیه‌سازی‌اند. هیچ پول واقعی جابه‌جا نمی‌شود.').first());
    await screenshot(phone, 'fa-offer-mobile', { dir: SHOTS });
    expect(await phone.evaluate<boolean>('document.documentElement.scrollWidth > document.documentElement.clientWidth')).toBe(false);

    // The counter-offer form, in Persian digits.
    await phone.getByRole('button', { name: 'پیشنهاد شرایط دیگر' }).click();
    await phone.getByLabel('قیمت شما (USD)').fill('۱۴۰۰');
    await phone.getByRole('button', { name: 'پیشنهاد شرایط دیگر' }).last().click();
    await expectStatus(phone, 'پیشنهاد متقابل');
    await expectText(phone.getByTestId('counter'), /۱٬۴۰۰/);
    await screenshot(phone, 'fa-offer-countered', { dir: SHOTS, fullPage: false });

    await phone.goto('/offers');
    await visible(phone.getByTestId('offer-row').first());
    await screenshot(phone, 'fa-offers-mobile', { dir: SHOTS });
    expect(await phone.evaluate<boolean>('document.documentElement.scrollWidth > document.documentElement.clientWidth')).toBe(false);
  });

  it('lays out the brand’s composer and campaigns in Persian at 375px', async () => {
    const phone = await e2e.newPage({ locale: 'fa-IR', viewport: { width: 375, height: 812 } });
    await logInAsBrand(phone, PERSIAN);
    await phone.goto(`/offers/new?influencer=${sara.id}`);
    await visible(phone.getByRole('heading', { level: 1, name: 'پیشنهاد تازه' }));
    await phone.getByLabel('قیمت', { exact: true }).fill('۳۲۰٫۵');
    await expectText(phone.getByTestId('fee-preview'), /۴۸٫۰۷[\s\S]*۲۷۲٫۴۳/);
    await screenshot(phone, 'fa-composer-mobile', { dir: SHOTS });
    expect(await phone.evaluate<boolean>('document.documentElement.scrollWidth > document.documentElement.clientWidth')).toBe(false);

    await phone.goto('/campaigns');
    await phone.getByRole('button', { name: 'کمپین تازه' }).click();
    await visible(phone.getByLabel('نام کمپین'));
    await screenshot(phone, 'fa-campaign-form-mobile', { dir: SHOTS });
    expect(await phone.evaluate<boolean>('document.documentElement.scrollWidth > document.documentElement.clientWidth')).toBe(false);
  });

  it('asks for a revision, then cancels by agreement: the brand is refunded in full', async () => {
    const brand = await e2e.newPage();
    await logInAsBrand(brand);
    const offer = await apiInPage<{ id: string }>(brand, '/api/offers', {
      influencerId: sara.id,
      deliverables: [{ platform: 'instagram', type: 'story', quantity: 3 }],
      price: { amount: 20000, currency: 'EUR' },
    });
    const influencer = await e2e.newPage();
    await logInAsInfluencer(influencer);
    await apiInPage(influencer, '/api/payments/connect/onboarding', undefined);
    await apiInPage(influencer, `/api/offers/${offer.id}/accept`, undefined);
    await apiInPage(influencer, `/api/offers/${offer.id}/submissions`, { url: 'https://instagram.com/stories/sara/1' });

    await brand.goto(`/offers/${offer.id}`);
    await expectStatus(brand, 'Submitted');
    await brand.getByRole('button', { name: 'Request a revision' }).click();
    await brand.locator('.action-form').getByRole('button', { name: 'Request a revision' }).click();
    await visible(brand.getByText('This field is required.'));
    await brand.getByLabel('What should change?').fill('Please tag the shop in every story');
    await visible(brand.getByText('2 revision rounds left.'));
    await brand.locator('.action-form').getByRole('button', { name: 'Request a revision' }).click();
    await expectStatus(brand, 'Revision requested');

    await influencer.goto(`/offers/${offer.id}`);
    await expectText(influencer.getByTestId('submission'), /Revision requested: Please tag the shop in every story/);
    await visible(influencer.getByTestId('deadline-due'));
    await influencer.getByRole('button', { name: 'Ask to cancel' }).click();
    await influencer.getByLabel('Why do you want to cancel?').fill('The shop closed its account');
    await influencer.locator('.action-form').getByRole('button', { name: 'Ask to cancel' }).click();
    await expectStatus(influencer, 'Cancellation requested');
    await visible(influencer.getByText('You asked to cancel. Waiting for the other side’s answer.'));

    await brand.reload();
    await visible(brand.getByTestId('deadline-cancellation'));
    await brand.getByRole('button', { name: 'Agree to cancel' }).click();
    await expectStatus(brand, 'Refunded');
    await expectText(brand.getByTestId('payment-refunded'), '€200');
    await expectText(brand.getByTestId('timeline'), /Cancellation requested[\s\S]*The shop closed its account[\s\S]*Cancellation agreed/);
    await brand.goto('/offers?status=finished');
    await expectText(brand.getByTestId('balance').getByLabel('EUR').getByTestId('balance-refunded'), /€200/);
  });
});
