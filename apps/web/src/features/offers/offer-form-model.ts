import type { TOffer } from '@reachbridge/contracts';
import { OFFER_TIMER_DEFAULTS, OFFER_TIMER_LIMITS, type Currency, type DeliverableType, type Platform, type UsageRights } from '@reachbridge/domain';
import { toMessageToken } from '../../lib/form-errors';
import { parseLocaleNumber } from '../../lib/numbers';
import { minorToInput, parseMoneyInput } from './money';
import type { CreateOfferBody } from './queries';

type Deliverable = TOffer['deliverables'][number];

/** One deliverable as typed: numbers stay text (Persian digits allowed) until the body is built. */
export interface DeliverableValues {
  platform: Platform;
  type: DeliverableType;
  quantity: string;
  dueDate: string;
  requirements: string;
  disclosureTag: string;
}

/** What the deliverables editor needs from any form it sits in (the composer, the counter-offer). */
export interface DeliverablesForm {
  deliverables: DeliverableValues[];
}

export interface ComposerValues extends DeliverablesForm {
  campaignId: string;
  currency: Currency;
  /** Major units, as typed. */
  price: string;
  usageKind: UsageRights;
  usageDays: string;
  acceptWithinHours: string;
  reviewWindowHours: string;
  revisionLimit: string;
  message: string;
}

export const TIMER_FIELDS = ['acceptWithinHours', 'reviewWindowHours', 'revisionLimit'] as const;
export type TimerField = (typeof TIMER_FIELDS)[number];

export function emptyDeliverable(platform: Platform = 'instagram', type: DeliverableType = 'post'): DeliverableValues {
  return { platform, type, quantity: '1', dueDate: '', requirements: '', disclosureTag: '#ad' };
}

/** A fresh offer: the influencer's first rate (platform, deliverable, currency, price) as a starting point. */
export function composerDefaults(
  rate: { platform: Platform; deliverable: DeliverableType; price: { amount: number; currency: Currency } } | undefined,
  campaignId = '',
): ComposerValues {
  return {
    campaignId,
    currency: rate?.price.currency ?? 'USD',
    price: rate ? minorToInput(rate.price.amount, rate.price.currency) : '',
    deliverables: [emptyDeliverable(rate?.platform, rate?.deliverable)],
    usageKind: 'none',
    usageDays: '',
    acceptWithinHours: String(OFFER_TIMER_DEFAULTS.acceptWithinHours),
    reviewWindowHours: String(OFFER_TIMER_DEFAULTS.reviewWindowHours),
    revisionLimit: String(OFFER_TIMER_DEFAULTS.revisionLimit),
    message: '',
  };
}

export function deliverableValuesOf(deliverable: Deliverable): DeliverableValues {
  return {
    platform: deliverable.platform,
    type: deliverable.type,
    quantity: String(deliverable.quantity),
    dueDate: deliverable.dueDate ?? '',
    requirements: deliverable.requirements,
    disclosureTag: deliverable.disclosureTag,
  };
}

/** A whole number within limits, typed in any digits. */
export function wholeNumberIn(limits: { min: number; max: number }) {
  return (value: string): true | string => {
    const parsed = parseLocaleNumber(value);
    if (parsed === null) return toMessageToken('validation.required');
    if (Number.isNaN(parsed)) return toMessageToken('validation.number');
    if (!Number.isInteger(parsed)) return toMessageToken('validation.wholeNumber');
    if (parsed < limits.min) return toMessageToken('validation.min', { value: limits.min });
    return parsed > limits.max ? toMessageToken('validation.max', { value: limits.max }) : true;
  };
}

export const TIMER_RULES: Record<TimerField, (value: string) => true | string> = {
  acceptWithinHours: wholeNumberIn(OFFER_TIMER_LIMITS.acceptWithinHours),
  reviewWindowHours: wholeNumberIn(OFFER_TIMER_LIMITS.reviewWindowHours),
  revisionLimit: wholeNumberIn(OFFER_TIMER_LIMITS.revisionLimit),
};
export const quantityRule = wholeNumberIn({ min: 1, max: 100 });
export const usageDaysRule = wholeNumberIn({ min: 1, max: 3650 });

/** Only called after validation passed: every number parses. */
function whole(text: string): number {
  return parseLocaleNumber(text) ?? 0;
}

export function toMinor(price: string, currency: Currency): number {
  const result = parseMoneyInput(price, currency);
  if (!result.ok || result.minor === null) throw new Error('the price was not validated');
  return result.minor;
}

export function toDeliverableInputs(deliverables: readonly DeliverableValues[]) {
  return deliverables.map((deliverable) => ({
    platform: deliverable.platform,
    type: deliverable.type,
    quantity: whole(deliverable.quantity),
    dueDate: deliverable.dueDate || null,
    requirements: deliverable.requirements.trim(),
    disclosureTag: deliverable.disclosureTag.trim(),
  }));
}

export function toCreateOfferBody(influencerId: string, values: ComposerValues): CreateOfferBody {
  const message = values.message.trim();
  return {
    influencerId,
    ...(values.campaignId ? { campaignId: values.campaignId } : {}),
    deliverables: toDeliverableInputs(values.deliverables),
    price: { amount: toMinor(values.price, values.currency), currency: values.currency },
    usageRights: { kind: values.usageKind, days: values.usageKind === 'none' ? null : whole(values.usageDays) },
    ...(message ? { message } : {}),
    acceptWithinHours: whole(values.acceptWithinHours),
    reviewWindowHours: whole(values.reviewWindowHours),
    revisionLimit: whole(values.revisionLimit),
  };
}

/** The API's error paths → this form's fields (`price.amount` → price, `usageRights.days` → usageDays). */
export function resolveOfferServerPath(path: string): string | null {
  if (path === 'price' || path.startsWith('price.')) return 'price';
  if (path.startsWith('usageRights')) return 'usageDays';
  if (path === 'campaignId') return 'campaignId';
  if (/^deliverables\.\d+\.(platform|type|quantity|dueDate|requirements|disclosureTag)$/.test(path)) return path;
  if ((TIMER_FIELDS as readonly string[]).includes(path) || path === 'message') return path;
  return null;
}

/** A counter-offer's starting point: the offer's current terms. */
export function counterDefaults(offer: Pick<TOffer, 'price' | 'deliverables'>) {
  return { price: minorToInput(offer.price.amount, offer.price.currency), changeDeliverables: false, deliverables: offer.deliverables.map(deliverableValuesOf), message: '' };
}
