import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Trust and safety: the append-only audit log, and what vetting records.
 *
 * `audit_log` cannot be changed once written: a trigger raises on UPDATE and DELETE for every
 * role, and on TRUNCATE unless the transaction set `reachbridge.allow_audit_truncate` to `on` —
 * only the test harness does, to empty every table between tests. It has no foreign keys, so
 * deleting a user never cascades into it. (The table's owner can still drop the trigger; the
 * guarantee is against the application's statements, not against a database superuser.)
 *
 * `account_reviews`: an account's latest vetting decision and the reason shown to its owner
 * (and, while suspended, the status to go back to). `score_review_requests`: an influencer's
 * request that an admin look at their quality score again; open until an admin decides.
 */
export class TrustSafety1764633600000 implements MigrationInterface {
  name = 'TrustSafety1764633600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "audit_log" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "actor_id" uuid,
        "actor_role" character varying(16) NOT NULL,
        "action" character varying(80) NOT NULL,
        "target_type" character varying(40) NOT NULL,
        "target_id" character varying(100) NOT NULL,
        "reason" text,
        "details" jsonb NOT NULL DEFAULT '{}',
        "request_id" character varying(128),
        CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "audit_log_actor_role_check" CHECK ("actor_role" IN ('admin', 'brand', 'influencer', 'system'))
      )`);
    await queryRunner.query(`CREATE INDEX "audit_log_occurred_idx" ON "audit_log" ("occurred_at", "id")`);
    await queryRunner.query(`CREATE INDEX "audit_log_actor_idx" ON "audit_log" ("actor_id", "occurred_at")`);
    await queryRunner.query(`CREATE INDEX "audit_log_target_idx" ON "audit_log" ("target_type", "target_id", "occurred_at")`);
    await queryRunner.query(`CREATE INDEX "audit_log_action_idx" ON "audit_log" ("action", "occurred_at")`);
    await queryRunner.query(`
      CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'TRUNCATE' AND current_setting('reachbridge.allow_audit_truncate', true) = 'on' THEN
          RETURN NULL;
        END IF;
        RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER "audit_log_no_update_delete" BEFORE UPDATE OR DELETE ON "audit_log" FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "audit_log_no_truncate" BEFORE TRUNCATE ON "audit_log" FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`,
    );

    await queryRunner.query(`
      CREATE TABLE "account_reviews" (
        "user_id" uuid NOT NULL,
        "decision" character varying(24) NOT NULL,
        "reason" text,
        "decided_by" uuid,
        "decided_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "status_before_suspension" character varying(16),
        CONSTRAINT "account_reviews_pkey" PRIMARY KEY ("user_id"),
        CONSTRAINT "account_reviews_decision_check" CHECK ("decision" IN ('approved', 'rejected', 'changes_requested', 'suspended', 'reinstated')),
        CONSTRAINT "account_reviews_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    await queryRunner.query(`
      CREATE TABLE "score_review_requests" (
        "profile_id" uuid NOT NULL,
        "message" character varying(2000) NOT NULL,
        "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "score_review_requests_pkey" PRIMARY KEY ("profile_id"),
        CONSTRAINT "score_review_requests_profile_id_fkey" FOREIGN KEY ("profile_id") REFERENCES "influencer_profiles"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "score_review_requests"`);
    await queryRunner.query(`DROP TABLE "account_reviews"`);
    await queryRunner.query(`DROP TABLE "audit_log"`);
    await queryRunner.query(`DROP FUNCTION audit_log_append_only()`);
  }
}
