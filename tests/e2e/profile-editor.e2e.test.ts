import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot, uniqueEmail, useE2e } from './support/browser.js';
import { documentLanguage, expectText, PASSWORD, registerInContext, visible } from './support/flows.js';

const e2e = useE2e();
const SHOTS = '/tmp/web-shots-2';

async function hasHorizontalOverflow(page: Page): Promise<boolean> {
  return page.evaluate<boolean>('document.documentElement.scrollWidth > document.documentElement.clientWidth');
}

describe('the influencer profile editor, in Persian', () => {
  it('fills a new profile with an account, its audience and a rate, shows the server error on the right field, saves and submits', async () => {
    const page = await e2e.newPage({ locale: 'fa-IR' });
    const email = uniqueEmail('editor');
    await registerInContext(page, { email, password: PASSWORD, role: 'influencer', displayName: 'سارا احمدی' });
    await page.goto('/home');
    await page.getByRole('link', { name: 'پروفایل من' }).first().click();
    await visible(page.getByRole('heading', { level: 1, name: 'پروفایل من' }));
    expect(await documentLanguage(page)).toEqual({ lang: 'fa', dir: 'rtl' });

    // No profile yet (the API answered 404): an empty form, named after the account.
    await visible(page.getByText('هنوز ذخیره نشده'));
    expect(await page.getByLabel('نام نمایشی').inputValue()).toBe('سارا احمدی');

    await page.getByLabel('کشور', { exact: true }).selectOption('IR');
    await page.getByLabel('شهر').fill('تهران');
    await page.getByLabel('بیوگرافی').fill('آشپزی خانگی و سفرنامه — home cooking & travel');
    await page.getByRole('checkbox', { name: 'غذا و آشپزی' }).check();
    await page.getByRole('checkbox', { name: 'سفر' }).check();
    await page.getByRole('combobox', { name: 'افزودن زبان…' }).first().selectOption('fa');
    await visible(page.getByRole('button', { name: 'حذف فارسی' }));

    // The social account: a handle with a space the server refuses, numbers typed in Persian digits.
    const account = page.getByTestId('account-0');
    await account.getByLabel('شناسه').fill('sara cooks');
    await account.getByLabel('نشانی پروفایل (URL)').fill('https://instagram.com/sara.cooks');
    await account.getByLabel('دنبال‌کننده', { exact: true }).fill('۵۲۰۰۰');
    await account.getByLabel('دنبال‌شونده').fill('۴۱۰');
    await account.getByLabel('نرخ تعامل').fill('۳٫۴');
    await account.getByText('مخاطبان (اختیاری)').click();
    await account.getByRole('button', { name: 'افزودن کشور' }).click();
    await account.getByRole('combobox', { name: 'ردیف ۱' }).selectOption('IR');
    await account.getByLabel('سهم ایران').fill('۷۱');
    await account.getByLabel('۱۸–۲۴').fill('۳۴');
    await account.getByLabel('زن').fill('۶۸');

    await page.getByRole('button', { name: 'افزودن قیمت' }).click();
    const rate = page.getByTestId('rate-0');
    await rate.getByLabel('نوع محتوا').selectOption('post');
    await rate.getByRole('textbox', { name: 'قیمت' }).fill('۴۵۰');
    await screenshot(page, 'fa-editor-filled', { dir: SHOTS });

    await page.getByRole('button', { name: 'ذخیرهٔ پروفایل' }).click();
    // The server's message, translated, under the handle; the field is marked invalid and focused.
    const handle = account.getByLabel('شناسه');
    await expectText(account.getByText('فقط حروف، رقم، نقطه، زیرخط و خط تیره مجاز است.'), 'فقط حروف، رقم، نقطه، زیرخط و خط تیره مجاز است.');
    expect(await handle.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => page.evaluate<string | null>('document.activeElement && document.activeElement.getAttribute("name")')).toBe('socialAccounts.0.handle');
    await screenshot(page, 'fa-editor-server-error', { dir: SHOTS });

    await handle.fill('sara.cooks');
    await page.getByRole('button', { name: 'ذخیرهٔ پروفایل' }).click();
    await visible(page.getByText('پروفایل شما ذخیره شد.'));
    await visible(page.getByText('پیش‌نویس', { exact: true }));

    await page.getByRole('button', { name: 'فرستادن برای بررسی' }).click();
    await visible(page.getByText('پروفایل شما برای بررسی فرستاده شد.'));
    await visible(page.getByText('در انتظار بررسی', { exact: true }));
    expect(await page.getByRole('button', { name: 'فرستادن برای بررسی' }).count()).toBe(0);
    await screenshot(page, 'fa-editor-submitted', { dir: SHOTS });

    // What the server stored: numbers from Persian digits, the price in minor units.
    const stored = await page.request.get('/api/me/influencer-profile');
    const profile = (await stored.json()) as {
      reviewStatus: string;
      languages: string[];
      socialAccounts: { handle: string; followers: number; engagementRate: number; audience: { countries: Record<string, number>; ages: Record<string, number> }; provenance: { metrics: { source: string } } }[];
      rates: { price: { amount: number; currency: string } }[];
    };
    expect(profile.reviewStatus).toBe('submitted');
    expect(profile.languages).toEqual(['fa']);
    expect(profile.socialAccounts[0]).toMatchObject({ handle: 'sara.cooks', followers: 52000, engagementRate: 3.4 });
    expect(profile.socialAccounts[0]?.audience.countries).toEqual({ IR: 71 });
    expect(profile.socialAccounts[0]?.audience.ages).toEqual({ '18-24': 34 });
    expect(profile.socialAccounts[0]?.provenance.metrics.source).toBe('self_reported');
    expect(profile.rates).toEqual([{ platform: 'instagram', deliverable: 'post', price: { amount: 45000, currency: 'USD' } }]);

    // A reload shows what was saved.
    await page.reload();
    await visible(page.getByText('در انتظار بررسی', { exact: true }));
    expect(await page.getByTestId('account-0').getByLabel('دنبال‌کننده', { exact: true }).inputValue()).toBe('52000');
    expect(await page.getByTestId('rate-0').getByRole('textbox', { name: 'قیمت' }).inputValue()).toBe('450');

    // The owner can preview the public page.
    await page.getByRole('link', { name: 'دیدن از چشم برندها' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'سارا احمدی' }));
    await visible(page.getByText('برندها پروفایل شما را این‌گونه می‌بینند'));
    await screenshot(page, 'fa-profile-preview', { dir: SHOTS });

    await page.setViewportSize({ width: 375, height: 740 });
    await page.goto('/profile');
    await visible(page.getByRole('heading', { level: 1, name: 'پروفایل من' }));
    expect(await hasHorizontalOverflow(page)).toBe(false);
    await screenshot(page, 'fa-mobile-editor', { dir: SHOTS });
  });
});
