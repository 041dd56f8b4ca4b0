import type { AccountStatus, Role } from '@reachbridge/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { AccountReviewEntity, type ReviewDecision } from './account-review.entity.js';
import { ScoreReviewRequestEntity } from './score-review-request.entity.js';

/** Big free-mail providers: sharing one of these says nothing about two accounts. */
export const FREE_MAIL_DOMAINS = [
  'gmail.com',
  'googlemail.com',
  'yahoo.com',
  'ymail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'msn.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'proton.me',
  'protonmail.com',
  'aol.com',
  'gmx.com',
  'gmx.de',
  'mail.ru',
  'yandex.com',
  'yandex.ru',
] as const;

export interface WaitingRow {
  user_id: string;
  profile_id: string | null;
  account_pending: boolean;
  profile_submitted: boolean;
  score_review: boolean;
  /** PostgreSQL text with microseconds, for the cursor. */
  waiting_since: string;
}

export interface UserRow {
  id: string;
  email: string;
  role: Role;
  status: AccountStatus;
  display_name: string;
  created_at: Date;
}

export interface DuplicateRow {
  for_user_id: string;
  kind: 'handle' | 'email_domain';
  value: string;
  id: string;
  email: string;
  role: 'brand' | 'influencer';
  status: AccountStatus;
  display_name: string;
}

export interface BrandRow {
  id: string;
  user_id: string;
  name: string;
  website: string | null;
  industry: string | null;
  country: string | null;
  updated_at: Date;
}

/**
 * Who is waiting for an admin, and why. Suspended accounts never wait. An influencer waits while
 * their profile is submitted, while their account is pending and their profile is not yet
 * submitted nor turned down, or while they have asked for a score review. A brand waits while
 * pending, unless turned down and unchanged since. Timestamps as text keep their microseconds.
 */
const WAITING_SQL = `
  WITH candidates AS (
    SELECT u.id AS user_id, u.role, u.status, u.created_at,
           p.id AS profile_id, p.review_status, p.submitted_at,
           s.requested_at AS score_requested_at,
           r.decision, r.decided_at, b.updated_at AS brand_updated_at
      FROM users u
      LEFT JOIN influencer_profiles p ON p.user_id = u.id
      LEFT JOIN score_review_requests s ON s.profile_id = p.id
      LEFT JOIN account_reviews r ON r.user_id = u.id
      LEFT JOIN brand_profiles b ON b.user_id = u.id
     WHERE u.role IN ('brand', 'influencer') AND u.status <> 'suspended' AND ($1::uuid IS NULL OR u.id = $1::uuid)
  ), flagged AS (
    SELECT c.*,
           (c.status = 'pending_review' AND CASE
              WHEN c.role = 'influencer' THEN coalesce(c.review_status, 'draft') NOT IN ('submitted', 'rejected', 'changes_requested')
                   AND (c.decision IS NULL OR c.decision NOT IN ('rejected', 'changes_requested'))
              ELSE c.decision IS NULL OR c.decision NOT IN ('rejected', 'changes_requested') OR c.brand_updated_at > c.decided_at
            END) AS account_pending,
           coalesce(c.review_status = 'submitted', false) AS profile_submitted,
           c.score_requested_at IS NOT NULL AS score_review
      FROM candidates c
  ), waiting AS (
    SELECT f.user_id, f.profile_id, f.account_pending, f.profile_submitted, f.score_review,
           LEAST(CASE WHEN f.account_pending THEN f.created_at END,
                 CASE WHEN f.profile_submitted THEN coalesce(f.submitted_at, f.created_at) END,
                 CASE WHEN f.score_review THEN f.score_requested_at END) AS waiting_since
      FROM flagged f
     WHERE f.account_pending OR f.profile_submitted OR f.score_review
  )
  SELECT user_id, profile_id, account_pending, profile_submitted, score_review,
         to_char(waiting_since AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS waiting_since
    FROM waiting
   WHERE $2::timestamptz IS NULL OR (waiting_since, user_id) > ($2::timestamptz, $3::uuid)
   ORDER BY waiting_since, user_id
   LIMIT $4`;

