/**
 * npm run bench:offers -- [--offers N] [--concurrency C] [--data-dir DIR] [--write]
 *
 * Drives N offers through their whole lifecycle at concurrency C over the HTTP API, as the brands
 * and influencers would (the simulated payment provider; embedded PostgreSQL in DIR, default
 * .data/bench-offers, or DATABASE_URL). The mix: 70 % send → accept → submit → approve (released),
 * 10 % with a revision round, 10 % declined, 10 % cancelled by agreement (refunded). Reports
 * transitions per second and latency per action, then checks the ledger's invariants and
 * reconciles it with the provider; any violation fails the run. --write appends the table to
 * docs/benchmarks.md.
 */
import { appendFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ZInfluencerProfileInput } from '@reachbridge/contracts';
import { AccountsService } from '../apps/api/src/modules/accounts/index.js';
import { InfluencersService } from '../apps/api/src/modules/influencers/index.js';
import { LedgerRepository } from '../apps/api/src/modules/ledger/index.js';
import { reconcile } from '../apps/api/src/modules/offers/index.js';
import { createPaymentProvider } from '../apps/api/src/modules/payments/index.js';
import { openBench, PROXIED, serveApi } from './bench-api.js';
import { percentile } from './load.js';

const { values: args } = parseArgs({
  options: {
    offers: { type: 'string', default: '400' },
    concurrency: { type: 'string', default: '8' },
    'data-dir': { type: 'string', default: '.data/bench-offers' },
    write: { type: 'boolean', default: false },
  },
});
const offerCount = Number(args.offers);
const concurrency = Number(args.concurrency);
const ROOT = path.resolve(import.meta.dirname, '..');
const PARTIES = 16;
const PASSWORD = 'bench-party-password';


