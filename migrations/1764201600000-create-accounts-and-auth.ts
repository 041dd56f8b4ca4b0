import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Users, personal API tokens, PostgreSQL-backed sessions and the login throttle counters. */
export class CreateAccountsAndAuth1764201600000 implements MigrationInterface {
  name = 'CreateAccountsAndAuth1764201600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "users" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "email" character varying(254) NOT NULL,
        "password_hash" text NOT NULL,
        "role" character varying(16) NOT NULL,
        "status" character varying(16) NOT NULL,
        "display_name" character varying(80) NOT NULL,
        "last_login_at" TIMESTAMP WITH TIME ZONE,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "users_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "users_role_check" CHECK ("role" IN ('brand', 'influencer', 'admin')),
        CONSTRAINT "users_status_check" CHECK ("status" IN ('pending_review', 'active', 'suspended'))
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "users_email_key" ON "users" ("email")`);

    await queryRunner.query(`
      CREATE TABLE "api_tokens" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL,
        "name" character varying(80) NOT NULL,
        "prefix" character varying(16) NOT NULL,
        "token_hash" character(64) NOT NULL,
        "last_used_at" TIMESTAMP WITH TIME ZONE,
        "revoked_at" TIMESTAMP WITH TIME ZONE,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "api_tokens_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "api_tokens_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    await queryRunner.query(`CREATE INDEX "api_tokens_user_id_idx" ON "api_tokens" ("user_id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "api_tokens_token_hash_key" ON "api_tokens" ("token_hash")`);

    // connect-pg-simple's table (its table.sql), renamed to "sessions".
    await queryRunner.query(`
      CREATE TABLE "sessions" (
        "sid" character varying NOT NULL,
        "sess" json NOT NULL,
        "expire" TIMESTAMP(6) NOT NULL,
        CONSTRAINT "sessions_pkey" PRIMARY KEY ("sid")
      )`);
    await queryRunner.query(`CREATE INDEX "sessions_expire_idx" ON "sessions" ("expire")`);

    // rate-limiter-flexible's RateLimiterPostgres table (failed logins per account and per IP).
    await queryRunner.query(`
      CREATE TABLE "login_throttle" (
        "key" character varying(255) NOT NULL,
        "points" integer NOT NULL DEFAULT 0,
        "expire" bigint,
        CONSTRAINT "login_throttle_pkey" PRIMARY KEY ("key")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "login_throttle"`);
    await queryRunner.query(`DROP TABLE "sessions"`);
    await queryRunner.query(`DROP TABLE "api_tokens"`);
    await queryRunner.query(`DROP TABLE "users"`);
  }
}
