import { describe, expect, it } from 'vitest';
import { screenshot, uniqueEmail, useE2e } from './support/browser.js';
import {
  documentLanguage,
  expectText,
  fillSignUp,
  navigationLinks,
  PASSWORD,
  submitLogIn,
  visible,
  waitForPath,
  type AuthLabels,
} from './support/flows.js';

const e2e = useE2e();

const PERSIAN: AuthLabels = {
  displayName: 'نام نمایشی',
  email: 'ایمیل',
  password: 'گذرواژه',
  submitSignUp: 'ساخت حساب',
  submitLogIn: 'ورود',
};
const PERSIAN_DIGIT = /[۰-۹]/;
const LATIN_DIGIT = /[0-9]/;
const VIEWPORT_WIDTH = 1280;

describe('an influencer, in Persian', () => {
  it('switches to Persian (right to left), signs up, logs out and logs in again', async () => {
    const page = await e2e.newPage({ viewport: { width: VIEWPORT_WIDTH, height: 860 } });
    const email = uniqueEmail('influencer');

    await page.goto('/');
    await page.getByRole('button', { name: 'فارسی' }).click();
    await expect.poll(() => documentLanguage(page)).toEqual({ lang: 'fa', dir: 'rtl' });
    expect(await page.getByRole('button', { name: 'فارسی' }).getAttribute('aria-pressed')).toBe('true');
    await visible(page.getByRole('heading', { level: 1, name: 'با صدایی به مردم برسید که از قبل به آن اعتماد دارند' }));

    // Mirrored: the brand mark sits on the right, the log-in link on the left.
    const brand = await page.getByTestId('brand-mark').boundingBox();
    const logIn = await page.getByRole('banner').getByRole('link', { name: 'ورود' }).boundingBox();
    expect(brand!.x).toBeGreaterThan(VIEWPORT_WIDTH / 2);
    expect(logIn!.x + logIn!.width).toBeLessThan(VIEWPORT_WIDTH / 2);
    // Numbers in Persian digits: "گام ۱".
    await expectText(page.getByText(/^گام/).first(), /^گام ۱$/);
    await screenshot(page, 'fa-landing');

    await page.getByRole('link', { name: 'ساخت حساب رایگان' }).click();
    await waitForPath(page, '/signup');
    await visible(page.getByRole('heading', { level: 1, name: 'حساب خود را بسازید' }));
    await expectText(page.getByText(/^دست‌کم/), 'دست‌کم ۱۰ نویسه.');
    await fillSignUp(page, { role: /^اینفلوئنسر/, displayName: 'سارا احمدی', email, password: PASSWORD }, PERSIAN);
    await screenshot(page, 'fa-signup');
    await page.getByRole('button', { name: PERSIAN.submitSignUp, exact: true }).click();

    await waitForPath(page, '/home');
    await visible(page.getByRole('heading', { level: 1, name: 'سارا احمدی، خوش آمدید' }));
    expect(await navigationLinks(page, 'ناوبری اصلی')).toEqual(['خانه', 'پروفایل من', 'پیشنهادها', 'تسویه‌ها']);
    await visible(page.getByText('حساب شما در انتظار بررسی است'));
    await visible(page.getByText('در انتظار بررسی', { exact: true }));

    // The sign-up date: Solar Hijri calendar, Persian digits only.
    const memberSince = (await page.getByTestId('member-since').innerText()).trim();
    const today = new Intl.DateTimeFormat('fa-IR-u-ca-persian', { dateStyle: 'long' }).format(new Date());
    expect(memberSince).toBe(today);
    expect(memberSince).toMatch(PERSIAN_DIGIT);
    expect(memberSince).not.toMatch(LATIN_DIGIT);

    // Mirrored header: brand mark right, user menu left.
    const brandHome = await page.getByTestId('brand-mark').boundingBox();
    const menu = await page.getByTestId('user-menu').boundingBox();
    expect(brandHome!.x).toBeGreaterThan(VIEWPORT_WIDTH / 2);
    expect(menu!.x + menu!.width).toBeLessThan(VIEWPORT_WIDTH / 2);
    await screenshot(page, 'fa-home-influencer');

    await page.getByRole('button', { name: /منوی حساب/ }).click();
    await screenshot(page, 'fa-user-menu');
    await page.getByRole('button', { name: 'خروج' }).click();
    await waitForPath(page, '/login');
    await visible(page.getByText('از حساب خود خارج شدید.'));

    // The choice survives a reload.
    await page.reload();
    expect(await documentLanguage(page)).toEqual({ lang: 'fa', dir: 'rtl' });
    await visible(page.getByRole('heading', { level: 1, name: 'ورود' }));
    await screenshot(page, 'fa-login');

    await submitLogIn(page, email, PASSWORD, PERSIAN);
    await waitForPath(page, '/home');
    await visible(page.getByRole('heading', { level: 1, name: 'سارا احمدی، خوش آمدید' }));
  });
});
