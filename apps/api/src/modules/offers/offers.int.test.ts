import { afterEach, describe, expect, it } from 'vitest';
import { balance, expectLedgerConsistent, loggedIn, manualClock, offerParties, OFFER, sendOffer } from '../../../test/offer-fixtures.js';
import { useTestApp } from '../../../test/test-app.js';
import { countRows } from '../../../test/test-database.js';
import { LedgerAccounts } from '../ledger/index.js';
import type { PaymentProvider } from '../payments/index.js';
import { reconcile } from './reconcile.js';

const clock = manualClock();
const ctx = useTestApp({}, { now: clock.now });

afterEach(async () => {
  await expectLedgerConsistent(ctx);
});

const movementsOf = async (offerId: string) =>
  ctx.dataSource.query<{ kind: string; status: string; amount: string }[]>(`SELECT kind, status, amount FROM money_movements WHERE offer_id = $1 ORDER BY created_at, kind`, [offerId]);
const providerObjects = async (kind: string) =>
  ctx.dataSource.query<{ id: string }[]>(`SELECT id FROM simulated_provider_objects WHERE kind = $1`, [kind]);

describe('the happy path: send → accept → submit → approve → released → completed', () => {
  it('holds, captures, settles with the fee, pays out once, and keeps the ledger balanced at every step', async () => {
    const { brand, influencer, brandUser, influencerUser, profileId } = await offerParties(ctx, { payouts: false });

    const sent = await sendOffer(brand, profileId);
    expect(sent).toMatchObject({ status: 'sent', whoseTurn: 'influencer', price: OFFER.price, feeBps: 1500, payment: { provider: 'simulated', testMoney: true, holdStatus: 'requires_capture', held: 0 } });
    expect((sent as unknown as { deadlines: { accept: string } }).deadlines.accept).toBe(new Date(clock.now().getTime() + 72 * 3_600_000).toISOString());

    // Accepting needs a payout account; nothing changes until there is one.
    const early = await influencer.post(`/api/offers/${sent.id}/accept`);
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('PAYOUT_ACCOUNT_NOT_READY');
    const seenByInfluencer = await influencer.get(`/api/offers/${sent.id}`);
    expect(seenByInfluencer.body.availableActions).toEqual(expect.arrayContaining(['counter', 'decline']));
    expect(seenByInfluencer.body.availableActions).not.toContain('accept');
    expect((await influencer.post('/api/payments/connect/onboarding')).body).toMatchObject({ provider: 'simulated', status: 'ready', onboardingUrl: null });

    const accepted = await influencer.post(`/api/offers/${sent.id}/accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'in_progress', whoseTurn: 'influencer', payment: { held: 50000 } });
    expect(await balance(ctx, LedgerAccounts.escrow(sent.id))).toBe(50000);

    const submitted = await influencer.post(`/api/offers/${sent.id}/submissions`, { url: 'https://instagram.com/p/abc', notes: 'Posted at 6pm' });
    expect(submitted.body).toMatchObject({ status: 'submitted', whoseTurn: 'brand', submissions: [{ round: 1, url: 'https://instagram.com/p/abc' }] });

    const approved = await brand.post(`/api/offers/${sent.id}/approve`);
    expect(approved.status).toBe(200);
    // 50,000 at 15 %: fee 7,500, influencer 42,500 — transferred at once by the simulated provider.
    expect(approved.body).toMatchObject({ status: 'released', payment: { held: 0, released: 50000, fee: 7500, payout: 42500, refunded: 0 } });
    expect(await balance(ctx, LedgerAccounts.platformFees)).toBe(7500);
    expect(await balance(ctx, LedgerAccounts.influencerPayable(influencerUser.id))).toBe(0);
    expect(await balance(ctx, LedgerAccounts.connectTransfers)).toBe(42500);
    expect(await providerObjects('transfer')).toHaveLength(1);

    const brandBalance = (await brand.get('/api/payments/balance')).body;
    expect(brandBalance).toEqual({ testMoney: true, items: [{ currency: 'USD', held: 0, payable: 0, paidOut: 0, refunded: 0, spent: 50000 }] });
    const influencerBalance = (await influencer.get('/api/payments/balance')).body;
    expect(influencerBalance.items).toEqual([{ currency: 'USD', held: 0, payable: 0, paidOut: 42500, refunded: 0, spent: 0 }]);
    const history = (await influencer.get('/api/payments/history')).body.items;
    expect(history).toEqual([expect.objectContaining({ offerId: sent.id, kind: 'transfer', status: 'succeeded', amount: 42500, counterpart: brandUser.displayName })]);

    // After the clawback window the worker completes it.
    clock.advanceHours(7 * 24 + 1);
    expect(await ctx.offers.timers.runDue()).toMatchObject({ complete: 1 });
    const done = (await brand.get(`/api/offers/${sent.id}`)).body;
    expect(done.status).toBe('completed');
    expect(done.events.map((e: { action: string }) => e.action)).toEqual(['created', 'hold_placed', 'accept', 'submit', 'approve', 'release', 'complete']);
    expect(done.events[4]).toMatchObject({ from: 'submitted', to: 'approved', actor: 'brand' });
    expect(done.events[5]).toMatchObject({ actor: 'system' });

    // Every money decision and movement is in the audit log.
    const audit = await ctx.dataSource.query<{ action: string; actor_role: string }[]>(
      `SELECT action, actor_role FROM audit_log WHERE target_type = 'offer' AND target_id = $1 ORDER BY occurred_at, action`,
      [sent.id],
    );
    expect(audit.map((a) => `${a.actor_role}:${a.action}`).sort()).toEqual(
      ['system:money.hold.succeeded', 'system:money.capture.succeeded', 'brand:money.settle', 'system:money.transfer.succeeded'].sort(),
    );
  });
});

describe('nothing charged when the deal does not happen', () => {
  it.each([
    ['decline', 'influencer', 'declined'],
    ['withdraw', 'brand', 'withdrawn'],
  ] as const)('%s by the %s voids the hold, posts nothing', async (action, side, status) => {
    const parties = await offerParties(ctx);
    const offer = await sendOffer(parties.brand, parties.profileId);
    const response = await parties[side].post(`/api/offers/${offer.id}/${action}`, { reason: 'Not this time' });
    expect(response.body).toMatchObject({ status, payment: { holdStatus: 'canceled', held: 0 } });
    expect(await movementsOf(offer.id)).toEqual([
      { kind: 'hold', status: 'succeeded', amount: '50000' },
      { kind: 'void', status: 'succeeded', amount: '50000' },
    ]);
    expect(await ctx.dataSource.query(`SELECT 1 FROM ledger_transactions WHERE offer_id = $1`, [offer.id])).toEqual([]);
  });

  it('expires at the accept deadline (the worker), voiding the hold', async () => {
    const parties = await offerParties(ctx);
    const offer = await sendOffer(parties.brand, parties.profileId, { acceptWithinHours: 24 });
    clock.advanceHours(23);
    expect((await ctx.offers.timers.runDue()).expire).toBe(0);
    clock.advanceHours(2);
    expect((await ctx.offers.timers.runDue()).expire).toBe(1);
    const expired = (await parties.brand.get(`/api/offers/${offer.id}`)).body;
    expect(expired).toMatchObject({ status: 'expired', payment: { holdStatus: 'canceled' } });
    const late = await parties.influencer.post(`/api/offers/${offer.id}/accept`);
    expect(late.status).toBe(409);
  });
});

describe('counter-offers', () => {
  it('brand accepts the counter: old hold voided, a new hold for the new price, captured at once', async () => {
    const parties = await offerParties(ctx);
    const offer = await sendOffer(parties.brand, parties.profileId);
    const countered = await parties.influencer.post(`/api/offers/${offer.id}/counter`, { price: { amount: 65000, currency: 'USD' }, message: 'Reels cost more' });
    expect(countered.body).toMatchObject({ status: 'countered', whoseTurn: 'brand', counter: { price: { amount: 65000 } } });
    const agreed = await parties.brand.post(`/api/offers/${offer.id}/counter/accept`);
    expect(agreed.body).toMatchObject({ status: 'in_progress', price: { amount: 65000, currency: 'USD' }, counter: null, payment: { held: 65000 } });
    expect((await movementsOf(offer.id)).map((m) => `${m.kind}:${m.status}:${m.amount}`)).toEqual([
      'hold:succeeded:50000',
      'void:succeeded:50000',
      'hold:succeeded:65000',
      'capture:succeeded:65000',
    ]);
  });

  it('brand rejects the counter: the original terms stand', async () => {
    const parties = await offerParties(ctx);
    const offer = await sendOffer(parties.brand, parties.profileId);
    await parties.influencer.post(`/api/offers/${offer.id}/counter`, { price: { amount: 65000, currency: 'USD' } });
    const rejected = await parties.brand.post(`/api/offers/${offer.id}/counter/reject`, {});
    expect(rejected.body).toMatchObject({ status: 'sent', price: { amount: 50000 } });
  });
});

describe('revisions and review window', () => {
  it('allows exactly the revision limit, then refuses; the review window auto-approves', async () => {
    const parties = await offerParties(ctx);
    const offer = await sendOffer(parties.brand, parties.profileId, { revisionLimit: 2 });
    await parties.influencer.post(`/api/offers/${offer.id}/accept`);
    for (let round = 1; round <= 2; round += 1) {
      await parties.influencer.post(`/api/offers/${offer.id}/submissions`, { url: `https://instagram.com/p/v${round}` });
      const revision = await parties.brand.post(`/api/offers/${offer.id}/request-revision`, { feedback: 'Show the logo' });
      expect(revision.body).toMatchObject({ status: 'revision_requested', revisionsUsed: round });
    }
    await parties.influencer.post(`/api/offers/${offer.id}/submissions`, { url: 'https://instagram.com/p/v3' });
    const third = await parties.brand.post(`/api/offers/${offer.id}/request-revision`, { feedback: 'Again' });
    expect(third.status).toBe(409);
    expect(third.body.error.code).toBe('OFFER_REVISION_LIMIT_REACHED');

    clock.advanceHours(73);
    expect((await ctx.offers.timers.runDue()).auto_approve).toBe(1);
    const after = (await parties.brand.get(`/api/offers/${offer.id}`)).body;
    expect(after.status).toBe('released');
    expect(after.events.find((e: { action: string }) => e.action === 'auto_approve')).toMatchObject({ actor: 'system', from: 'submitted', to: 'approved' });
    expect(after.submissions.map((s: { decision: string | null }) => s.decision)).toEqual(['revision_requested', 'revision_requested', null]);
  });
});

