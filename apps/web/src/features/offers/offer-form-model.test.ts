import { OFFER_TIMER_DEFAULTS } from '@reachbridge/domain';
import { describe, expect, it } from 'vitest';
import { composerDefaults, counterDefaults, resolveOfferServerPath, TIMER_RULES, toCreateOfferBody } from './offer-form-model';

describe('the offer composer form', () => {
  it('starts from the influencer’s first rate and the default timers', () => {
    const values = composerDefaults({ platform: 'tiktok', deliverable: 'video', price: { amount: 45050, currency: 'EUR' } }, 'c1');
    expect(values).toMatchObject({
      campaignId: 'c1',
      currency: 'EUR',
      price: '450.5',
      deliverables: [{ platform: 'tiktok', type: 'video', quantity: '1', dueDate: '', disclosureTag: '#ad' }],
      acceptWithinHours: String(OFFER_TIMER_DEFAULTS.acceptWithinHours),
      reviewWindowHours: String(OFFER_TIMER_DEFAULTS.reviewWindowHours),
      revisionLimit: String(OFFER_TIMER_DEFAULTS.revisionLimit),
    });
    expect(composerDefaults(undefined)).toMatchObject({ currency: 'USD', price: '', campaignId: '' });
  });

  it('builds the API body: integer minor units, numbers from Persian digits, optional parts left out', () => {
    const values = {
      ...composerDefaults(undefined),
      price: '۴۵۰٫۲۹',
      deliverables: [{ platform: 'instagram' as const, type: 'reel' as const, quantity: '۲', dueDate: '2026-12-20', requirements: '  Show it  ', disclosureTag: ' #ad ' }],
      usageKind: 'paid_ads' as const,
      usageDays: '۳۰',
      acceptWithinHours: '48',
    };
    expect(toCreateOfferBody('inf-1', values)).toEqual({
      influencerId: 'inf-1',
      deliverables: [{ platform: 'instagram', type: 'reel', quantity: 2, dueDate: '2026-12-20', requirements: 'Show it', disclosureTag: '#ad' }],
      price: { amount: 45029, currency: 'USD' },
      usageRights: { kind: 'paid_ads', days: 30 },
      acceptWithinHours: 48,
      reviewWindowHours: 72,
      revisionLimit: 2,
    });
    expect(toCreateOfferBody('inf-1', { ...values, campaignId: 'c1', message: ' Hi ', usageKind: 'none' })).toMatchObject({
      campaignId: 'c1',
      message: 'Hi',
      usageRights: { kind: 'none', days: null },
    });
  });

  it('checks the timers against their limits', () => {
    expect(TIMER_RULES.acceptWithinHours('0')).toContain('validation.min');
    expect(TIMER_RULES.acceptWithinHours('145')).toContain('validation.max');
    expect(TIMER_RULES.reviewWindowHours('۲۴')).toBe(true);
    expect(TIMER_RULES.revisionLimit('1.5')).toContain('validation.wholeNumber');
    expect(TIMER_RULES.revisionLimit('')).toContain('validation.required');
  });

  it('maps the API’s error paths to its fields', () => {
    expect(resolveOfferServerPath('price.amount')).toBe('price');
    expect(resolveOfferServerPath('usageRights.days')).toBe('usageDays');
    expect(resolveOfferServerPath('deliverables.1.dueDate')).toBe('deliverables.1.dueDate');
    expect(resolveOfferServerPath('reviewWindowHours')).toBe('reviewWindowHours');
    expect(resolveOfferServerPath('influencerId')).toBeNull();
  });

  it('starts a counter-offer from the current terms', () => {
    const counter = counterDefaults({
      price: { amount: 120050, currency: 'USD' },
      deliverables: [{ platform: 'instagram', type: 'post', quantity: 1, dueDate: null, requirements: '', disclosureTag: '#ad' }],
    });
    expect(counter).toMatchObject({ price: '1200.5', changeDeliverables: false, deliverables: [{ quantity: '1', dueDate: '' }] });
  });
});
