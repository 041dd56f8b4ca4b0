import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Typeahead on a million profiles: the words of each profile's name and handles (a handle's parts
 * split at `.`, `_` and `-`) in a GIN index, so that a typed prefix (`sar`) finds the profiles with
 * a word starting with it from the index's posting lists. The trigram index matched a 3–4 letter
 * fragment against every name containing its trigrams and rechecked each row: 2–4 s per keystroke.
 * The expression must stay the PostgreSQL engine's NAME_WORDS.
 */
export class SearchNameWords1765152000000 implements MigrationInterface {
  name = 'SearchNameWords1765152000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // A million profiles take longer than the application's statement timeout (this transaction only).
    await queryRunner.query(`SET LOCAL statement_timeout = 0`);
    await queryRunner.query(
      `CREATE INDEX "influencer_search_name_words_idx" ON "influencer_search" USING gin (to_tsvector('simple'::regconfig, translate("name_norm", '._-', '   ')))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "influencer_search_name_words_idx"`);
  }
}
