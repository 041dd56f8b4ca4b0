import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Influencer profiles with social accounts, rate cards and follower snapshots; brand profiles. */
export class CreateProfiles1764288000000 implements MigrationInterface {
  name = 'CreateProfiles1764288000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "influencer_profiles" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL,
        "slug" character varying(100) NOT NULL,
        "display_name" character varying(80) NOT NULL,
        "bio" text NOT NULL,
        "niches" character varying(24) array NOT NULL,
        "country" character(2) NOT NULL,
        "city" character varying(80),
        "languages" character varying(2) array NOT NULL,
        "contact_preferences" jsonb NOT NULL,
        "review_status" character varying(24) NOT NULL,
        "review_note" text,
        "submitted_at" TIMESTAMP WITH TIME ZONE,
        "approved_at" TIMESTAMP WITH TIME ZONE,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "influencer_profiles_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "influencer_profiles_review_status_check" CHECK ("review_status" IN ('draft', 'submitted', 'approved', 'changes_requested', 'rejected')),
        CONSTRAINT "influencer_profiles_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "influencer_profiles_user_id_key" ON "influencer_profiles" ("user_id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "influencer_profiles_slug_key" ON "influencer_profiles" ("slug")`);

    await queryRunner.query(`
      CREATE TABLE "social_accounts" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "profile_id" uuid NOT NULL,
        "platform" character varying(16) NOT NULL,
        "handle" character varying(64) NOT NULL,
        "url" character varying(500) NOT NULL,
        "followers" bigint NOT NULL,
        "following" bigint,
        "posts" bigint,
        "avg_views" bigint,
        "engagement_rate" numeric(6,3),
        "growth_30d" numeric(8,3),
        "audience" jsonb NOT NULL,
        "metrics_provenance" character varying(24) NOT NULL,
        "metrics_as_of" TIMESTAMP WITH TIME ZONE NOT NULL,
        "audience_provenance" character varying(24) NOT NULL,
        "audience_as_of" TIMESTAMP WITH TIME ZONE NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "social_accounts_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "social_accounts_profile_id_fkey" FOREIGN KEY ("profile_id") REFERENCES "influencer_profiles"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "social_accounts_profile_platform_handle_key" ON "social_accounts" ("profile_id", "platform", "handle")`);
    await queryRunner.query(`CREATE INDEX "social_accounts_platform_handle_idx" ON "social_accounts" ("platform", "handle")`);

    await queryRunner.query(`
      CREATE TABLE "influencer_rates" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "profile_id" uuid NOT NULL,
        "platform" character varying(16) NOT NULL,
        "deliverable" character varying(16) NOT NULL,
        "amount_minor" bigint NOT NULL,
        "currency" character(3) NOT NULL,
        CONSTRAINT "influencer_rates_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "influencer_rates_profile_id_fkey" FOREIGN KEY ("profile_id") REFERENCES "influencer_profiles"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "influencer_rates_profile_platform_deliverable_key" ON "influencer_rates" ("profile_id", "platform", "deliverable")`);

    await queryRunner.query(`
      CREATE TABLE "follower_snapshots" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "social_account_id" uuid NOT NULL,
        "taken_on" date NOT NULL,
        "followers" bigint NOT NULL,
        CONSTRAINT "follower_snapshots_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "follower_snapshots_social_account_id_fkey" FOREIGN KEY ("social_account_id") REFERENCES "social_accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "follower_snapshots_account_day_key" ON "follower_snapshots" ("social_account_id", "taken_on")`);

    await queryRunner.query(`
      CREATE TABLE "brand_profiles" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL,
        "name" character varying(120) NOT NULL,
        "website" character varying(500),
        "industry" character varying(80),
        "country" character(2),
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "brand_profiles_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "brand_profiles_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "brand_profiles_user_id_key" ON "brand_profiles" ("user_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "brand_profiles"`);
    await queryRunner.query(`DROP TABLE "follower_snapshots"`);
    await queryRunner.query(`DROP TABLE "influencer_rates"`);
    await queryRunner.query(`DROP TABLE "social_accounts"`);
    await queryRunner.query(`DROP TABLE "influencer_profiles"`);
  }
}
