import type { DataSource } from 'typeorm';
import type { Logger } from '../../observability/logger.js';
import { loadSearchDocuments, SEARCHABLE } from './search-documents.js';
import type { SearchEngine } from './search.port.js';

const MAX_BACKOFF_SECONDS = 300;

/**
 * Drains the search outbox into the engines. Triggers mark a profile dirty in the same
 * transaction as the write, so nothing is lost on a crash; rows are claimed with
 * `FOR UPDATE SKIP LOCKED` so several workers can share the work; a row is removed only if its
 * version did not move while we indexed (a newer write leaves it for the next round); failures
 * back off exponentially and never reach the request that wrote the profile.
 */
export class SearchSync {
  constructor(
    private readonly dataSource: DataSource,
    private readonly engines: readonly SearchEngine[],
    private readonly logger: Logger,
  ) {}

  /** Indexes one batch of due rows; returns how many were handled. */
  async drainOnce(batchSize = 500): Promise<number> {
    const claimed = await this.dataSource.transaction(async (manager) => {
      const rows: { profile_id: string; version: string }[] = await manager.query(
        `SELECT profile_id, version FROM search_outbox
          WHERE not_before <= now() ORDER BY enqueued_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [batchSize],
      );
      if (rows.length) {
        // A lease: other workers skip these rows for a minute while we index them.
        await manager.query(`UPDATE search_outbox SET not_before = now() + interval '60 seconds' WHERE profile_id = ANY($1::uuid[])`, [
          rows.map((row) => row.profile_id),
        ]);
      }
      return rows;
    });
    if (!claimed.length) return 0;

    const versions = new Map(claimed.map((row) => [row.profile_id, Number(row.version)]));
    const ids = [...versions.keys()];
    try {
      const { documents, removed } = await loadSearchDocuments(this.dataSource, ids, versions);
      for (const engine of this.engines) {
        await engine.upsert(documents);
        await engine.remove(removed);
      }
      await this.dataSource.query(
        `DELETE FROM search_outbox o USING jsonb_to_recordset($1::jsonb) AS d(profile_id uuid, version bigint)
          WHERE o.profile_id = d.profile_id AND o.version = d.version`,
        [JSON.stringify(claimed)],
      );
    } catch (error) {
      this.logger.warn({ err: error, count: ids.length }, 'search indexing failed; will retry with back-off');
      await this.dataSource.query(
        `UPDATE search_outbox
            SET attempts = attempts + 1,
                last_error = left($2, 1000),
                not_before = now() + make_interval(secs => least(${MAX_BACKOFF_SECONDS}, power(2, attempts + 1)))
          WHERE profile_id = ANY($1::uuid[])`,
        [ids, error instanceof Error ? error.message : String(error)],
      );
    }
    return claimed.length;
  }

  /** Drains until nothing is due (CLI, tests, and after seeding). */
  async drainAll(batchSize = 2000): Promise<number> {
    let total = 0;
    for (;;) {
      const handled = await this.drainOnce(batchSize);
      if (handled === 0) return total;
      total += handled;
    }
  }

  /** How many profiles wait to be indexed, and the oldest wait. */
  async backlog(): Promise<{ pending: number; oldestSeconds: number | null }> {
    const [row] = await this.dataSource.query<[{ pending: number; oldest: number | null }]>(
      `SELECT count(*)::int AS pending, extract(epoch FROM now() - min(enqueued_at))::float8 AS oldest FROM search_outbox`,
    );
    return { pending: row.pending, oldestSeconds: row.oldest };
  }

  /**
   * Queues every profile the PostgreSQL search table disagrees with: searchable profiles it has
   * no row for, and rows of profiles that are gone or no longer searchable. Writes mark their
   * profile in the same transaction, so this finds only what went around that: a process killed
   * between the bulk seeder's two commits, a hand edit, a lost outbox row. Profiles the outbox
   * holds already are left to it. Returns how many.
   */
  async reconcile(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      // Two anti-joins over the catalogue (4–5 s at a million profiles): not a request's timeout.
      await manager.query(`SET LOCAL statement_timeout = 0`);
      const [{ queued }] = await manager.query<[{ queued: number }]>(
        `WITH searchable AS (
           SELECT p.id FROM influencer_profiles p JOIN users u ON u.id = p.user_id
            WHERE ${SEARCHABLE}
         ), drift AS (
           SELECT s.id FROM searchable s WHERE NOT EXISTS (SELECT 1 FROM influencer_search x WHERE x.id = s.id)
           UNION
           SELECT x.id FROM influencer_search x WHERE NOT EXISTS (SELECT 1 FROM searchable s WHERE s.id = x.id)
         ), marked AS (
           -- A profile already in the outbox is on its way (and keeps its retry state).
           SELECT mark_search_dirty(d.id) FROM drift d WHERE NOT EXISTS (SELECT 1 FROM search_outbox o WHERE o.profile_id = d.id)
         )
         SELECT count(*)::int AS queued FROM marked`,
      );
      return queued;
    });
  }

  /** Each engine's upkeep; a failure is logged, never thrown (search goes on without it). */
  async maintain(): Promise<void> {
    await Promise.all(
      this.engines.map(async (engine) => {
        try {
          await engine.maintain?.();
        } catch (error) {
          this.logger.warn({ err: error, engine: engine.name }, 'search engine upkeep failed');
        }
      }),
    );
  }

  /**
   * Runs `drainOnce` on an interval until stopped, `reconcile` once at the start, and each
   * engine's upkeep (`maintain`) at the start and then every `maintainIntervalMs`.
   */
  start(intervalMs = 1000, maintainIntervalMs = 5 * 60_000): { stop: () => Promise<void> } {
    let running: Promise<unknown> | null = null;
    let maintaining: Promise<unknown> | null = null;
    let stopped = false;
    const reconciling = this.reconcile().then(
      (queued) => queued && this.logger.warn({ queued }, 'the search table disagreed with the profiles; indexing them again'),
      (error: unknown) => this.logger.warn({ err: error }, 'search reconciliation failed'),
    );
    const tick = () => {
      if (stopped || running) return; // one drain at a time
      running = this.drainAll(500)
        .catch((error: unknown) => this.logger.error({ err: error }, 'search sync loop failed'))
        .finally(() => (running = null));
    };
    const maintain = () => {
      if (stopped || maintaining) return;
      maintaining = this.maintain().finally(() => (maintaining = null));
    };
    const timers = [setInterval(tick, intervalMs), setInterval(maintain, maintainIntervalMs)];
    for (const timer of timers) timer.unref();
    tick();
    maintain();
    return {
      stop: async () => {
        stopped = true;
        for (const timer of timers) clearInterval(timer);
        await Promise.all([running, maintaining, reconciling]);
      },
    };
  }
}
