import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A term dictionary for prefix search (SPEC §5: the last word of `q` matches as a prefix).
 *
 * `'tehran':*` makes PostgreSQL's GIN index collect every posting of every indexed word starting
 * with "tehran" into one bitmap, and then recheck the text of every row found: on a million
 * profiles `q=tehran&niche=fashion` took ~100 ms where the exact word took ~24 ms, and `food`
 * starts 51,796 different words (mostly handles such as `food879193`, each in one profile). With
 * this dictionary the engine expands a prefix into the exact words that start with it, the most
 * frequent first and at most 50 of them (as Elasticsearch's `max_expansions`), which the index
 * intersects without a recheck. Words found in a single profile are left out of the dictionary
 * (they are most of the two million words, and no useful expansion); a prefix that starts no
 * word of the dictionary still matches as a prefix, so it can always find anything.
 *
 * `search_terms_state` records when the dictionary was last built and at which table generation
 * (migration 1764892800000); the worker rebuilds it when it is old and the table has changed.
 */
export class SearchTerms1764979200000 implements MigrationInterface {
  name = 'SearchTerms1764979200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Byte order (C collation): every word starting with a prefix lies in one index range.
    await queryRunner.query(`
      CREATE TABLE "search_terms" (
        "term" text COLLATE "C" PRIMARY KEY,
        "documents" integer NOT NULL CHECK ("documents" > 0)
      )`);
    await queryRunner.query(`
      CREATE TABLE "search_terms_state" (
        "singleton" boolean PRIMARY KEY DEFAULT true CHECK ("singleton"),
        "built_at" timestamptz NOT NULL,
        "generation" bigint NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "search_terms_state"`);
    await queryRunner.query(`DROP TABLE "search_terms"`);
  }
}
