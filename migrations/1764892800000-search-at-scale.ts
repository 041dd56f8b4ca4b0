import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search on a million profiles (measured in docs/benchmarks.md):
 *
 * - **One GIN index over the text and the two selective array filters**, instead of one index each.
 *   With separate indexes, `q=tehran&niche=fashion` built a bitmap of every profile mentioning
 *   Tehran (64,000) and one of every fashion profile (155,000), then ANDed them: ~100 ms before
 *   reading the 9,990 matches. A multicolumn GIN index intersects the posting lists inside one
 *   scan, skipping through the long list by the short one, and hands over only the matches (the
 *   index part: 98 → 12–33 ms). GIN has no leading-column rule: a query on any one of the
 *   columns still uses it.
 * - **A generation for the search table**, changed by every statement that writes to it (in the
 *   writing transaction, so it becomes visible together with the rows). The engine keeps counts
 *   and facets per filter set while the generation is unchanged — like Elasticsearch's request
 *   cache, which a refresh invalidates —, so a write shows in the very next search. The value is
 *   the writing transaction's id: never reused, so a cache cannot mistake a truncated and
 *   refilled table for the one it counted.
 */
export class SearchAtScale1764892800000 implements MigrationInterface {
  name = 'SearchAtScale1764892800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Building the index over a million profiles takes longer than the application's statement
    // timeout, and goes faster with more memory (both only for this migration's transaction).
    await queryRunner.query(`SET LOCAL statement_timeout = 0`);
    await queryRunner.query(`SET LOCAL maintenance_work_mem = '512MB'`);
    await queryRunner.query(
      `CREATE INDEX "influencer_search_filter_gin_idx" ON "influencer_search" USING gin ("document", "niches", "audience_top_countries")`,
    );
    await queryRunner.query(`DROP INDEX "influencer_search_document_idx"`);
    await queryRunner.query(`DROP INDEX "influencer_search_niches_idx"`);
    await queryRunner.query(`DROP INDEX "influencer_search_audience_top_idx"`);

    await queryRunner.query(`
      CREATE TABLE "search_generation" (
        "singleton" boolean PRIMARY KEY DEFAULT true CHECK ("singleton"),
        "generation" bigint NOT NULL
      )`);
    await queryRunner.query(`INSERT INTO "search_generation" ("generation") VALUES (txid_current())`);
    await queryRunner.query(`
      CREATE FUNCTION "bump_search_generation"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO "search_generation" ("singleton", "generation") VALUES (true, txid_current())
        ON CONFLICT ("singleton") DO UPDATE SET "generation" = EXCLUDED."generation";
        RETURN NULL;
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER "influencer_search_generation"
        AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "influencer_search"
        FOR EACH STATEMENT EXECUTE FUNCTION "bump_search_generation"()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`SET LOCAL statement_timeout = 0`);
    await queryRunner.query(`DROP TRIGGER "influencer_search_generation" ON "influencer_search"`);
    await queryRunner.query(`DROP FUNCTION "bump_search_generation"()`);
    await queryRunner.query(`DROP TABLE "search_generation"`);
    await queryRunner.query(`CREATE INDEX "influencer_search_document_idx" ON "influencer_search" USING gin ("document")`);
    await queryRunner.query(`CREATE INDEX "influencer_search_niches_idx" ON "influencer_search" USING gin ("niches")`);
    await queryRunner.query(`CREATE INDEX "influencer_search_audience_top_idx" ON "influencer_search" USING gin ("audience_top_countries")`);
    await queryRunner.query(`DROP INDEX "influencer_search_filter_gin_idx"`);
  }
}
