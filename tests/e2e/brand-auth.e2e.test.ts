import { describe, expect, it } from 'vitest';
import { screenshot, uniqueEmail, useE2e } from './support/browser.js';
import { documentLanguage, expectText, fillSignUp, navigationLinks, PASSWORD, submitLogIn, visible, waitForPath } from './support/flows.js';

const e2e = useE2e();

describe('a brand, in English', () => {
  it('signs up, sees the brand home with the review banner, logs out and logs in again', async () => {
    const page = await e2e.newPage();
    const email = uniqueEmail('brand');

    await page.goto('/');
    expect(await documentLanguage(page)).toEqual({ lang: 'en', dir: 'ltr' });
    await visible(page.getByRole('heading', { level: 1, name: 'Reach people through voices they already trust' }));
    await screenshot(page, 'en-landing');

    await page.getByRole('link', { name: 'Create a free account' }).click();
    await waitForPath(page, '/signup');
    await visible(page.getByRole('heading', { level: 1, name: 'Create your account' }));
    await fillSignUp(page, { role: /^A brand/, displayName: 'Acme Coffee', email, password: PASSWORD });
    await screenshot(page, 'en-signup');
    await page.getByRole('button', { name: 'Create account' }).click();

    await waitForPath(page, '/home');
    await visible(page.getByRole('heading', { level: 1, name: 'Welcome, Acme Coffee' }));
    expect(await navigationLinks(page, 'Main navigation')).toEqual(['Home', 'Discover', 'Lists', 'Campaigns', 'Offers']);
    await visible(page.getByText('Your account is waiting for review'));
    await visible(page.getByText('Pending review', { exact: true }));
    await screenshot(page, 'en-home-brand');

    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Campaigns' }).click();
    await waitForPath(page, '/campaigns');
    await visible(page.getByRole('heading', { level: 1, name: 'Campaigns' }));
    await screenshot(page, 'en-campaigns');

    await page.getByRole('button', { name: /Account menu/ }).click();
    await page.getByRole('button', { name: 'Log out' }).click();
    await waitForPath(page, '/login');
    await visible(page.getByText('You have been logged out.'));

    // Private pages now send the visitor to the login page.
    await page.goto('/home');
    await waitForPath(page, '/login');

    await submitLogIn(page, email, PASSWORD);
    await waitForPath(page, '/home');
    await visible(page.getByRole('heading', { level: 1, name: 'Welcome, Acme Coffee' }));
    await expectText(page.getByRole('button', { name: /Account menu/ }), /Acme Coffee/);

    // Logged in, the landing page is skipped.
    await page.goto('/');
    await waitForPath(page, '/home');
  });
});
