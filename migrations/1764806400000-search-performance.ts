import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes that let the PostgreSQL search engine read a sorted page without sorting every match
 * (measured on 1,000,000 profiles: docs/benchmarks.md). Each index's expression is written exactly
 * as the engine (`search/postgres/postgres-engine.ts`) writes its ORDER BY, or the planner cannot
 * use it.
 *
 * - engagement and growth sorts order by the value with NULLs mapped to a sentinel (keyset cursors
 *   cannot compare NULLs); the existing `(engagement_rate DESC NULLS LAST, id DESC)` indexes only
 *   serve range filters.
 * - price sorts: the cheapest rate in USD, and in USD for a post (the catalogue's currency and
 *   its most common deliverable). Other currencies and deliverables still sort, by a scan.
 * - cost per targeted thousand: the query's value depends on its audience filters, so it cannot
 *   be indexed itself; its floor (price per thousand quality-weighted followers, every audience
 *   share at 100 %) can. The engine walks the floor index to bound the true values and reads only
 *   the rows under that bound.
 */
export class SearchPerformance1764806400000 implements MigrationInterface {
  name = 'SearchPerformance1764806400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "influencer_search_engagement_sort_idx" ON "influencer_search" ((coalesce("engagement_rate"::float8, -1)) DESC, "id" DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX "influencer_search_growth_sort_idx" ON "influencer_search" ((coalesce("growth_30d"::float8, -1000)) DESC, "id" DESC)`,
    );
    for (const [name, key] of PRICE_KEYS) {
      await queryRunner.query(
        `CREATE INDEX "influencer_search_price_${name}_idx" ON "influencer_search" ((coalesce(("prices"->>'${key}')::bigint::float8, 9000000000000000)), "id")`,
      );
      await queryRunner.query(
        `CREATE INDEX "influencer_search_cost_floor_${name}_idx" ON "influencer_search"
           ((coalesce(("prices"->>'${key}')::bigint::float8 * 1000 / nullif("total_followers" * "quality_score" / 100.0, 0), 9000000000000000)), "id")`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const [name] of PRICE_KEYS) {
      await queryRunner.query(`DROP INDEX "influencer_search_cost_floor_${name}_idx"`);
      await queryRunner.query(`DROP INDEX "influencer_search_price_${name}_idx"`);
    }
    await queryRunner.query(`DROP INDEX "influencer_search_growth_sort_idx"`);
    await queryRunner.query(`DROP INDEX "influencer_search_engagement_sort_idx"`);
  }
}

/** [index name part, key of `prices`]: keep in step with INDEXED_PRICE_KEYS in the engine. */
const PRICE_KEYS = [
  ['usd', 'USD'],
  ['usd_post', 'USD:post'],
] as const;
