import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Campaigns, offers (with deliverables, events, messages, submissions, disputes), the double-entry
 * ledger, money movements (the outbox of provider calls), payout accounts, provider webhooks,
 * the simulated provider's records and tracked-link clicks.
 *
 * These tables are reached with SQL written by hand in the modules' repositories (no TypeORM
 * entities): money code needs row locks, compare-and-set updates and set-based postings that read
 * better as SQL. Guarantees live here, in the database, not only in the code:
 * - an offer's status is one of SPEC §6's and changes by compare-and-set on `version`;
 * - at most one capture, one refund and one transfer per offer, one movement per idempotency key;
 * - every ledger transaction's postings sum to zero per currency (deferred constraint trigger);
 * - accounts that must not go negative (escrow, payable, refundable) cannot (CHECK);
 * - a ledger transaction's idempotency key is unique; ledger rows cannot be updated or deleted.
 */
export class CreateOffersAndLedger1764547200000 implements MigrationInterface {
  name = 'CreateOffersAndLedger1764547200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "campaigns" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "brand_id" uuid NOT NULL REFERENCES "users"("id") ON DELETE CASCADE,
        "name" varchar(120) NOT NULL,
        "brief" text NOT NULL DEFAULT '',
        "goal" varchar(16) NOT NULL CHECK ("goal" IN ('traffic', 'awareness', 'engagement', 'sales', 'feedback', 'event')),
        "landing_url" varchar(2000),
        "budget_amount" bigint CHECK ("budget_amount" >= 0),
        "budget_currency" char(3),
        "starts_on" date,
        "ends_on" date,
        "target_niches" text[] NOT NULL DEFAULT '{}',
        "target_countries" text[] NOT NULL DEFAULT '{}',
        "archived" boolean NOT NULL DEFAULT false,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "campaigns_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "campaigns_budget_check" CHECK (("budget_amount" IS NULL) = ("budget_currency" IS NULL)),
        CONSTRAINT "campaigns_dates_check" CHECK ("starts_on" IS NULL OR "ends_on" IS NULL OR "starts_on" <= "ends_on")
      )`);
    await q.query(`CREATE INDEX "campaigns_brand_idx" ON "campaigns" ("brand_id", "created_at" DESC)`);

    await q.query(`
      CREATE TABLE "offers" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "brand_id" uuid NOT NULL REFERENCES "users"("id"),
        "influencer_profile_id" uuid NOT NULL REFERENCES "influencer_profiles"("id"),
        "influencer_user_id" uuid NOT NULL REFERENCES "users"("id"),
        "campaign_id" uuid REFERENCES "campaigns"("id"),
        "status" varchar(24) NOT NULL,
        "version" integer NOT NULL DEFAULT 1,
        "amount" bigint NOT NULL CHECK ("amount" > 0),
        "currency" char(3) NOT NULL,
        "fee_bps" integer NOT NULL CHECK ("fee_bps" BETWEEN 0 AND 10000),
        "usage_rights" varchar(16) NOT NULL CHECK ("usage_rights" IN ('none', 'organic_repost', 'paid_ads')),
        "usage_rights_days" integer,
        "message" text NOT NULL DEFAULT '',
        "accept_within_hours" integer NOT NULL,
        "review_window_hours" integer NOT NULL,
        "revision_limit" integer NOT NULL CHECK ("revision_limit" >= 0),
        "revisions_used" integer NOT NULL DEFAULT 0 CHECK ("revisions_used" >= 0),
        "terms_agreed" boolean NOT NULL DEFAULT false,
        "counter" jsonb,
        "cancellation_requested_by" varchar(16) CHECK ("cancellation_requested_by" IN ('brand', 'influencer')),
        "cancellation_reason" text,
        "status_before_cancellation" varchar(24),
        "accept_deadline" timestamptz,
        "review_deadline" timestamptz,
        "due_at" timestamptz,
        "overdue_noted_at" timestamptz,
        "cancellation_deadline" timestamptz,
        "completion_due_at" timestamptz,
        "provider" varchar(16) NOT NULL CHECK ("provider" IN ('simulated', 'stripe')),
        "hold_id" varchar(255),
        "hold_status" varchar(32),
        "hold_client_secret" varchar(255),
        "hold_capture_before" timestamptz,
        "charge_id" varchar(255),
        "link_code" varchar(16),
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "offers_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "offers_status_check" CHECK ("status" IN ('pending_payment', 'sent', 'countered', 'in_progress', 'submitted', 'revision_requested',
          'approved', 'released', 'completed', 'cancellation_requested', 'disputed', 'declined', 'withdrawn', 'expired', 'payment_failed', 'refunded', 'split_settled')),
        CONSTRAINT "offers_revisions_check" CHECK ("revisions_used" <= "revision_limit"),
        CONSTRAINT "offers_usage_days_check" CHECK (("usage_rights" = 'none') = ("usage_rights_days" IS NULL)),
        CONSTRAINT "offers_hold_id_key" UNIQUE ("hold_id"),
        CONSTRAINT "offers_charge_id_key" UNIQUE ("charge_id"),
        CONSTRAINT "offers_link_code_key" UNIQUE ("link_code")
      )`);
    await q.query(`CREATE INDEX "offers_brand_idx" ON "offers" ("brand_id", "updated_at" DESC, "id")`);
    await q.query(`CREATE INDEX "offers_influencer_idx" ON "offers" ("influencer_user_id", "updated_at" DESC, "id")`);
    await q.query(`CREATE INDEX "offers_campaign_idx" ON "offers" ("campaign_id") WHERE "campaign_id" IS NOT NULL`);
    // The worker's sweeps: each deadline is only set while it matters, so these stay small.
    for (const column of ['accept_deadline', 'review_deadline', 'due_at', 'cancellation_deadline', 'completion_due_at']) {
      await q.query(`CREATE INDEX "offers_${column}_idx" ON "offers" ("${column}") WHERE "${column}" IS NOT NULL`);
    }

    await q.query(`
      CREATE TABLE "offer_deliverables" (
        "offer_id" uuid NOT NULL REFERENCES "offers"("id") ON DELETE CASCADE,
        "position" smallint NOT NULL,
        "platform" varchar(16) NOT NULL,
        "type" varchar(16) NOT NULL,
        "quantity" integer NOT NULL CHECK ("quantity" > 0),
        "due_date" date,
        "requirements" text NOT NULL DEFAULT '',
        "disclosure_tag" varchar(40) NOT NULL DEFAULT '#ad',
        CONSTRAINT "offer_deliverables_pkey" PRIMARY KEY ("offer_id", "position")
      )`);
    await q.query(`
      CREATE TABLE "offer_events" (
        "id" bigserial PRIMARY KEY,
        "offer_id" uuid NOT NULL REFERENCES "offers"("id") ON DELETE CASCADE,
        "action" varchar(32) NOT NULL,
        "from_status" varchar(24),
        "to_status" varchar(24) NOT NULL,
        "actor_role" varchar(16) NOT NULL CHECK ("actor_role" IN ('brand', 'influencer', 'admin', 'system')),
        "actor_id" uuid REFERENCES "users"("id"),
        "reason" text,
        "details" jsonb NOT NULL DEFAULT '{}',
        "created_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX "offer_events_offer_idx" ON "offer_events" ("offer_id", "id")`);
    await q.query(`
      CREATE TABLE "offer_messages" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
        "offer_id" uuid NOT NULL REFERENCES "offers"("id") ON DELETE CASCADE,
        "author_id" uuid NOT NULL REFERENCES "users"("id"),
        "author_role" varchar(16) NOT NULL,
        "body" text NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX "offer_messages_offer_idx" ON "offer_messages" ("offer_id", "created_at")`);
    await q.query(`
      CREATE TABLE "offer_submissions" (
        "offer_id" uuid NOT NULL REFERENCES "offers"("id") ON DELETE CASCADE,
        "round" smallint NOT NULL,
        "url" varchar(2000) NOT NULL,
        "notes" text NOT NULL DEFAULT '',
        "submitted_at" timestamptz NOT NULL DEFAULT now(),
        "decision" varchar(24) CHECK ("decision" IN ('approved', 'revision_requested')),
        "feedback" text,
        "decided_at" timestamptz,
        CONSTRAINT "offer_submissions_pkey" PRIMARY KEY ("offer_id", "round")
      )`);
    await q.query(`
      CREATE TABLE "offer_disputes" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
        "offer_id" uuid NOT NULL REFERENCES "offers"("id") ON DELETE CASCADE,
        "opened_by" varchar(16) NOT NULL CHECK ("opened_by" IN ('brand', 'influencer')),
        "opened_by_id" uuid NOT NULL REFERENCES "users"("id"),
        "reason" text NOT NULL,
        "evidence" jsonb NOT NULL DEFAULT '[]',
        "response_statement" text,
        "response_evidence" jsonb,
        "responded_at" timestamptz,
        "status" varchar(16) NOT NULL DEFAULT 'open' CHECK ("status" IN ('open', 'resolved')),
        "outcome" varchar(16) CHECK ("outcome" IN ('refund', 'release', 'split')),
        "refund_amount" bigint CHECK ("refund_amount" >= 0),
        "release_amount" bigint CHECK ("release_amount" >= 0),
        "note" text,
        "resolved_by" uuid REFERENCES "users"("id"),
        "resolved_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "offer_disputes_resolution_check" CHECK (("status" = 'resolved') = ("outcome" IS NOT NULL AND "resolved_at" IS NOT NULL))
      )`);
    // One open dispute per offer; a resolved one can never be resolved again (status only moves forward).
    await q.query(`CREATE UNIQUE INDEX "offer_disputes_one_open" ON "offer_disputes" ("offer_id") WHERE "status" = 'open'`);
    await q.query(`CREATE INDEX "offer_disputes_status_idx" ON "offer_disputes" ("status", "created_at")`);

    // ---- Ledger: accounts, transactions, entries (payments-escrow.md §4).
    await q.query(`
      CREATE TABLE "ledger_accounts" (
        "id" bigserial PRIMARY KEY,
        "code" varchar(120) NOT NULL,
        "currency" char(3) NOT NULL,
        "balance" bigint NOT NULL DEFAULT 0,
        "allow_negative" boolean NOT NULL,
        CONSTRAINT "ledger_accounts_code_currency_key" UNIQUE ("code", "currency"),
        CONSTRAINT "ledger_accounts_no_overdraft" CHECK ("allow_negative" OR "balance" >= 0)
      )`);
    await q.query(`
      CREATE TABLE "ledger_transactions" (
        "id" bigserial PRIMARY KEY,
        "idempotency_key" varchar(255) NOT NULL,
        "offer_id" uuid REFERENCES "offers"("id"),
        "kind" varchar(24) NOT NULL,
        "provider_ref" varchar(255),
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "ledger_transactions_idempotency_key_key" UNIQUE ("idempotency_key")
      )`);
    await q.query(`CREATE INDEX "ledger_transactions_offer_idx" ON "ledger_transactions" ("offer_id") WHERE "offer_id" IS NOT NULL`);
    await q.query(`
      CREATE TABLE "ledger_entries" (
        "id" bigserial PRIMARY KEY,
        "transaction_id" bigint NOT NULL REFERENCES "ledger_transactions"("id"),
        "account_id" bigint NOT NULL REFERENCES "ledger_accounts"("id"),
        "amount" bigint NOT NULL CHECK ("amount" <> 0),
        "balance_after" bigint NOT NULL
      )`);
    await q.query(`CREATE INDEX "ledger_entries_transaction_idx" ON "ledger_entries" ("transaction_id")`);
    await q.query(`CREATE INDEX "ledger_entries_account_idx" ON "ledger_entries" ("account_id")`);
    // Double entry, checked by the database at commit: a transaction's entries sum to zero per currency.
    await q.query(`
      CREATE FUNCTION ledger_check_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (
          SELECT 1 FROM ledger_entries e JOIN ledger_accounts a ON a.id = e.account_id
          WHERE e.transaction_id = NEW.transaction_id
          GROUP BY a.currency HAVING sum(e.amount) <> 0
        ) THEN
          RAISE EXCEPTION 'ledger transaction % does not balance', NEW.transaction_id USING ERRCODE = '23514';
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE CONSTRAINT TRIGGER "ledger_entries_balanced" AFTER INSERT ON "ledger_entries"
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_check_balanced()`);
    // History is immutable: a correction is a new transaction, never an edit.
    await q.query(`
      CREATE FUNCTION ledger_forbid_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'ledger history is append-only (% on %)', TG_OP, TG_TABLE_NAME USING ERRCODE = '42501';
      END $$`);
    for (const table of ['ledger_transactions', 'ledger_entries']) {
      await q.query(`CREATE TRIGGER "${table}_append_only" BEFORE UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION ledger_forbid_change()`);
    }

    // ---- Money movements: every provider call, recorded (with its idempotency key) before it is made.
    await q.query(`
      CREATE TABLE "money_movements" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
        "offer_id" uuid NOT NULL REFERENCES "offers"("id"),
        "kind" varchar(16) NOT NULL CHECK ("kind" IN ('hold', 'capture', 'void', 'refund', 'transfer')),
        "amount" bigint NOT NULL CHECK ("amount" > 0),
        "currency" char(3) NOT NULL,
        "idempotency_key" varchar(255) NOT NULL,
        "status" varchar(16) NOT NULL DEFAULT 'pending' CHECK ("status" IN ('pending', 'in_flight', 'succeeded', 'failed', 'blocked')),
        "provider_ref" varchar(255),
        "attempts" integer NOT NULL DEFAULT 0,
        "next_attempt_at" timestamptz NOT NULL DEFAULT now(),
        "last_error" text,
        "created_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "money_movements_idempotency_key_key" UNIQUE ("idempotency_key"),
        CONSTRAINT "money_movements_provider_ref_key" UNIQUE ("kind", "provider_ref")
      )`);
    // The heart of "never twice": one capture, one refund and one transfer per offer, whatever races.
    await q.query(`CREATE UNIQUE INDEX "money_movements_one_per_offer" ON "money_movements" ("offer_id", "kind") WHERE "kind" IN ('capture', 'refund', 'transfer')`);
    await q.query(`CREATE INDEX "money_movements_due_idx" ON "money_movements" ("next_attempt_at") WHERE "status" IN ('pending', 'in_flight')`);

    await q.query(`
      CREATE TABLE "payout_accounts" (
        "user_id" uuid NOT NULL PRIMARY KEY REFERENCES "users"("id") ON DELETE CASCADE,
        "provider" varchar(16) NOT NULL,
        "account_id" varchar(255) NOT NULL,
        "transfers_active" boolean NOT NULL DEFAULT false,
        "payouts_enabled" boolean NOT NULL DEFAULT false,
        "requirements_due" jsonb NOT NULL DEFAULT '[]',
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "payout_accounts_account_id_key" UNIQUE ("account_id")
      )`);
    await q.query(`
      CREATE TABLE "provider_events" (
        "id" varchar(255) NOT NULL PRIMARY KEY,
        "type" varchar(100) NOT NULL,
        "endpoint" varchar(16) NOT NULL,
        "account" varchar(255),
        "livemode" boolean NOT NULL,
        "created" timestamptz NOT NULL,
        "payload" jsonb NOT NULL,
        "received_at" timestamptz NOT NULL DEFAULT now(),
        "processed_at" timestamptz,
        "attempts" integer NOT NULL DEFAULT 0,
        "last_error" text
      )`);
    await q.query(`CREATE INDEX "provider_events_unprocessed_idx" ON "provider_events" ("received_at") WHERE "processed_at" IS NULL`);
    // The simulated provider's own book: what a real provider would remember, keyed like one.
    await q.query(`
      CREATE TABLE "simulated_provider_objects" (
        "id" varchar(64) NOT NULL PRIMARY KEY,
        "kind" varchar(16) NOT NULL,
        "idempotency_key" varchar(255),
        "request" jsonb NOT NULL,
        "data" jsonb NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "simulated_provider_objects_key" UNIQUE ("idempotency_key")
      )`);
    await q.query(`CREATE INDEX "simulated_provider_objects_group_idx" ON "simulated_provider_objects" ("kind", ((data ->> 'group')))`);

    // Tracked links: one row per offer, day and visitor fingerprint; the fingerprint is an HMAC with a
    // key that changes daily, so it cannot be linked across days or back to an address.
    await q.query(`
      CREATE TABLE "link_clicks" (
        "offer_id" uuid NOT NULL REFERENCES "offers"("id") ON DELETE CASCADE,
        "day" date NOT NULL,
        "visitor" char(64) NOT NULL,
        "clicks" integer NOT NULL DEFAULT 1,
        CONSTRAINT "link_clicks_pkey" PRIMARY KEY ("offer_id", "day", "visitor")
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'link_clicks',
      'simulated_provider_objects',
      'provider_events',
      'payout_accounts',
      'money_movements',
      'ledger_entries',
      'ledger_transactions',
      'ledger_accounts',
      'offer_disputes',
      'offer_submissions',
      'offer_messages',
      'offer_events',
      'offer_deliverables',
      'offers',
      'campaigns',
    ]) {
      await q.query(`DROP TABLE "${table}"`);
    }
    await q.query(`DROP FUNCTION ledger_forbid_change()`);
    await q.query(`DROP FUNCTION ledger_check_balanced()`);
  }
}
