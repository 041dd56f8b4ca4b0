import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildUser, DEFAULT_PASSWORD } from '../../apps/api/test/factories.js';
import { screenshot, uniqueEmail, useE2e } from './support/browser.js';
import { fillSignUp, PASSWORD, submitLogIn, visible, waitForPath } from './support/flows.js';

const e2e = useE2e();

/** The field's error text, read through aria-describedby as assistive technology would. */
async function fieldError(page: Page, label: string): Promise<{ invalid: string | null; describedBy: string }> {
  const input = page.getByLabel(label, { exact: true });
  const invalid = await input.getAttribute('aria-invalid');
  const ids = ((await input.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean);
  const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).innerText()));
  return { invalid, describedBy: texts.join(' | ') };
}

async function focusedLabel(page: Page): Promise<string | null> {
  return page.evaluate<string | null>('document.activeElement?.labels?.[0]?.textContent ?? null');
}

describe('form errors', () => {
  it('shows a too-short password at the password field before anything is sent', async () => {
    const page = await e2e.newPage();
    const registerCalls: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/api/auth/register')) registerCalls.push(request.method());
    });

    await page.goto('/signup');
    await fillSignUp(page, { role: /^A brand/, displayName: 'Short Password Ltd', email: uniqueEmail('short'), password: 'short' });
    await page.getByRole('button', { name: 'Create account' }).click();

    await visible(page.getByText('Use at least 10 characters.'));
    expect(await fieldError(page, 'Password')).toEqual({
      invalid: 'true',
      describedBy: 'Use at least 10 characters. | At least 10 characters.',
    });
    expect(await fieldError(page, 'Email')).toEqual({ invalid: null, describedBy: '' });
    expect(await focusedLabel(page)).toBe('Password');
    expect(registerCalls).toEqual([]);
    await screenshot(page, 'en-signup-client-error');

    // Fixing it clears the error as you type.
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByText('Use at least 10 characters.').waitFor({ state: 'detached' });
  });

  it('shows a taken email at the email field, from the server', async () => {
    const { email } = await buildUser(e2e.server.dataSource, { role: 'influencer' });
    const page = await e2e.newPage();

    await page.goto('/signup?role=brand');
    expect(await page.getByRole('radio', { name: /^A brand/ }).isChecked()).toBe(true);
    await fillSignUp(page, { role: /^A brand/, displayName: 'Copycat', email, password: PASSWORD });
    await page.getByRole('button', { name: 'Create account' }).click();

    const message = 'An account with this email already exists. Log in instead?';
    await visible(page.getByText(message));
    expect(await fieldError(page, 'Email')).toEqual({ invalid: 'true', describedBy: message });
    expect(await fieldError(page, 'Password')).toMatchObject({ invalid: null });
    expect(await focusedLabel(page)).toBe('Email');
    expect(new URL(page.url()).pathname).toBe('/signup');
    await screenshot(page, 'en-signup-server-error');
  });

  it('shows a wrong password as a form-level error, not at a field', async () => {
    const { email } = await buildUser(e2e.server.dataSource, { role: 'brand' });
    const page = await e2e.newPage();

    await page.goto('/login');
    await submitLogIn(page, email, 'not-the-password');

    const alert = await visible(page.getByRole('alert'));
    expect((await alert.innerText()).trim()).toBe('That email and password do not match an account.');
    expect(await fieldError(page, 'Email')).toMatchObject({ invalid: null });
    expect(await fieldError(page, 'Password')).toMatchObject({ invalid: null });
    expect(await alert.evaluate((element) => element.ownerDocument.activeElement === element)).toBe(true);
    await screenshot(page, 'en-login-error');

    // The right password still works afterwards.
    await submitLogIn(page, email, DEFAULT_PASSWORD);
    await waitForPath(page, '/home');
  });

  it('asks for the missing fields on an empty login form', async () => {
    const page = await e2e.newPage();
    await page.goto('/login');
    await page.getByRole('button', { name: 'Log in', exact: true }).click();

    expect(await fieldError(page, 'Email')).toEqual({ invalid: 'true', describedBy: 'Enter an email address like name@example.com.' });
    expect(await fieldError(page, 'Password')).toEqual({ invalid: 'true', describedBy: 'This field is required.' });
    expect(await focusedLabel(page)).toBe('Email');
  });
});