describe('cancellation', () => {
  it('the other side agrees → full refund; the requester cannot answer their own request', async () => {
    const parties = await offerParties(ctx);
    const offer = await sendOffer(parties.brand, parties.profileId);
    await parties.influencer.post(`/api/offers/${offer.id}/accept`);
    const requested = await parties.brand.post(`/api/offers/${offer.id}/cancel`, { reason: 'Campaign cancelled' });
    expect(requested.body).toMatchObject({ status: 'cancellation_requested', whoseTurn: 'influencer', cancellation: { requestedBy: 'brand' } });
    const own = await parties.brand.post(`/api/offers/${offer.id}/cancel/accept`);
    expect(own.status).toBe(403);
    const refunded = await parties.influencer.post(`/api/offers/${offer.id}/cancel/accept`);
    expect(refunded.body).toMatchObject({ status: 'refunded', payment: { held: 0, refunded: 50000, released: 0 } });
    expect(await balance(ctx, LedgerAccounts.refunds)).toBe(-0 + 50000);
    expect(await balance(ctx, LedgerAccounts.brandRefundable(parties.brandUser.id))).toBe(0);
    expect(await providerObjects('refund')).toHaveLength(1);
  });

  it('a refusal returns the offer to where it was; silence refunds after the response window', async () => {
    const parties = await offerParties(ctx);
    const offer = await sendOffer(parties.brand, parties.profileId);
    await parties.influencer.post(`/api/offers/${offer.id}/accept`);
    await parties.influencer.post(`/api/offers/${offer.id}/cancel`, { reason: 'I am ill' });
    const refused = await parties.brand.post(`/api/offers/${offer.id}/cancel/reject`, { reason: 'Please try next week' });
    expect(refused.body.status).toBe('in_progress');
    await parties.influencer.post(`/api/offers/${offer.id}/cancel`, { reason: 'Still ill' });
    clock.advanceHours(73);
    expect((await ctx.offers.timers.runDue()).cancel_timeout).toBe(1);
    expect((await parties.brand.get(`/api/offers/${offer.id}`)).body).toMatchObject({ status: 'refunded', payment: { refunded: 50000 } });
  });

  it('the brand cancels overdue work alone', async () => {
    const parties = await offerParties(ctx);
    const offer = await sendOffer(parties.brand, parties.profileId);
    await parties.influencer.post(`/api/offers/${offer.id}/accept`);
    // Due at the end of 2026-12-20; the clock is at 2026-12-01 and moved past it.
    clock.advanceHours(20 * 24);
    // The worker notes the missed due date once, on the timeline; the offer stays in progress.
    expect((await ctx.offers.timers.runDue()).mark_overdue).toBe(1);
    expect((await ctx.offers.timers.runDue()).mark_overdue).toBe(0);
    const noted = (await parties.brand.get(`/api/offers/${offer.id}`)).body;
    expect(noted.status).toBe('in_progress');
    expect(noted.events.at(-1)).toMatchObject({ action: 'mark_overdue', actor: 'system', from: 'in_progress', to: 'in_progress' });
    expect(noted.availableActions).toContain('cancel_overdue');
    const cancelled = await parties.brand.post(`/api/offers/${offer.id}/cancel`, { reason: 'Nothing delivered' });
    expect(cancelled.body).toMatchObject({ status: 'refunded', payment: { refunded: 50000 } });
  });
});

