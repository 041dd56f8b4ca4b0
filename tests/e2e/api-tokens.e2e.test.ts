import { describe, expect, it } from 'vitest';
import { screenshot, uniqueEmail, useE2e } from './support/browser.js';
import { expectText, PASSWORD, registerInContext, visible } from './support/flows.js';

const e2e = useE2e();

async function bearerStatus(baseUrl: string, token: string): Promise<number> {
  const response = await fetch(`${baseUrl}/api/auth/tokens`, { headers: { authorization: `Bearer ${token}` } });
  return response.status;
}

describe('personal API tokens', () => {
  it('creates a token (secret shown once, copyable), lists it and revokes it', async () => {
    const page = await e2e.newPage({ permissions: ['clipboard-read', 'clipboard-write'] });
    await registerInContext(page, { email: uniqueEmail('tokens'), password: PASSWORD, role: 'brand', displayName: 'Token Brand' });

    await page.goto('/account');
    await visible(page.getByRole('heading', { level: 1, name: 'Account' }));
    await visible(page.getByText('You have no API tokens yet.'));
    await expectText(page.getByText(/active tokens?$/), '0 active tokens');

    await page.getByLabel('Token name').fill('CI pipeline');
    await page.getByRole('button', { name: 'Create token' }).click();

    const secretInput = await visible(page.getByLabel('Secret for “CI pipeline”'));
    const secret = await secretInput.inputValue();
    expect(secret.length).toBeGreaterThan(20);
    await expectText(page.getByText(/active tokens?$/), '1 active token');
    const list = page.getByRole('list', { name: 'Personal API tokens' });
    await visible(list.getByText('CI pipeline'));
    // The token really works as a bearer token.
    expect(await bearerStatus(e2e.server.baseUrl, secret)).toBe(200);

    await page.getByRole('button', { name: 'Copy' }).click();
    await visible(page.getByText('Copied to the clipboard'));
    expect(await page.evaluate<string>('navigator.clipboard.readText()')).toBe(secret);
    await screenshot(page, 'en-account-token-created');

    // Shown once: gone after dismissing, and never listed.
    await page.getByRole('button', { name: 'I have stored it' }).click();
    await secretInput.waitFor({ state: 'detached' });
    expect(await page.content()).not.toContain(secret);

    await page.getByLabel('Token name').fill('Zapier');
    await page.getByRole('button', { name: 'Create token' }).click();
    await visible(page.getByLabel('Secret for “Zapier”'));
    await expectText(page.getByText(/active tokens?$/), '2 active tokens');

    await page.getByRole('button', { name: 'Revoke “CI pipeline”' }).click();
    await visible(page.getByText('Revoke “CI pipeline”? Anything using it stops working at once.'));
    await screenshot(page, 'en-account-revoke-confirm');
    await page.getByRole('button', { name: 'Yes, revoke' }).click();

    await visible(page.getByText('Token “CI pipeline” was revoked.'));
    await expectText(page.getByText(/active tokens?$/), '1 active token');
    await list.getByText('CI pipeline').waitFor({ state: 'detached' });
    await visible(list.getByText('Zapier'));
    expect(await bearerStatus(e2e.server.baseUrl, secret)).toBe(401);
  });

  it('refuses an empty token name at the field', async () => {
    const page = await e2e.newPage();
    await registerInContext(page, { email: uniqueEmail('tokens'), password: PASSWORD, role: 'influencer', displayName: 'Token Influencer' });
    await page.goto('/account');
    await page.getByRole('button', { name: 'Create token' }).click();
    const input = page.getByLabel('Token name');
    await visible(page.getByText('This field is required.'));
    expect(await input.getAttribute('aria-invalid')).toBe('true');
  });
});