/**
 * Vetting's reads and writes. Besides its own tables it reads users, profiles and brands, and
 * writes the review fields of users, influencer_profiles and social_accounts — the same columns
 * the owning modules' triggers watch, so an approval reaches search through the search outbox.
 */
export class VettingRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  waiting(options: { userId?: string; after?: { waitingSince: string; userId: string }; limit: number }, manager: EntityManager = this.dataSource.manager): Promise<WaitingRow[]> {
    return manager.query(WAITING_SQL, [options.userId ?? null, options.after?.waitingSince ?? null, options.after?.userId ?? null, options.limit]);
  }

  async users(ids: string[]): Promise<UserRow[]> {
    if (!ids.length) return [];
    return this.dataSource.query(`SELECT id, email, role, status, display_name, created_at FROM users WHERE id = ANY($1::uuid[])`, [ids]);
  }

  /** The user, locked for the rest of the transaction (one decision at a time). */
  async lockUser(manager: EntityManager, id: string): Promise<UserRow | null> {
    const rows: UserRow[] = await manager.query(`SELECT id, email, role, status, display_name, created_at FROM users WHERE id = $1 FOR UPDATE`, [id]);
    return rows[0] ?? null;
  }

  async setUserStatus(manager: EntityManager, id: string, status: AccountStatus): Promise<void> {
    await manager.query(`UPDATE users SET status = $2::varchar, updated_at = now() WHERE id = $1 AND status <> $2::varchar`, [id, status]);
  }

  async profileOf(manager: EntityManager, userId: string): Promise<{ id: string; review_status: string } | null> {
    const rows: { id: string; review_status: string }[] = await manager.query(
      `SELECT id, review_status FROM influencer_profiles WHERE user_id = $1 FOR UPDATE`,
      [userId],
    );
    return rows[0] ?? null;
  }

  async setProfileReview(manager: EntityManager, profileId: string, reviewStatus: 'approved' | 'rejected' | 'changes_requested', note: string | null): Promise<void> {
    await manager.query(
      `UPDATE influencer_profiles
          SET review_status = $2::varchar, review_note = $3::text, updated_at = now(),
              approved_at = CASE WHEN $2::varchar = 'approved' THEN now() ELSE approved_at END
        WHERE id = $1`,
      [profileId, reviewStatus, note],
    );
  }

  lastDecisions(userIds: string[], manager: EntityManager = this.dataSource.manager): Promise<AccountReviewEntity[]> {
    if (!userIds.length) return Promise.resolve([]);
    return manager.getRepository(AccountReviewEntity).createQueryBuilder('review').where('review.user_id = ANY(:userIds)', { userIds }).getMany();
  }

  async saveDecision(
    manager: EntityManager,
    review: { userId: string; decision: ReviewDecision; reason: string | null; decidedBy: string; statusBeforeSuspension: AccountStatus | null },
  ): Promise<void> {
    await manager.getRepository(AccountReviewEntity).upsert({ ...review, decidedAt: () => 'now()' }, { conflictPaths: ['userId'] });
  }

  scoreReviews(profileIds: string[], manager: EntityManager = this.dataSource.manager): Promise<ScoreReviewRequestEntity[]> {
    if (!profileIds.length) return Promise.resolve([]);
    return manager.getRepository(ScoreReviewRequestEntity).createQueryBuilder('request').where('request.profile_id = ANY(:profileIds)', { profileIds }).getMany();
  }

  /** Inserts the request; false when one is already open. */
  async openScoreReview(manager: EntityManager, profileId: string, message: string): Promise<ScoreReviewRequestEntity | null> {
    const rows: { profile_id: string }[] = await manager.query(
      `INSERT INTO score_review_requests (profile_id, message) VALUES ($1, $2) ON CONFLICT (profile_id) DO NOTHING RETURNING profile_id`,
      [profileId, message],
    );
    if (!rows.length) return null;
    return manager.getRepository(ScoreReviewRequestEntity).findOneByOrFail({ profileId });
  }

  async closeScoreReview(manager: EntityManager, profileId: string): Promise<void> {
    await manager.getRepository(ScoreReviewRequestEntity).delete({ profileId });
  }

  async profileStatus(userId: string): Promise<string | null> {
    const rows: { review_status: string }[] = await this.dataSource.query(`SELECT review_status FROM influencer_profiles WHERE user_id = $1`, [userId]);
    return rows[0]?.review_status ?? null;
  }

  async profileIdOfUser(userId: string): Promise<string | null> {
    const rows: { id: string }[] = await this.dataSource.query(`SELECT id FROM influencer_profiles WHERE user_id = $1`, [userId]);
    return rows[0]?.id ?? null;
  }

  async brands(userIds: string[]): Promise<BrandRow[]> {
    if (!userIds.length) return [];
    return this.dataSource.query(`SELECT id, user_id, name, website, industry, country, updated_at FROM brand_profiles WHERE user_id = ANY($1::uuid[])`, [userIds]);
  }

  /**
   * Other accounts that share a platform handle with one of `userIds` (handles are stored without
   * a leading @ and lower-cased; the other side is normalised the same way here) or a non-free-mail
   * e-mail domain. At most `perKind` of each kind per user.
   */
  async duplicates(userIds: string[], perKind: number): Promise<DuplicateRow[]> {
    if (!userIds.length) return [];
    return this.dataSource.query(
      `WITH handles AS (
         SELECT DISTINCT pm.user_id AS for_user_id, 'handle' AS kind, mine.platform || ':' || lower(ltrim(mine.handle, '@')) AS value,
                u.id, u.email, u.role, u.status, u.display_name
           FROM influencer_profiles pm
           JOIN social_accounts mine ON mine.profile_id = pm.id
           JOIN social_accounts other ON other.platform = mine.platform AND other.handle = lower(ltrim(trim(mine.handle), '@')) AND other.profile_id <> pm.id
           JOIN influencer_profiles po ON po.id = other.profile_id
           JOIN users u ON u.id = po.user_id
          WHERE pm.user_id = ANY($1::uuid[])
       ), domains AS (
         SELECT me.id AS for_user_id, 'email_domain' AS kind, split_part(me.email, '@', 2) AS value,
                u.id, u.email, u.role, u.status, u.display_name
           FROM users me
           JOIN users u ON split_part(u.email, '@', 2) = split_part(me.email, '@', 2) AND u.id <> me.id AND u.role IN ('brand', 'influencer')
          WHERE me.id = ANY($1::uuid[]) AND split_part(me.email, '@', 2) <> ALL($2::text[])
       ), ranked AS (
         SELECT *, row_number() OVER (PARTITION BY for_user_id, kind ORDER BY value, email) AS n FROM (SELECT * FROM handles UNION ALL SELECT * FROM domains) d
       )
       SELECT for_user_id, kind, value, id, email, role, status, display_name FROM ranked WHERE n <= $3 ORDER BY for_user_id, kind, n`,
      [userIds, FREE_MAIL_DOMAINS, perKind],
    );
  }

  /** Marks a social account's metrics platform-verified; null when there is no such account, false when it already was. */
  async verifySocialAccount(manager: EntityManager, id: string): Promise<{ profileId: string; userId: string; verified: boolean } | null> {
    const rows: { profile_id: string; user_id: string; metrics_provenance: string }[] = await manager.query(
      `SELECT a.profile_id, p.user_id, a.metrics_provenance FROM social_accounts a JOIN influencer_profiles p ON p.id = a.profile_id WHERE a.id = $1 FOR UPDATE OF a`,
      [id],
    );
    const row = rows[0];
    if (!row) return null;
    if (row.metrics_provenance === 'platform_verified') return { profileId: row.profile_id, userId: row.user_id, verified: false };
    await manager.query(`UPDATE social_accounts SET metrics_provenance = 'platform_verified', metrics_as_of = now(), updated_at = now() WHERE id = $1`, [id]);
    return { profileId: row.profile_id, userId: row.user_id, verified: true };
  }
}
