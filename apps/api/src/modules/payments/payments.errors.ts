import { defineErrors } from '../../http/app-error.js';

export const paymentsErrors = defineErrors({
  WEBHOOK_SIGNATURE_INVALID: { status: 400, message: 'The webhook signature is missing, wrong or too old.' },
});
