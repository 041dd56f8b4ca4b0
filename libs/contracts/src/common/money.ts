import { z } from 'zod';
import { CURRENCY_CODES, MAX_AMOUNT_MINOR } from '@reachbridge/domain';

/** Money on the wire: integer minor units and an ISO 4217 currency we support. */
export const ZMoney = z
  .strictObject({
    amount: z.int().min(0).max(MAX_AMOUNT_MINOR),
    currency: z.enum(CURRENCY_CODES),
  })
  .meta({ id: 'Money' });
export type TMoney = z.infer<typeof ZMoney>;
