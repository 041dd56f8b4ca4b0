/**
 * The subset of Stripe's objects the fake keeps, with Stripe's field names (they are sent as is).
 * Only fields our adapter, the payments service or a test reads are modelled.
 */
export type Metadata = Record<string, string>;

export type PaymentIntentStatus = 'requires_payment_method' | 'requires_capture' | 'succeeded' | 'canceled';

export interface FakePaymentIntent {
  id: string;
  object: 'payment_intent';
  amount: number;
  amount_capturable: number;
  amount_received: number;
  currency: string;
  status: PaymentIntentStatus;
  capture_method: 'automatic' | 'manual';
  client_secret: string;
  allowed_payment_method_types: string[];
  payment_method: string | null;
  transfer_group: string | null;
  description: string | null;
  metadata: Metadata;
  /** A charge id; `expand[]=latest_charge` replaces it with the charge object in responses. */
  latest_charge: string | null;
  cancellation_reason: string | null;
  last_payment_error: { code: string; decline_code?: string; message: string } | null;
  created: number;
  livemode: false;
}

export interface FakeCharge {
  id: string;
  object: 'charge';
  amount: number;
  amount_captured: number;
  amount_refunded: number;
  captured: boolean;
  refunded: boolean;
  paid: boolean;
  status: 'succeeded';
  currency: string;
  payment_intent: string;
  transfer_group: string | null;
  metadata: Metadata;
  payment_method_details: { type: 'card'; card: { brand: string; last4: string; capture_before: number } };
  created: number;
  livemode: false;
}

export interface FakeRefund {
  id: string;
  object: 'refund';
  amount: number;
  currency: string;
  charge: string;
  payment_intent: string;
  status: 'pending' | 'succeeded';
  reason: string | null;
  metadata: Metadata;
  created: number;
}

export interface FakeTransfer {
  id: string;
  object: 'transfer';
  amount: number;
  amount_reversed: number;
  currency: string;
  destination: string;
  source_transaction: string | null;
  transfer_group: string | null;
  reversed: boolean;
  metadata: Metadata;
  created: number;
  livemode: false;
}

export interface FakeAccount {
  id: string;
  object: 'account';
  email: string | null;
  country: string;
  controller: Record<string, unknown>;
  capabilities: { transfers?: 'active' | 'inactive' | 'pending' };
  charges_enabled: boolean;
  payouts_enabled: boolean;
  details_submitted: boolean;
  requirements: { currently_due: string[]; eventually_due: string[]; past_due: string[]; disabled_reason: string | null };
  metadata: Metadata;
  created: number;
}

export interface FakeAccountLink {
  object: 'account_link';
  url: string;
  created: number;
  expires_at: number;
}

export type FakeObject = FakePaymentIntent | FakeCharge | FakeRefund | FakeTransfer | FakeAccount;

/** A Stripe event as delivered to a webhook endpoint. `account` is set for Connect events only. */
export interface FakeEvent {
  id: string;
  object: 'event';
  api_version: string;
  type: string;
  created: number;
  livemode: false;
  pending_webhooks: number;
  account?: string;
  data: { object: FakeObject };
  request: { id: string | null; idempotency_key: string | null };
}

export interface StripeList<T> {
  object: 'list';
  data: T[];
  has_more: boolean;
  url: string;
}
