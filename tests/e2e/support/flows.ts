import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

export const PASSWORD = 'correct-horse-battery';

/** Waits until the locator is visible (vitest's expect does not auto-wait like @playwright/test). */
export async function visible(locator: Locator): Promise<Locator> {
  await locator.waitFor({ state: 'visible' });
  return locator;
}

export async function expectText(locator: Locator, expected: string | RegExp): Promise<void> {
  await visible(locator);
  await expect.poll(async () => (await locator.innerText()).trim()).toMatch(expected);
}

export async function documentLanguage(page: Page): Promise<{ lang: string; dir: string }> {
  // Browser-side code as a string: the tests' TypeScript program has no DOM types.
  return page.evaluate<{ lang: string; dir: string }>('({ lang: document.documentElement.lang, dir: document.documentElement.dir })');
}

/** Names of the links in the main navigation, in order. */
export async function navigationLinks(page: Page, navName: string): Promise<string[]> {
  const nav = await visible(page.getByRole('navigation', { name: navName }));
  return (await nav.getByRole('link').allInnerTexts()).map((text) => text.trim());
}

export interface SignUpInput {
  role: RegExp;
  displayName: string;
  email: string;
  password: string;
}

export interface AuthLabels {
  displayName: string;
  email: string;
  password: string;
  submitSignUp: string;
  submitLogIn: string;
}

export const ENGLISH: AuthLabels = {
  displayName: 'Display name',
  email: 'Email',
  password: 'Password',
  submitSignUp: 'Create account',
  submitLogIn: 'Log in',
};

export const PERSIAN: AuthLabels = {
  displayName: 'نام نمایشی',
  email: 'ایمیل',
  password: 'گذرواژه',
  submitSignUp: 'ساخت حساب',
  submitLogIn: 'ورود',
};

export async function fillSignUp(page: Page, input: SignUpInput, labels: AuthLabels = ENGLISH): Promise<void> {
  await page.getByRole('radio', { name: input.role }).check();
  await page.getByLabel(labels.displayName).fill(input.displayName);
  await page.getByLabel(labels.email, { exact: true }).fill(input.email);
  await page.getByLabel(labels.password, { exact: true }).fill(input.password);
}

export async function submitLogIn(page: Page, email: string, password: string, labels: AuthLabels = ENGLISH): Promise<void> {
  await page.getByLabel(labels.email, { exact: true }).fill(email);
  await page.getByLabel(labels.password, { exact: true }).fill(password);
  await page.getByRole('button', { name: labels.submitLogIn, exact: true }).click();
}

/** The page's pathname once the app has navigated there. */
export async function waitForPath(page: Page, pathname: string): Promise<void> {
  await page.waitForURL((url) => url.pathname === pathname);
}

/** Registers through the API inside the page's browser context (shares its cookie jar), as the client would. */
/**
 * Calls the API from inside the page's browser context (its session cookie), with the session's
 * CSRF token, as the web client would; the test fails unless the answer is a success.
 */
export async function apiInPage<T = unknown>(page: Page, path: string, data: unknown, method: 'POST' | 'PATCH' = 'POST'): Promise<T> {
  const session = await page.request.get('/api/auth/session');
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const response = await page.request.fetch(path, { method, data, headers: { 'x-csrf-token': csrfToken } });
  const body = await response.text();
  expect(response.ok(), body).toBe(true);
  return (body ? JSON.parse(body) : undefined) as T;
}

export async function registerInContext(page: Page, input: { email: string; password: string; role: 'brand' | 'influencer'; displayName: string }) {
  await apiInPage(page, '/api/auth/register', input);
}
