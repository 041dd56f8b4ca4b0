import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The PostgreSQL search engine and the search outbox.
 *
 * - `fa_normalize(text)`: the SQL twin of `normalizeText` in libs/domain (Persian letters,
 *   diacritics, tatweel, digits, ZWNJ), so the stored tsvector and the query agree.
 * - `influencer_search`: one denormalised row per searchable influencer, full text over name,
 *   handles, niches, city and bio (split and ZWNJ-joined forms), trigram index for fuzzy names.
 * - `search_outbox`: profile writes mark the influencer dirty in the same transaction (triggers,
 *   so no write path can forget); the worker drains it into the engine. One row per influencer,
 *   the latest version wins.
 */
export class CreateSearch1764374400000 implements MigrationInterface {
  name = 'CreateSearch1764374400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    // Frozen copy of PERSIAN_NORMALIZE_SQL_FUNCTION (libs/domain) as of this migration; a parity test keeps them equal.
    await queryRunner.query(`
CREATE FUNCTION fa_normalize(t text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $fa_normalize$
  SELECT normalize(
    lower(
      btrim(
        regexp_replace(
          regexp_replace(
            translate(normalize(t, NFC),
              'يىےكةۀہھآأإٱ٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹',
              'یییکههههاااا01234567890123456789'),
            '[\\u00AD\\u061C\\u0640\\u064B-\\u065F\\u0670\\u200B\\u200D-\\u200F\\u202A-\\u202E\\u2060\\u2066-\\u2069\\uFEFF]', '', 'g'),
          '[\\u0009-\\u000D\\u0020\\u0085\\u00A0\\u1680\\u2000-\\u200A\\u200C\\u2028-\\u2029\\u202F\\u205F\\u3000]+', ' ', 'g'),
        ' ')),
    NFC)
$fa_normalize$`);
    await queryRunner.query(`
      CREATE FUNCTION text_array_join(a text[], sep text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT coalesce(array_to_string(a, sep), '') $$`);

    await queryRunner.query(`
      CREATE TABLE "influencer_search" (
        "id" uuid NOT NULL,
        "version" bigint NOT NULL,
        "slug" character varying(100) NOT NULL,
        "display_name" text NOT NULL,
        "bio" text NOT NULL,
        "handles" text[] NOT NULL,
        "niche_labels" text NOT NULL,
        "niches" text[] NOT NULL,
        "platforms" text[] NOT NULL,
        "country" character(2) NOT NULL,
        "city" text,
        "languages" text[] NOT NULL,
        "total_followers" bigint NOT NULL,
        "tier" character varying(8) NOT NULL,
        "engagement_rate" real,
        "growth_30d" real,
        "quality_score" smallint NOT NULL,
        "provenance" character varying(24) NOT NULL,
        "audience_countries" jsonb NOT NULL,
        "audience_ages" jsonb NOT NULL,
        "audience_genders" jsonb NOT NULL,
        "audience_languages" jsonb NOT NULL,
        "audience_top_countries" text[] NOT NULL,
        "rates" jsonb NOT NULL,
        "prices" jsonb NOT NULL,
        "joined_pairs" text NOT NULL,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "document" tsvector GENERATED ALWAYS AS (
             setweight(to_tsvector('simple', fa_normalize(display_name || ' ' || text_array_join(handles, ' '))), 'A')
          || setweight(to_tsvector('simple', fa_normalize(replace(display_name, U&'\\200C', ''))), 'A')
          || setweight(to_tsvector('simple', fa_normalize(niche_labels)), 'B')
          || setweight(to_tsvector('simple', fa_normalize(coalesce(city, ''))), 'C')
          || setweight(to_tsvector('simple', fa_normalize(bio)), 'D')
          || setweight(to_tsvector('simple', fa_normalize(replace(bio, U&'\\200C', ''))), 'D')
          || setweight(to_tsvector('simple', joined_pairs), 'D')
        ) STORED,
        "name_norm" text GENERATED ALWAYS AS (fa_normalize(display_name || ' ' || text_array_join(handles, ' '))) STORED,
        CONSTRAINT "influencer_search_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "influencer_search_id_fkey" FOREIGN KEY ("id") REFERENCES "influencer_profiles"("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX "influencer_search_document_idx" ON "influencer_search" USING gin ("document")`);
    await queryRunner.query(`CREATE INDEX "influencer_search_name_trgm_idx" ON "influencer_search" USING gin ("name_norm" gin_trgm_ops)`);
    await queryRunner.query(`CREATE INDEX "influencer_search_niches_idx" ON "influencer_search" USING gin ("niches")`);
    await queryRunner.query(`CREATE INDEX "influencer_search_audience_top_idx" ON "influencer_search" USING gin ("audience_top_countries")`);
    await queryRunner.query(`CREATE INDEX "influencer_search_followers_idx" ON "influencer_search" ("total_followers" DESC, "id" DESC)`);
    await queryRunner.query(`CREATE INDEX "influencer_search_engagement_idx" ON "influencer_search" ("engagement_rate" DESC NULLS LAST, "id" DESC)`);
    await queryRunner.query(`CREATE INDEX "influencer_search_growth_idx" ON "influencer_search" ("growth_30d" DESC NULLS LAST, "id" DESC)`);
    await queryRunner.query(`CREATE INDEX "influencer_search_quality_idx" ON "influencer_search" ("quality_score" DESC, "id" DESC)`);
    await queryRunner.query(`CREATE INDEX "influencer_search_city_idx" ON "influencer_search" ("city")`);

