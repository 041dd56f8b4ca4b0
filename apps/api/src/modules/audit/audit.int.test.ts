import { describe, expect, it } from 'vitest';
import { buildUser, DEFAULT_PASSWORD } from '../../../test/factories.js';
import { TestClient, useTestApp } from '../../../test/test-app.js';
import { countRows } from '../../../test/test-database.js';
import { recordAudit } from './index.js';

const ctx = useTestApp();

async function admin() {
  const { user, email } = await buildUser(ctx.dataSource, { role: 'admin' });
  const client = new TestClient(ctx.app);
  await client.login(email, DEFAULT_PASSWORD);
  return { client, user };
}

describe('audit log', () => {
  it('is append-only in the database: UPDATE, DELETE and TRUNCATE fail', async () => {
    await ctx.dataSource.transaction((manager) =>
      recordAudit(manager, { actorId: null, actorRole: 'system', action: 'money.transfer.succeeded', targetType: 'offer', targetId: 'o-1' }),
    );
    await expect(ctx.dataSource.query(`UPDATE audit_log SET reason = 'changed'`)).rejects.toThrow(/append-only: UPDATE/);
    await expect(ctx.dataSource.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only: DELETE/);
    await expect(ctx.dataSource.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only: TRUNCATE/);
    const [{ count }] = await ctx.dataSource.query<[{ count: number }]>(`SELECT count(*)::int AS count FROM audit_log`);
    expect(count).toBe(1);
  });

  it('rolls back with the transaction it was written in', async () => {
    await expect(
      ctx.dataSource.transaction(async (manager) => {
        await recordAudit(manager, { actorId: null, actorRole: 'system', action: 'money.hold', targetType: 'offer', targetId: 'o-2' });
        throw new Error('the money movement failed');
      }),
    ).rejects.toThrow('the money movement failed');
    expect((await countRows(ctx.dataSource)).audit_log).toBe(0);
  });

  it('lists newest first with filters and a keyset cursor; bad filters name the parameter', async () => {
    const { client, user } = await admin();
    const times = ['2026-01-01T10:00:00Z', '2026-01-02T10:00:00Z', '2026-01-03T10:00:00Z', '2026-01-04T10:00:00Z'];
    for (const [index, at] of times.entries()) {
      await ctx.dataSource.query(
        `INSERT INTO audit_log (occurred_at, actor_id, actor_role, action, target_type, target_id, details) VALUES ($1, $2, $3, $4, 'account', $5, '{}')`,
        [at, index % 2 ? user.id : null, index % 2 ? 'admin' : 'system', index < 2 ? 'account.approve' : 'money.refund', `t-${index}`],
      );
    }
    const all = await client.get('/api/admin/audit-log?limit=3').expect(200);
    expect(all.body.items.map((item: { targetId: string }) => item.targetId)).toEqual(['t-3', 't-2', 't-1']);
    expect(all.body.items[0].actor).toEqual({ id: user.id, role: 'admin', displayName: 'Test admin', email: user.email });
    const next = await client.get(`/api/admin/audit-log?limit=3&cursor=${all.body.nextCursor}`).expect(200);
    expect(next.body.items.map((item: { targetId: string }) => item.targetId)).toEqual(['t-0']);
    expect(next.body.nextCursor).toBeNull();

    const byActor = await client.get(`/api/admin/audit-log?actor=${user.id}`).expect(200);
    expect(byActor.body.items.map((item: { targetId: string }) => item.targetId)).toEqual(['t-3', 't-1']);
    const byAction = await client.get('/api/admin/audit-log?action=account.*').expect(200);
    expect(byAction.body.items.map((item: { targetId: string }) => item.targetId)).toEqual(['t-1', 't-0']);
    const exact = await client.get('/api/admin/audit-log?action=money.refund&targetType=account&targetId=t-2').expect(200);
    expect(exact.body.items).toHaveLength(1);
    const window = await client.get('/api/admin/audit-log?from=2026-01-02T00:00:00Z&to=2026-01-03T12:00:00Z').expect(200);
    expect(window.body.items.map((item: { targetId: string }) => item.targetId)).toEqual(['t-2', 't-1']);

    for (const [query, path] of [
      ['actor=someone', 'query.actor'],
      ['from=yesterday', 'query.from'],
      ['from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z', 'query.to'],
      ['limit=0', 'query.limit'],
      ['cursor=bm9wZQ', 'query.cursor'],
      ['action=DROP TABLE', 'query.action'],
      ['colour=red', 'query.colour'],
    ] as const) {
      const bad = await client.get(`/api/admin/audit-log?${query}`);
      expect(bad.status, query).toBe(400);
      expect(bad.body.error.details.map((detail: { path: string }) => detail.path), query).toContain(path);
    }
  });

  it('is for admins only', async () => {
    expect((await new TestClient(ctx.app).get('/api/admin/audit-log')).status).toBe(401);
    const { email } = await buildUser(ctx.dataSource, { role: 'brand', status: 'active' });
    const brand = new TestClient(ctx.app);
    await brand.login(email, DEFAULT_PASSWORD);
    expect((await brand.get('/api/admin/audit-log')).status).toBe(403);
  });
});
