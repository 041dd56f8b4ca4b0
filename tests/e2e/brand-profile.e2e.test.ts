import { describe, expect, it } from 'vitest';
import { screenshot, uniqueEmail, useE2e } from './support/browser.js';
import { expectText, PASSWORD, registerInContext, visible } from './support/flows.js';

const e2e = useE2e();

describe('the brand profile on the account page', () => {
  it('starts empty, shows the server’s field error, saves and keeps the details', async () => {
    const page = await e2e.newPage();
    await registerInContext(page, { email: uniqueEmail('brand-profile'), password: PASSWORD, role: 'brand', displayName: 'Nova Coffee' });
    await page.goto('/account');
    const card = await visible(page.getByTestId('brand-profile'));
    // No brand profile yet (404): the form starts with the account's name.
    expect(await card.getByLabel('Brand name').inputValue()).toBe('Nova Coffee');

    await card.getByLabel('Website').fill('nova coffee dot com');
    await card.getByLabel('Industry').fill('Coffee roasting');
    await card.getByLabel('Country').selectOption('DE');
    await card.getByRole('button', { name: 'Save brand profile' }).click();
    await expectText(card.getByText('Enter a full web address, starting with https://'), 'Enter a full web address, starting with https://');
    expect(await card.getByLabel('Website').getAttribute('aria-invalid')).toBe('true');

    await card.getByLabel('Website').fill('https://nova.example');
    await card.getByRole('button', { name: 'Save brand profile' }).click();
    await visible(card.getByText('Brand profile saved.'));
    await screenshot(page, 'en-account-brand-profile', { dir: '/tmp/web-shots-2' });

    await page.reload();
    const reloaded = await visible(page.getByTestId('brand-profile'));
    await expect.poll(() => reloaded.getByLabel('Website').inputValue()).toBe('https://nova.example');
    expect(await reloaded.getByLabel('Country').inputValue()).toBe('DE');
    expect(await reloaded.getByLabel('Industry').inputValue()).toBe('Coffee roasting');
  });
});
