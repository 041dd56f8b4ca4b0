import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Typeahead on a million profiles, second step: the name words of the profiles with 250,000
 * followers or more (37,183 of the seeded million, 3.7 %) in a small index of their own. A common word
 * with a one-letter one (`علی ر`) had to read all 18,538 `علی` profiles from the full index (migration
 * 1765152000000) to find the most-followed with a word starting with `ر`: 100–300 ms, about 900 ms
 * under load. These profiles come first in followers order, so when enough of them match, they are
 * the answer, read from this index in 1–11 ms. The expression and threshold must stay the
 * PostgreSQL engine's NAME_WORDS and PROMINENT_FOLLOWERS.
 */
export class SearchProminentNameWords1765238400000 implements MigrationInterface {
  name = 'SearchProminentNameWords1765238400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`SET LOCAL statement_timeout = 0`);
    await queryRunner.query(
      `CREATE INDEX "influencer_search_prominent_name_words_idx" ON "influencer_search" USING gin (to_tsvector('simple'::regconfig, translate("name_norm", '._-', '   '))) WHERE "total_followers" >= 250000`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "influencer_search_prominent_name_words_idx"`);
  }
}
