import type { OfferAction, OfferStatus } from '@reachbridge/domain';
import type { DataSource } from 'typeorm';
import type { Logger } from '../../observability/logger.js';
import type { OfferMoney } from './offer-money.js';
import type { OfferTransitions } from './offer-transitions.js';

/** Each timer: the deadline column, the statuses it applies in, and what the system does when it passes. */
const TIMERS: readonly { action: OfferAction; column: string; statuses: readonly OfferStatus[]; onlyIf?: string }[] = [
  { action: 'expire', column: 'accept_deadline', statuses: ['sent', 'countered'] },
  // A missed first delivery or resubmission is noted once; the brand may then cancel alone (cancel_overdue).
  { action: 'mark_overdue', column: 'due_at', statuses: ['in_progress', 'revision_requested'], onlyIf: 'overdue_noted_at IS NULL' },
  { action: 'auto_approve', column: 'review_deadline', statuses: ['submitted'] },
  { action: 'cancel_timeout', column: 'cancellation_deadline', statuses: ['cancellation_requested'] },
  { action: 'complete', column: 'completion_due_at', statuses: ['released'] },
];

const BATCH = 100;

/**
 * The worker's timers (SPEC §6): accept expiry, missed due dates (first delivery or resubmission),
 * auto-approval after the review window, cancellation timeout → refund, completion after the
 * clawback window; then any money movement
 * that is due. A disputed offer has no deadline, so nothing fires while an admin decides.
 * Each offer is moved in its own transaction, by compare-and-set on the version read with the
 * deadline: an offer that changed since (a new submission, a new deadline) is left for the next run.
 */
export class OfferTimers {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transitions: OfferTransitions,
    private readonly money: OfferMoney,
    private readonly logger: Logger,
    private readonly now: () => Date,
  ) {}

  async runDue(): Promise<Record<string, number>> {
    const done: Record<string, number> = {};
    for (const timer of TIMERS) {
      const due = await this.dataSource.query<{ id: string; version: number }[]>(
        `SELECT id, version FROM offers WHERE "${timer.column}" <= $1 AND status = ANY($2) ${timer.onlyIf ? `AND ${timer.onlyIf}` : ''} ORDER BY "${timer.column}" LIMIT $3`,
        [this.now(), timer.statuses, BATCH],
      );
      let count = 0;
      for (const { id, version } of due) {
        try {
          const result = await this.transitions.apply(id, timer.action, { role: 'system', id: null }, { expectedVersion: version, reason: 'deadline passed' });
          await this.money.run(result.movementIds);
          count += 1;
        } catch (error) {
          // Someone acted first (409s): the offer is no longer due. Anything else is logged and retried next run.
          if ((error as { status?: number }).status !== 409) this.logger.error({ err: error, offerId: id, action: timer.action }, 'timer action failed');
        }
      }
      done[timer.action] = count;
    }
    done.movements = await this.money.runDue();
    return done;
  }

  /** Runs `runDue` every `intervalMs` until stopped; a run never overlaps the previous one. */
  start(intervalMs: number): { stop: () => Promise<void> } {
    let running: Promise<unknown> = Promise.resolve();
    let stopped = false;
    const timer = setInterval(() => {
      running = running.then(async () => {
        if (stopped) return;
        try {
          await this.runDue();
        } catch (error) {
          this.logger.error({ err: error }, 'offer timers run failed');
        }
      });
    }, intervalMs);
    timer.unref();
    return {
      stop: async () => {
        stopped = true;
        clearInterval(timer);
        await running;
      },
    };
  }
}
