import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sorting by quality: the score flags problems rather than ranking the healthy, so many profiles
 * share the top scores (a quarter to a third of the demo catalogue scores 100). Within a score the larger
 * audience now comes first, then the id. The PostgreSQL engine orders by one number,
 * quality × 10^11 + followers (followers stay far below 10^11, and the whole below 2^53, so the
 * keyset cursor's float stays exact), and this index walks that order; the old (quality, id)
 * index goes.
 */
export class SearchQualityOrder1765065600000 implements MigrationInterface {
  name = 'SearchQualityOrder1765065600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // A million profiles take longer than the application's statement timeout (this transaction only).
    await queryRunner.query(`SET LOCAL statement_timeout = 0`);
    await queryRunner.query(
      `CREATE INDEX "influencer_search_quality_order_idx" ON "influencer_search" ((("quality_score"::bigint * 100000000000) + "total_followers") DESC, "id" DESC)`,
    );
    await queryRunner.query(`DROP INDEX "influencer_search_quality_idx"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`SET LOCAL statement_timeout = 0`);
    await queryRunner.query(`CREATE INDEX "influencer_search_quality_idx" ON "influencer_search" ("quality_score" DESC, "id" DESC)`);
    await queryRunner.query(`DROP INDEX "influencer_search_quality_order_idx"`);
  }
}
