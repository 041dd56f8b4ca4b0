import { z } from 'zod';

/**
 * Every error code the API answers with. Stable: clients switch on them. Grouped by who raises them.
 */
export const ERROR_CODES = [
  // request shape (http layer)
  'VALIDATION_FAILED',
  'MALFORMED_JSON',
  'UNSUPPORTED_MEDIA_TYPE',
  'PAYLOAD_TOO_LARGE',
  'ROUTE_NOT_FOUND',
  // authentication and authorization
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'ACCOUNT_NOT_ACTIVE',
  'CSRF_TOKEN_INVALID',
  'RATE_LIMITED',
  // database translations
  'CONFLICT',
  'REFERENCED_RESOURCE_NOT_FOUND',
  'CONCURRENT_UPDATE',
  // auth module
  'AUTH_INVALID_CREDENTIALS',
  'AUTH_EMAIL_TAKEN',
  'AUTH_ACCOUNT_SUSPENDED',
  'AUTH_TOKEN_NOT_FOUND',
  // accounts module
  'ACCOUNT_NOT_FOUND',
  // profiles
  'INFLUENCER_PROFILE_NOT_FOUND',
  'PROFILE_ALREADY_APPROVED',
  'BRAND_PROFILE_NOT_FOUND',
  // discovery
  'INFLUENCER_NOT_FOUND',
  'SEARCH_INVALID_CURSOR',
  'SEARCH_UNAVAILABLE',
  // lists
  'LIST_NOT_FOUND',
  'LIST_ITEM_NOT_FOUND',
  'LIST_NAME_TAKEN',
  'LIST_IMPORT_INVALID',
  'SAVED_SEARCH_NOT_FOUND',
  // campaigns, offers and payments
  'CAMPAIGN_NOT_FOUND',
  'OFFER_NOT_FOUND',
  'OFFER_INFLUENCER_UNAVAILABLE',
  'OFFER_INVALID_TRANSITION',
  'OFFER_ACTION_FORBIDDEN',
  'OFFER_ACCEPT_DEADLINE_PASSED',
  'OFFER_REVISION_LIMIT_REACHED',
  'OFFER_NOT_OVERDUE',
  'OFFER_CHANGED_CONCURRENTLY',
  'OFFER_FUNDS_NOT_HELD',
  'PAYOUT_ACCOUNT_NOT_READY',
  'DISPUTE_NOT_FOUND',
  'DISPUTE_ALREADY_RESOLVED',
  'DISPUTE_INVALID_SPLIT',
  'WEBHOOK_SIGNATURE_INVALID',
  // trust and safety
  'ACCOUNT_NOT_REVIEWABLE',
  'ACCOUNT_NOT_UNDER_REVIEW',
  'ACCOUNT_ALREADY_SUSPENDED',
  'ACCOUNT_NOT_SUSPENDED',
  'REVIEW_PROFILE_MISSING',
  'SOCIAL_ACCOUNT_NOT_FOUND',
  'SOCIAL_ACCOUNT_ALREADY_VERIFIED',
  'SCORE_REVIEW_ALREADY_REQUESTED',
  // anything unexpected
  'SERVICE_UNAVAILABLE',
  'INTERNAL_ERROR',
] as const;
export const ZErrorCode = z.enum(ERROR_CODES);
export type TErrorCode = z.infer<typeof ZErrorCode>;

export const ZErrorDetail = z.object({
  /** Dotted path of the offending field, e.g. `socialAccounts.0.handle`; empty for the whole input. */
  path: z.string(),
  message: z.string(),
});
export type TErrorDetail = z.infer<typeof ZErrorDetail>;

export const ZErrorEnvelope = z
  .object({
    error: z.object({
      code: ZErrorCode,
      message: z.string(),
      details: z.array(ZErrorDetail).optional(),
      requestId: z.string(),
    }),
  })
  .meta({ id: 'ErrorEnvelope' });
export type TErrorEnvelope = z.infer<typeof ZErrorEnvelope>;
