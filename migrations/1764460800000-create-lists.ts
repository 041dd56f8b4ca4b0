import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Brands' shortlists (with a status and a note per influencer) and saved searches. */
export class CreateLists1764460800000 implements MigrationInterface {
  name = 'CreateLists1764460800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "lists" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "owner_id" uuid NOT NULL,
        "name" character varying(120) NOT NULL,
        "description" character varying(1000),
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "lists_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "lists_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "lists_owner_name_key" ON "lists" ("owner_id", "name")`);
    await queryRunner.query(`
      CREATE TABLE "list_items" (
        "list_id" uuid NOT NULL,
        "influencer_profile_id" uuid NOT NULL,
        "status" character varying(16) NOT NULL,
        "note" character varying(2000) NOT NULL,
        "added_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "list_items_pkey" PRIMARY KEY ("list_id", "influencer_profile_id"),
        CONSTRAINT "list_items_status_check" CHECK ("status" IN ('shortlisted', 'contacted', 'negotiating', 'booked', 'declined')),
        CONSTRAINT "list_items_list_id_fkey" FOREIGN KEY ("list_id") REFERENCES "lists"("id") ON DELETE CASCADE ON UPDATE NO ACTION,
        CONSTRAINT "list_items_influencer_profile_id_fkey" FOREIGN KEY ("influencer_profile_id") REFERENCES "influencer_profiles"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    await queryRunner.query(`
      CREATE TABLE "saved_searches" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "owner_id" uuid NOT NULL,
        "name" character varying(120) NOT NULL,
        "query" character varying(2000) NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "saved_searches_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "saved_searches_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    await queryRunner.query(`CREATE INDEX "saved_searches_owner_id_idx" ON "saved_searches" ("owner_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "saved_searches"`);
    await queryRunner.query(`DROP TABLE "list_items"`);
    await queryRunner.query(`DROP TABLE "lists"`);
  }
}