/** A logged-in HTTP client with the session cookie and CSRF token, like the web client. */
async function session(base: string, email: string) {
  const proxied = { ...PROXIED, 'content-type': 'application/json' };
  let cookie = '';
  let csrf = '';
  const call = async (method: string, url: string, body?: unknown) => {
    const response = await fetch(`${base}${url}`, {
      method,
      headers: { ...proxied, cookie, 'x-csrf-token': csrf },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const setCookie = response.headers.getSetCookie();
    if (setCookie.length > 0) cookie = setCookie.map((c) => c.split(';')[0]).join('; ');
    const json = (await response.json().catch(() => null)) as Record<string, unknown> | null;
    if (json && typeof json.csrfToken === 'string') csrf = json.csrfToken;
    return { status: response.status, body: json };
  };
  await call('GET', '/api/auth/session');
  const login = await call('POST', '/api/auth/login', { email, password: PASSWORD });
  if (login.status !== 200) throw new Error(`login ${email}: ${login.status}`);
  return call;
}

type Call = Awaited<ReturnType<typeof session>>;
const timings = new Map<string, number[]>();
let transitions = 0;

async function step(name: string, call: Call, method: string, url: string, expected: string, body?: unknown) {
  const started = performance.now();
  const response = await call(method, url, body ?? {});
  const elapsed = performance.now() - started;
  const status = (response.body as { status?: string } | null)?.status;
  if (response.status >= 300 || (expected && status !== expected)) throw new Error(`${name} ${url}: ${response.status} ${JSON.stringify(response.body)}`);
  timings.set(name, [...(timings.get(name) ?? []), elapsed]);
  transitions += 1;
  return response.body as { id: string };
}

async function lifecycle(index: number, brand: Call, influencer: Call, profileId: string) {
  const kind = index % 10;
  const offer = await step('send (hold)', brand, 'POST', '/api/offers', 'sent', {
    influencerId: profileId,
    deliverables: [{ platform: 'instagram', type: 'post' }],
    price: { amount: 10_000 + (index % 50) * 1_000, currency: 'USD' },
  });
  const url = (action: string) => `/api/offers/${offer.id}/${action}`;
  if (kind === 7) return step('decline (void)', influencer, 'POST', url('decline'), 'declined');
  await step('accept (capture)', influencer, 'POST', url('accept'), 'in_progress');
  if (kind === 8) {
    await step('cancel request', brand, 'POST', url('cancel'), 'cancellation_requested', { reason: 'Budget moved' });
    return step('cancel accept (refund)', influencer, 'POST', url('cancel/accept'), 'refunded');
  }
  await step('submit', influencer, 'POST', url('submissions'), 'submitted', { url: `https://instagram.com/p/bench${index}` });
  if (kind === 9) {
    await step('request revision', brand, 'POST', url('request-revision'), 'revision_requested', { feedback: 'Show the logo' });
    await step('submit', influencer, 'POST', url('submissions'), 'submitted', { url: `https://instagram.com/p/bench${index}b` });
  }
  return step('approve (settle + transfer)', brand, 'POST', url('approve'), 'released');
}

async function main() {
  const { config, logger, dataSource, close } = await openBench(args['data-dir'], { EMBEDDED_PG_PORT: '54399' });
  try {
    const api = await serveApi({ config, logger, dataSource });
    const { base } = api;

    // Parties: active brands and influencers with approved profiles and payout accounts.
    const run = Date.now().toString(36);
    const accounts = new AccountsService(dataSource);
    const influencers = new InfluencersService(dataSource);
    const pairs: { brand: Call; influencer: Call; profileId: string }[] = [];
    for (let i = 0; i < PARTIES; i += 1) {
      const brandEmail = `bench-brand-${run}-${i}@bench.local`;
      const influencerEmail = `bench-influencer-${run}-${i}@bench.local`;
      await accounts.createAccount({ email: brandEmail, password: PASSWORD, role: 'brand', displayName: `Bench Brand ${i}` }, { status: 'active' });
      const user = await accounts.createAccount({ email: influencerEmail, password: PASSWORD, role: 'influencer', displayName: `Bench Creator ${i}` }, { status: 'active' });
      const profile = ZInfluencerProfileInput.parse({
        displayName: `Bench Creator ${i}`,
        bio: 'benchmark',
        niches: ['food'],
        country: 'DE',
        languages: ['en'],
        socialAccounts: [{ platform: 'instagram', handle: `bench.${run}.${i}`, url: `https://instagram.com/bench.${run}.${i}`, followers: 10_000 + i }],
        rates: [],
      });
      await dataSource.transaction((manager) => influencers.writeProfile(manager, user.id, profile, { reviewStatus: 'approved' }));
      const [{ id: profileId }] = await dataSource.query<[{ id: string }]>(`SELECT id FROM influencer_profiles WHERE user_id = $1`, [user.id]);
      const influencer = await session(base, influencerEmail);
      await influencer('POST', '/api/payments/connect/onboarding', {});
      pairs.push({ brand: await session(base, brandEmail), influencer, profileId });
    }

    const loadAverage = os.loadavg().map((n) => n.toFixed(2)).join(', ');
    let next = 0;
    let failures = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < offerCount) {
          const index = next++;
          const pair = pairs[index % pairs.length]!;
          try {
            await lifecycle(index, pair.brand, pair.influencer, pair.profileId);
          } catch (error) {
            failures += 1;
            console.error(String(error));
          }
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    api.close();

    const violations = await new LedgerRepository().invariantViolations(dataSource.manager);
    const report = await reconcile(dataSource, createPaymentProvider(config, dataSource, () => new Date()).provider);
    const rows = [...timings.entries()].map(([name, values]) => {
      const sorted = [...values].sort((a, b) => a - b);
      return `| ${name} | ${sorted.length} | ${percentile(sorted, 50).toFixed(1)} | ${percentile(sorted, 95).toFixed(1)} | ${percentile(sorted, 99).toFixed(1)} |`;
    });
    const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
    const table = [
      `### Offers, ${offerCount} lifecycles, concurrency ${concurrency} (${new Date().toISOString().slice(0, 10)})`,
      '',
      `Machine: ${machine}. Provider: simulated (recorded in PostgreSQL, ${config.database.kind}). Command: \`npm run bench:offers -- --offers ${offerCount} --concurrency ${concurrency}\`. Load average at the start: ${loadAverage}.`,
      '',
      `${transitions} transitions in ${seconds.toFixed(1)} s: **${(transitions / seconds).toFixed(1)} transitions/s**, ${(offerCount / seconds).toFixed(1)} offers/s; ${failures} lifecycle(s) failed.`,
      '',
      '| action (HTTP, money included) | count | p50 ms | p95 ms | p99 ms |',
      '|---|---:|---:|---:|---:|',
      ...rows,
      '',
      `Ledger invariants after the run: ${violations.length === 0 ? 'all hold (every transaction balances, cached balances equal their entries, no money left held on a finished offer)' : violations.join('; ')}. ` +
        `Reconciliation with the provider: ${report.offersChecked} offers, ${report.differences.length} difference(s).`,
      '',
    ].join('\n');
    console.log(`\n${table}`);
    if (args.write) await appendFile(path.join(ROOT, 'docs/benchmarks.md'), `\n${table}`);
    if (failures > 0 || violations.length > 0 || report.differences.length > 0) process.exitCode = 1;
  } finally {
    await close();
  }
}

await main();