describe('disputes', () => {
  it('pauses timers; an admin split moves the money to the minor unit; a second resolution is refused', async () => {
    const parties = await offerParties(ctx);
    const admin = await loggedIn(ctx, 'admin');
    const offer = await sendOffer(parties.brand, parties.profileId, { price: { amount: 100000, currency: 'USD' } });
    await parties.influencer.post(`/api/offers/${offer.id}/accept`);
    await parties.influencer.post(`/api/offers/${offer.id}/submissions`, { url: 'https://instagram.com/p/abc' });
    const disputed = await parties.brand.post(`/api/offers/${offer.id}/disputes`, {
      reason: 'The post was removed after a day',
      evidence: [{ url: 'https://example.com/screenshot.png', note: 'Gone on day 2' }],
    });
    expect(disputed.body).toMatchObject({ status: 'disputed', whoseTurn: 'admin', deadlines: { review: null }, dispute: { openedBy: 'brand', status: 'open' } });
    const statement = await parties.influencer.post(`/api/offers/${offer.id}/disputes/statement`, { statement: 'Instagram removed it, not me' });
    expect(statement.status).toBe(200);
    clock.advanceHours(24 * 30);
    expect(await ctx.offers.timers.runDue()).toMatchObject({ auto_approve: 0, cancel_timeout: 0 });

    const queue = (await admin.client.get('/api/admin/disputes?status=open')).body.items;
    expect(queue).toHaveLength(1);
    expect(queue[0]).toMatchObject({ dispute: { reason: 'The post was removed after a day', response: { statement: 'Instagram removed it, not me' } }, offer: { held: 100000 } });
    const disputeId = queue[0].dispute.id as string;

    const impossible = await admin.client.post(`/api/admin/disputes/${disputeId}/resolve`, { outcome: 'split', refundAmount: 100001 });
    expect(impossible.status).toBe(400);
    const before = await countRows(ctx.dataSource);
    expect((await admin.client.post(`/api/admin/disputes/${disputeId}/resolve`, { outcome: 'split' })).status).toBe(400);
    expect(await countRows(ctx.dataSource)).toEqual(before);

    const split = await admin.client.post(`/api/admin/disputes/${disputeId}/resolve`, { outcome: 'split', refundAmount: 40000, note: 'Half the time it was up' });
    expect(split.status).toBe(200);
    // Refund 40,000; release 60,000 with the fee on it only: 9,000 fee, 51,000 to the influencer.
    expect(split.body).toMatchObject({ status: 'split_settled', payment: { held: 0, refunded: 40000, released: 60000, fee: 9000, payout: 51000 } });
    expect(await balance(ctx, LedgerAccounts.refunds)).toBe(40000);
    expect(await balance(ctx, LedgerAccounts.platformFees)).toBe(9000);
    expect(await balance(ctx, LedgerAccounts.connectTransfers)).toBe(51000);

    const [resolution] = await ctx.dataSource.query<[{ actor_id: string; details: Record<string, unknown> }]>(
      `SELECT actor_id, details FROM audit_log WHERE action = 'dispute.resolve' AND target_id = $1`,
      [offer.id],
    );
    expect(resolution).toMatchObject({ actor_id: admin.user.id, details: { refund: 40000, fee: 9000, payout: 51000, currency: 'USD' } });

    const again = await admin.client.post(`/api/admin/disputes/${disputeId}/resolve`, { outcome: 'refund' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('DISPUTE_ALREADY_RESOLVED');

    const ledger = (await admin.client.get(`/api/admin/ledger/offers/${offer.id}`)).body;
    expect(ledger.transactions.map((t: { idempotencyKey: string }) => t.idempotencyKey)).toEqual([
      `offer:${offer.id}:fund`,
      `offer:${offer.id}:settle`,
      `offer:${offer.id}:refund-paid`,
      `offer:${offer.id}:transfer-paid`,
    ]);
    expect(Object.fromEntries((ledger.balances as { account: string; balance: number }[]).map((b) => [b.account, b.balance]))).toEqual({
      [LedgerAccounts.cardPayments]: -100000,
      [LedgerAccounts.escrow(offer.id)]: 0,
      [LedgerAccounts.platformFees]: 9000,
      [LedgerAccounts.brandRefundable(parties.brandUser.id)]: 0,
      [LedgerAccounts.refunds]: 40000,
      [LedgerAccounts.influencerPayable(parties.influencerUser.id)]: 0,
      [LedgerAccounts.connectTransfers]: 51000,
    });
    for (const transaction of ledger.transactions as { postings: { amount: number }[] }[]) {
      expect(transaction.postings.reduce((sum, p) => sum + p.amount, 0)).toBe(0);
    }
  });

  it.each([
    ['refund', 'refunded', { refunded: 50000, released: 0 }],
    ['release', 'released', { refunded: 0, released: 50000, payout: 42500 }],
  ] as const)('admin %s → %s', async (outcome, status, payment) => {
    const parties = await offerParties(ctx);
    const admin = await loggedIn(ctx, 'admin');
    const offer = await sendOffer(parties.brand, parties.profileId);
    await parties.influencer.post(`/api/offers/${offer.id}/accept`);
    await parties.influencer.post(`/api/offers/${offer.id}/disputes`, { reason: 'The brand changed the brief' });
    const [{ id }] = await ctx.dataSource.query<[{ id: string }]>(`SELECT id FROM offer_disputes WHERE offer_id = $1`, [offer.id]);
    const resolved = await admin.client.post(`/api/admin/disputes/${id}/resolve`, { outcome });
    expect(resolved.body).toMatchObject({ status, payment: { held: 0, ...payment }, dispute: { status: 'resolved', outcome } });
  });
});

describe('no double payment', () => {
  it('20 concurrent approvals plus the auto-approve timer → exactly one settlement, one transfer', async () => {
    const parties = await offerParties(ctx);
    const offer = await sendOffer(parties.brand, parties.profileId);
    await parties.influencer.post(`/api/offers/${offer.id}/accept`);
    await parties.influencer.post(`/api/offers/${offer.id}/submissions`, { url: 'https://instagram.com/p/abc' });
    clock.advanceHours(73);
    const answers = await Promise.all([
      ...Array.from({ length: 20 }, () => parties.brand.post(`/api/offers/${offer.id}/approve`)),
      ctx.offers.timers.runDue().then(() => null),
    ]);
    const statuses = answers.filter((a) => a !== null).map((a) => a.status);
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(1);
    expect(statuses.every((s) => s === 200 || s === 409)).toBe(true);
    expect((await movementsOf(offer.id)).filter((m) => m.kind === 'transfer')).toEqual([{ kind: 'transfer', status: 'succeeded', amount: '42500' }]);
    expect(await providerObjects('transfer')).toHaveLength(1);
    expect(await balance(ctx, LedgerAccounts.connectTransfers)).toBe(42500);
  });

  it('heals a crash after the provider answered: the retry reuses the key and gets the same transfer', async () => {
    const parties = await offerParties(ctx);
    const offer = await sendOffer(parties.brand, parties.profileId);
    await parties.influencer.post(`/api/offers/${offer.id}/accept`);
    await parties.influencer.post(`/api/offers/${offer.id}/submissions`, { url: 'https://instagram.com/p/abc' });
    // Approve without running the movements (as if the process died right after the commit)…
    const { movementIds } = await ctx.offers.transitions.apply(offer.id, 'approve', { role: 'brand', id: parties.brandUser.id });
    const [transferId] = movementIds;
    // …then the provider call succeeds but the answer is lost before it is recorded.
    const provider = (ctx.offers.money as unknown as { provider: { transfer: (input: unknown) => Promise<unknown> } }).provider;
    const original = provider.transfer.bind(provider);
    provider.transfer = async (input) => {
      await original(input);
      throw new Error('socket hang up');
    };
    await ctx.offers.money.run([transferId!]);
    provider.transfer = original;
    expect(await movementsOf(offer.id)).toContainEqual({ kind: 'transfer', status: 'pending', amount: '42500' });
    expect(await providerObjects('transfer')).toHaveLength(1);

    clock.advanceHours(1);
    await ctx.offers.timers.runDue();
    expect(await movementsOf(offer.id)).toContainEqual({ kind: 'transfer', status: 'succeeded', amount: '42500' });
    expect(await providerObjects('transfer')).toHaveLength(1);
    expect((await parties.brand.get(`/api/offers/${offer.id}`)).body.status).toBe('released');
  });
});

describe('who may do what', () => {
  it('refuses bad input with a 4xx naming the field, and writes nothing', async () => {
    const parties = await offerParties(ctx);
    const before = await countRows(ctx.dataSource);
    const cases: [Record<string, unknown>, string][] = [
      [{ price: { amount: -100, currency: 'USD' } }, 'price.amount'],
      [{ price: { amount: 100.5, currency: 'USD' } }, 'price.amount'],
      [{ price: { amount: 0, currency: 'USD' } }, 'price.amount'],
      [{ price: { amount: 100, currency: 'XYZ' } }, 'price.currency'],
      [{ deliverables: [] }, 'deliverables'],
      [{ revisionLimit: 9 }, 'revisionLimit'],
      [{ surprise: true }, 'surprise'],
    ];
    for (const [override, path] of cases) {
      const response = await parties.brand.post('/api/offers', { ...OFFER, influencerId: parties.profileId, ...override });
      expect(response.status, path).toBe(400);
      expect(response.body.error.details.map((d: { path: string }) => d.path), path).toContain(path);
    }
    expect(await countRows(ctx.dataSource)).toEqual(before);
  });

  it('acting out of turn is refused with no effect; someone else’s offer does not exist', async () => {
    const parties = await offerParties(ctx);
    const stranger = await loggedIn(ctx, 'brand');
    const offer = await sendOffer(parties.brand, parties.profileId);
    const before = await countRows(ctx.dataSource);
    expect((await parties.influencer.post(`/api/offers/${offer.id}/approve`)).status).toBe(403); // wrong role for the route
    const early = await parties.influencer.post(`/api/offers/${offer.id}/submissions`, { url: 'https://instagram.com/p/abc' });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('OFFER_INVALID_TRANSITION');
    const foreign = await stranger.client.post(`/api/offers/${offer.id}/withdraw`, {});
    expect(foreign.status).toBe(404);
    expect((await stranger.client.get(`/api/offers/${offer.id}`)).status).toBe(404);
    expect(await countRows(ctx.dataSource)).toEqual(before);
  });

  it('only vetted accounts send offers, only to approved profiles', async () => {
    const parties = await offerParties(ctx);
    const pending = await loggedIn(ctx, 'brand', 'pending_review');
    expect((await pending.client.post('/api/offers', { ...OFFER, influencerId: parties.profileId })).status).toBe(403);
    await ctx.dataSource.query(`UPDATE influencer_profiles SET review_status = 'submitted'`);
    const unavailable = await parties.brand.post('/api/offers', { ...OFFER, influencerId: parties.profileId });
    expect(unavailable.status).toBe(422);
    expect(unavailable.body.error.code).toBe('OFFER_INFLUENCER_UNAVAILABLE');
  });
});

describe('tracked links and campaigns', () => {
  it('redirects with UTM parameters and counts a visitor once per day, without storing who they are', async () => {
    const parties = await offerParties(ctx);
    const campaign = (await parties.brand.post('/api/campaigns', { name: 'Winter launch', goal: 'traffic', landingUrl: 'https://shop.example.com/winter?ref=x' })).body;
    expect(campaign).toMatchObject({ name: 'Winter launch', goal: 'traffic', offerCount: 0, archived: false });
    const offer = await sendOffer(parties.brand, parties.profileId, { campaignId: campaign.id });
    const view = (await parties.brand.get(`/api/offers/${offer.id}`)).body;
    expect(view.trackedLink).toMatchObject({ clicks: 0, uniqueVisitors: 0 });
    const path = new URL(view.trackedLink.url as string).pathname;

    const first = await parties.brand.agent.get(path).set('user-agent', 'Phone A');
    expect(first.status).toBe(302);
    const target = new URL(first.headers.location as string);
    expect(target.origin + target.pathname).toBe('https://shop.example.com/winter');
    expect(Object.fromEntries(target.searchParams)).toMatchObject({ ref: 'x', utm_source: 'reachbridge', utm_medium: 'influencer', utm_campaign: 'Winter launch' });
    await parties.brand.agent.get(path).set('user-agent', 'Phone A');
    await parties.brand.agent.get(path).set('user-agent', 'Phone B');
    expect((await parties.brand.get(`/api/offers/${offer.id}`)).body.trackedLink).toMatchObject({ clicks: 3, uniqueVisitors: 2 });
    const stored = await ctx.dataSource.query<{ visitor: string }[]>(`SELECT visitor FROM link_clicks`);
    expect(stored.every((row) => /^[0-9a-f]{64}$/.test(row.visitor))).toBe(true);
    expect((await parties.brand.agent.get('/r/unknown1')).status).toBe(404);

    const listed = (await parties.brand.get('/api/campaigns')).body.items[0];
    expect(listed).toMatchObject({ offerCount: 1, committed: [{ amount: 50000, currency: 'USD' }] });
    const inbox = (await parties.brand.get(`/api/offers?campaignId=${campaign.id as string}`)).body;
    expect(inbox.items).toHaveLength(1);
  });
});

describe('reconciliation', () => {
  it('finds no difference after real flows, and reports money the provider moved that our books do not know', async () => {
    const parties = await offerParties(ctx);
    const offer = await sendOffer(parties.brand, parties.profileId);
    await parties.influencer.post(`/api/offers/${offer.id}/accept`);
    await parties.influencer.post(`/api/offers/${offer.id}/submissions`, { url: 'https://instagram.com/p/abc' });
    await parties.brand.post(`/api/offers/${offer.id}/approve`);
    const provider = (ctx.offers.money as unknown as { provider: PaymentProvider }).provider;
    expect(await reconcile(ctx.dataSource, provider)).toEqual({ offersChecked: 1, differences: [] });

    const [{ charge_id: chargeId }] = await ctx.dataSource.query<[{ charge_id: string }]>(`SELECT charge_id FROM offers WHERE id = $1`, [offer.id]);
    const [{ account_id: accountId }] = await ctx.dataSource.query<[{ account_id: string }]>(`SELECT account_id FROM payout_accounts`);
    const stray = await provider.transfer({
      money: { amount: 100, currency: 'USD' },
      destinationAccountId: accountId,
      sourceChargeId: chargeId,
      transferGroup: `offer_${offer.id}`,
      idempotencyKey: 'someone-else',
      metadata: {},
    });
    expect((await reconcile(ctx.dataSource, provider)).differences).toEqual([`offer ${offer.id}: transfer ${stray.id} (100) at the provider is not in our books`]);
  });
});

describe('admin dashboard and reputation', () => {
  it('reports offers by state and money that agrees with the ledger; reputations come from real events', async () => {
    const parties = await offerParties(ctx);
    const admin = await loggedIn(ctx, 'admin');
    const paid = await sendOffer(parties.brand, parties.profileId);
    await parties.influencer.post(`/api/offers/${paid.id}/accept`);
    await parties.influencer.post(`/api/offers/${paid.id}/submissions`, { url: 'https://instagram.com/p/abc' });
    await parties.brand.post(`/api/offers/${paid.id}/approve`);
    const refunded = await sendOffer(parties.brand, parties.profileId, { price: { amount: 20000, currency: 'USD' } });
    await parties.influencer.post(`/api/offers/${refunded.id}/accept`);
    await parties.brand.post(`/api/offers/${refunded.id}/cancel`, { reason: 'Budget cut' });
    await parties.influencer.post(`/api/offers/${refunded.id}/cancel/accept`);
    const held = await sendOffer(parties.brand, parties.profileId, { price: { amount: 30000, currency: 'USD' } });
    await parties.influencer.post(`/api/offers/${held.id}/accept`);
    await sendOffer(parties.brand, parties.profileId, { price: { amount: 1000, currency: 'EUR' } });

    const dashboard = (await admin.client.get('/api/admin/dashboard')).body;
    expect(dashboard.offersByStatus).toEqual([
      { status: 'in_progress', count: 1 },
      { status: 'refunded', count: 1 },
      { status: 'released', count: 1 },
      { status: 'sent', count: 1 },
    ]);
    expect(dashboard.money).toEqual([
      {
        currency: 'USD',
        held: await balance(ctx, LedgerAccounts.escrow(held.id)),
        released: 50000,
        refunded: await balance(ctx, LedgerAccounts.refunds),
        feesEarned: await balance(ctx, LedgerAccounts.platformFees),
        payableOutstanding: 0,
      },
    ]);
    expect(dashboard.money[0]).toMatchObject({ held: 30000, refunded: 20000, feesEarned: 7500 });
    expect(dashboard.disputes).toEqual({ open: 0, oldestOpenedAt: null });
    expect((await parties.brand.get('/api/admin/dashboard')).status).toBe(403);

    const offerView = (await parties.brand.get(`/api/offers/${paid.id}`)).body;
    expect(offerView.reputation.brand).toMatchObject({ offers: 3, paidRate: 0.5, disputes: 0 });
    expect(offerView.reputation.brand.medianApprovalHours).toBeGreaterThanOrEqual(0);
    expect(offerView.reputation.influencer).toMatchObject({ offers: 3, onTimeRate: 1, disputes: 0 });
    expect(offerView.reputation.influencer.medianResponseHours).toBeGreaterThanOrEqual(0);
    expect((await parties.brand.get(`/api/influencers/${parties.profileId}/reputation`)).body).toEqual(offerView.reputation.influencer);
  });
});

describe('the offers inbox', () => {
  it('lists each side its own offers, filters by status group and whose turn, and pages with a cursor', async () => {
    const parties = await offerParties(ctx);
    const other = await offerParties(ctx);
    const admin = await loggedIn(ctx, 'admin');
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) ids.push((await sendOffer(parties.brand, parties.profileId)).id);
    await parties.influencer.post(`/api/offers/${ids[0]!}/accept`);
    await parties.influencer.post(`/api/offers/${ids[1]!}/decline`, {});
    await sendOffer(other.brand, other.profileId);

    const first = (await parties.brand.get('/api/offers?limit=2')).body;
    expect(first.items).toHaveLength(2);
    const second = (await parties.brand.get(`/api/offers?limit=2&cursor=${first.nextCursor as string}`)).body;
    const third = (await parties.brand.get(`/api/offers?limit=2&cursor=${second.nextCursor as string}`)).body;
    expect(third.nextCursor).toBeNull();
    expect([...first.items, ...second.items, ...third.items].map((o: { id: string }) => o.id).sort()).toEqual([...ids].sort());

    expect((await parties.brand.get('/api/offers?status=finished')).body.items.map((o: { id: string }) => o.id)).toEqual([ids[1]]);
    expect((await parties.brand.get('/api/offers?status=open')).body.items).toHaveLength(4);
    // Waiting for the influencer: three still to answer and one to deliver; nothing waits for the brand.
    expect((await parties.influencer.get('/api/offers?myTurn=true')).body.items).toHaveLength(4);
    expect((await parties.brand.get('/api/offers?myTurn=true')).body.items).toHaveLength(0);
    expect((await parties.influencer.get('/api/offers?role=brand')).body.items).toEqual([]);
    expect((await admin.client.get('/api/offers')).body.items).toHaveLength(6);
    expect((await other.brand.get('/api/offers')).body.items).toHaveLength(1);
    const bad = await parties.brand.get('/api/offers?cursor=nonsense');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('cursor');
  });
});