    await queryRunner.query(`CREATE SEQUENCE "search_version_seq"`);
    await queryRunner.query(`
      CREATE TABLE "search_outbox" (
        "profile_id" uuid NOT NULL,
        "version" bigint NOT NULL,
        "enqueued_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "not_before" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "attempts" integer NOT NULL DEFAULT 0,
        "last_error" text,
        CONSTRAINT "search_outbox_pkey" PRIMARY KEY ("profile_id")
      )`);
    await queryRunner.query(`CREATE INDEX "search_outbox_ready_idx" ON "search_outbox" ("not_before", "enqueued_at")`);
    await queryRunner.query(`
      CREATE FUNCTION mark_search_dirty(p_profile_id uuid) RETURNS void LANGUAGE sql AS $$
        INSERT INTO search_outbox (profile_id, version) VALUES (p_profile_id, nextval('search_version_seq'))
        ON CONFLICT (profile_id) DO UPDATE
          SET version = EXCLUDED.version, enqueued_at = now(), not_before = now(), attempts = 0, last_error = NULL
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION search_dirty_from_profile() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM mark_search_dirty(CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END);
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE FUNCTION search_dirty_from_child() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM mark_search_dirty(CASE WHEN TG_OP = 'DELETE' THEN OLD.profile_id ELSE NEW.profile_id END);
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE FUNCTION search_dirty_from_user() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM mark_search_dirty(p.id) FROM influencer_profiles p WHERE p.user_id = NEW.id;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER "influencer_profiles_search_dirty" AFTER INSERT OR UPDATE OR DELETE ON "influencer_profiles" FOR EACH ROW EXECUTE FUNCTION search_dirty_from_profile()`);
    await queryRunner.query(`CREATE TRIGGER "social_accounts_search_dirty" AFTER INSERT OR UPDATE OR DELETE ON "social_accounts" FOR EACH ROW EXECUTE FUNCTION search_dirty_from_child()`);
    await queryRunner.query(`CREATE TRIGGER "influencer_rates_search_dirty" AFTER INSERT OR UPDATE OR DELETE ON "influencer_rates" FOR EACH ROW EXECUTE FUNCTION search_dirty_from_child()`);
    await queryRunner.query(`CREATE TRIGGER "users_search_dirty" AFTER UPDATE OF "status" ON "users" FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION search_dirty_from_user()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "users_search_dirty" ON "users"`);
    await queryRunner.query(`DROP TRIGGER "influencer_rates_search_dirty" ON "influencer_rates"`);
    await queryRunner.query(`DROP TRIGGER "social_accounts_search_dirty" ON "social_accounts"`);
    await queryRunner.query(`DROP TRIGGER "influencer_profiles_search_dirty" ON "influencer_profiles"`);
    await queryRunner.query(`DROP FUNCTION search_dirty_from_user(), search_dirty_from_child(), search_dirty_from_profile(), mark_search_dirty(uuid)`);
    await queryRunner.query(`DROP TABLE "search_outbox"`);
    await queryRunner.query(`DROP SEQUENCE "search_version_seq"`);
    await queryRunner.query(`DROP TABLE "influencer_search"`);
    await queryRunner.query(`DROP FUNCTION text_array_join(text[], text), fa_normalize(text)`);
  }
}
