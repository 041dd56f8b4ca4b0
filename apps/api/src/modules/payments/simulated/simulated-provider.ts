import { createHash, randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import {
  PaymentProviderError,
  type Hold,
  type PaymentProvider,
  type PayoutAccount,
  type ProviderMoney,
  type Refund,
  type Transfer,
  type TransferRequest,
} from '../payment-provider.port.js';

const CARD_AUTHORISATION_DAYS = 7;

interface StoredHold extends Hold {
  captured: number;
  refunded: number;
}
interface StoredTransfer extends Transfer {
  group: string;
}
interface StoredRefund extends Refund {
  holdId: string;
}

/**
 * The embedded default: the same operations as Stripe, recorded in PostgreSQL
 * (`simulated_provider_objects`) and answered at once. Cards always authorise and payout accounts
 * are ready on creation. It keeps Stripe's rules that matter to our code — capture only a held
 * payment, refund at most what was captured, transfer only to a ready account, idempotency keys
 * replay the first answer and refuse different parameters — so a bug shows up here too.
 * No real money moves; the UI says so.
 */
export class SimulatedPaymentProvider implements PaymentProvider {
  readonly kind = 'simulated' as const;

  constructor(
    private readonly dataSource: DataSource,
    private readonly now: () => Date = () => new Date(),
  ) {}

  createHold(input: { offerId: string; money: ProviderMoney; description: string; idempotencyKey: string }): Promise<Hold> {
    return this.once('hold', input.idempotencyKey, input, async (manager) => {
      const hold: StoredHold = {
        id: `sim_pi_${compactId()}`,
        status: 'requires_capture',
        amount: input.money.amount,
        currency: input.money.currency,
        clientSecret: null,
        chargeId: null,
        captureBefore: new Date(this.now().getTime() + CARD_AUTHORISATION_DAYS * 86_400_000),
        captured: 0,
        refunded: 0,
      };
      await this.insert(manager, hold.id, 'hold', null, input, { ...hold, group: `offer_${input.offerId}` });
      return toHold(hold);
    });
  }

  async retrieveHold(holdId: string): Promise<Hold> {
    return toHold(await this.load<StoredHold>(this.dataSource.manager, holdId, 'hold'));
  }

  captureHold(input: { holdId: string; idempotencyKey: string }): Promise<Hold> {
    return this.once('capture', input.idempotencyKey, input, async (manager) => {
      const hold = await this.load<StoredHold>(manager, input.holdId, 'hold', true);
      if (hold.status !== 'requires_capture') throw invalid(`This PaymentIntent could not be captured because it has a status of ${hold.status}.`, 'payment_intent_unexpected_state');
      if (hold.captureBefore && hold.captureBefore.getTime() <= this.now().getTime()) throw invalid('The authorization has expired.', 'charge_expired_for_capture');
      const captured: StoredHold = { ...hold, status: 'succeeded', captured: hold.amount, chargeId: `sim_ch_${compactId()}` };
      await this.save(manager, hold.id, captured);
      return toHold(captured);
    });
  }

  cancelHold(input: { holdId: string; reason: 'requested_by_customer' | 'abandoned'; idempotencyKey: string }): Promise<Hold> {
    return this.once('cancel', input.idempotencyKey, input, async (manager) => {
      const hold = await this.load<StoredHold>(manager, input.holdId, 'hold', true);
      if (hold.status === 'succeeded') throw invalid('A captured PaymentIntent cannot be canceled; refund it instead.', 'payment_intent_unexpected_state');
      const canceled: StoredHold = { ...hold, status: 'canceled' };
      await this.save(manager, hold.id, canceled);
      return toHold(canceled);
    });
  }

  refund(input: { holdId: string; amount: number; idempotencyKey: string; metadata: Record<string, string> }): Promise<Refund> {
    return this.once('refund', input.idempotencyKey, input, async (manager) => {
      const hold = await this.load<StoredHold>(manager, input.holdId, 'hold', true);
      if (hold.status !== 'succeeded') throw invalid('Only a captured payment can be refunded.', 'charge_not_captured');
      if (input.amount <= 0 || input.amount > hold.captured - hold.refunded) {
        throw invalid(`Refund amount ${input.amount} is greater than the unrefunded amount ${hold.captured - hold.refunded}.`, 'amount_too_large');
      }
      await this.save(manager, hold.id, { ...hold, refunded: hold.refunded + input.amount });
      const refund: StoredRefund = { id: `sim_re_${compactId()}`, status: 'succeeded', amount: input.amount, currency: hold.currency, holdId: hold.id };
      await this.insert(manager, refund.id, 'refund', null, input, refund);
      return toRefund(refund);
    });
  }

  async retrieveRefund(refundId: string): Promise<Refund> {
    return toRefund(await this.load<StoredRefund>(this.dataSource.manager, refundId, 'refund'));
  }

  transfer(input: TransferRequest): Promise<Transfer> {
    return this.once('transfer', input.idempotencyKey, input, async (manager) => {
      const account = await this.load<PayoutAccount>(manager, input.destinationAccountId, 'account');
      if (!account.transfersActive) throw invalid('The destination account cannot receive transfers yet.', 'account_invalid');
      const charges = await manager.query<{ id: string }[]>(`SELECT id FROM simulated_provider_objects WHERE kind = 'hold' AND data ->> 'chargeId' = $1`, [
        input.sourceChargeId,
      ]);
      if (charges.length === 0) throw invalid(`No such charge: ${input.sourceChargeId}`, 'resource_missing');
      const transfer: StoredTransfer = {
        id: `sim_tr_${compactId()}`,
        amount: input.money.amount,
        currency: input.money.currency,
        destination: input.destinationAccountId,
        reversed: false,
        group: input.transferGroup,
      };
      await this.insert(manager, transfer.id, 'transfer', null, input, transfer);
      return toTransfer(transfer);
    });
  }

  async listTransfers(transferGroup: string): Promise<Transfer[]> {
    const rows = await this.dataSource.query<{ data: StoredTransfer }[]>(
      `SELECT data FROM simulated_provider_objects WHERE kind = 'transfer' AND data ->> 'group' = $1 ORDER BY created_at`,
      [transferGroup],
    );
    return rows.map((row) => toTransfer(row.data));
  }

  async listRefunds(holdId: string): Promise<Refund[]> {
    const rows = await this.dataSource.query<{ data: StoredRefund }[]>(
      `SELECT data FROM simulated_provider_objects WHERE kind = 'refund' AND data ->> 'holdId' = $1 ORDER BY created_at`,
      [holdId],
    );
    return rows.map((row) => toRefund(row.data));
  }

  createPayoutAccount(input: { userId: string; email: string; country: string | null; idempotencyKey: string }): Promise<PayoutAccount> {
    return this.once('account', input.idempotencyKey, input, async (manager) => {
      const account: PayoutAccount = { id: `sim_acct_${compactId()}`, transfersActive: true, payoutsEnabled: true, requirementsDue: [] };
      await this.insert(manager, account.id, 'account', null, input, account);
      return account;
    });
  }

  async retrievePayoutAccount(accountId: string): Promise<PayoutAccount> {
    return this.load<PayoutAccount>(this.dataSource.manager, accountId, 'account');
  }

  onboardingLink(): Promise<string | null> {
    return Promise.resolve(null);
  }

  /**
   * Runs an operation once per idempotency key: the first answer is stored and replayed; the same
   * key with other parameters is refused, as Stripe does (`idempotency_error`).
   */
  private async once<T>(operation: string, key: string, request: object, run: (manager: EntityManager) => Promise<T>): Promise<T> {
    const fingerprint = createHash('sha256').update(JSON.stringify({ operation, request })).digest('hex');
    return this.dataSource.transaction(async (manager) => {
      // Serialise concurrent calls with the same key; the loser replays the winner's answer.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [key]);
      const previous = await manager.query<{ request: { fingerprint: string }; data: { response: T } }[]>(
        `SELECT request, data FROM simulated_provider_objects WHERE idempotency_key = $1`,
        [key],
      );
      if (previous[0]) {
        if (previous[0].request.fingerprint !== fingerprint) {
          throw invalid('Keys for idempotent requests can only be used with the same parameters they were first used with.', 'idempotency_error');
        }
        return reviveDates(previous[0].data.response);
      }
      const response = await run(manager);
      await this.insert(manager, `sim_req_${compactId()}`, 'request', key, { fingerprint, operation }, { response });
      return response;
    });
  }

  private async insert(manager: EntityManager, id: string, kind: string, key: string | null, request: object, data: object): Promise<void> {
    await manager.query(`INSERT INTO simulated_provider_objects (id, kind, idempotency_key, request, data) VALUES ($1, $2, $3, $4, $5)`, [id, kind, key, request, data]);
  }

  private async save(manager: EntityManager, id: string, data: object): Promise<void> {
    await manager.query(`UPDATE simulated_provider_objects SET data = $2 WHERE id = $1`, [id, data]);
  }

  private async load<T>(manager: EntityManager, id: string, kind: string, forUpdate = false): Promise<T> {
    const rows = await manager.query<{ data: T }[]>(
      `SELECT data FROM simulated_provider_objects WHERE id = $1 AND kind = $2${forUpdate ? ' FOR UPDATE' : ''}`,
      [id, kind],
    );
    if (!rows[0]) throw invalid(`No such ${kind}: '${id}'`, 'resource_missing');
    return reviveDates(rows[0].data);
  }
}

function compactId(): string {
  return randomUUID().replaceAll('-', '').slice(0, 24);
}

function invalid(message: string, code: string): PaymentProviderError {
  return new PaymentProviderError(message, 'definitive', code);
}

/** JSON has no dates: `captureBefore` comes back as a string. */
function reviveDates<T>(value: T): T {
  if (value && typeof value === 'object' && 'captureBefore' in value && typeof value.captureBefore === 'string') {
    return { ...value, captureBefore: new Date(value.captureBefore) };
  }
  return value;
}

const toHold = (hold: StoredHold): Hold => ({
  id: hold.id,
  status: hold.status,
  amount: hold.amount,
  currency: hold.currency,
  clientSecret: hold.clientSecret,
  chargeId: hold.chargeId,
  captureBefore: hold.captureBefore,
});
const toRefund = (refund: StoredRefund): Refund => ({ id: refund.id, status: refund.status, amount: refund.amount, currency: refund.currency });
const toTransfer = (transfer: StoredTransfer): Transfer => ({
  id: transfer.id,
  amount: transfer.amount,
  currency: transfer.currency,
  destination: transfer.destination,
  reversed: transfer.reversed,
});
