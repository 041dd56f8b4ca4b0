import { describe, expect, it, vi } from 'vitest';
import supertest from 'supertest';
import { buildUser, DEFAULT_PASSWORD } from '../../../test/factories.js';
import { AccountsService } from '../accounts/index.js';
import { TestClient, useTestApp } from '../../../test/test-app.js';
import { countRows } from '../../../test/test-database.js';

const ctx = useTestApp({ LOGIN_MAX_FAILURES_PER_ACCOUNT: '3', LOGIN_MAX_FAILURES_PER_IP: '50' });

const signUp = { email: 'Sara@Example.test', password: 'a long enough password', role: 'influencer', displayName: 'Sara' } as const;

describe('registration', () => {
  it('creates a pending account, logs it in and returns a CSRF token', async () => {
    const client = new TestClient(ctx.app);
    const response = await client.register(signUp);
    expect(response.status).toBe(201);
    expect(response.body.user).toMatchObject({ email: 'sara@example.test', role: 'influencer', status: 'pending_review', displayName: 'Sara' });
    expect(response.body.user).not.toHaveProperty('passwordHash');
    expect(response.body.csrfToken).toEqual(expect.any(String));

    const session = await client.get('/api/auth/session').expect(200);
    expect(session.body.user.email).toBe('sara@example.test');

    const [row] = await ctx.dataSource.query(`SELECT password_hash FROM users WHERE email = 'sara@example.test'`);
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('refuses a second account with the same email, whatever its case', async () => {
    await new TestClient(ctx.app).register(signUp);
    const again = await new TestClient(ctx.app).register({ ...signUp, email: 'SARA@example.test' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('AUTH_EMAIL_TAKEN');
  });

  it('does not let anyone sign up as an admin', async () => {
    const response = await new TestClient(ctx.app).register({ ...signUp, role: 'admin' as never });
    expect(response.status).toBe(400);
    expect(response.body.error.details).toContainEqual(expect.objectContaining({ path: 'role' }));
    expect((await countRows(ctx.dataSource)).users).toBe(0);
  });
});

describe('login and logout', () => {
  it('logs in with the right password, regenerating the session id', async () => {
    const { email } = await buildUser(ctx.dataSource, { role: 'brand' });
    const client = new TestClient(ctx.app);
    const before = await client.refreshSession();
    const cookieBefore = before.headers['set-cookie']?.[0]?.split(';')[0];
    const response = await client.post('/api/auth/login', { email, password: DEFAULT_PASSWORD });
    expect(response.status).toBe(200);
    expect(response.body.user.role).toBe('brand');
    const cookieAfter = response.headers['set-cookie']?.[0]?.split(';')[0];
    expect(cookieAfter).toBeDefined();
    expect(cookieAfter).not.toBe(cookieBefore);
  });

  it('gives a wrong password and an unknown email the same answer', async () => {
    const { email } = await buildUser(ctx.dataSource);
    const wrongPassword = await new TestClient(ctx.app).login(email, 'not the password');
    const unknownEmail = await new TestClient(ctx.app).login('nobody@example.test', 'not the password');
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    const strip = (body: { error: { requestId: string } }) => ({ ...body.error, requestId: undefined });
    expect(strip(wrongPassword.body)).toEqual(strip(unknownEmail.body));
    expect(wrongPassword.body.error.code).toBe('AUTH_INVALID_CREDENTIALS');
  });

  it('logs out: the session no longer has a user', async () => {
    const { email } = await buildUser(ctx.dataSource);
    const client = new TestClient(ctx.app);
    await client.login(email, DEFAULT_PASSWORD);
    expect((await client.post('/api/auth/logout')).status).toBe(204);
    const session = await client.get('/api/auth/session').expect(200);
    expect(session.body.user).toBeNull();
  });

  it('refuses a suspended account at login and ends its existing sessions', async () => {
    const { user, email } = await buildUser(ctx.dataSource);
    const client = new TestClient(ctx.app);
    await client.login(email, DEFAULT_PASSWORD);
    await ctx.dataSource.query(`UPDATE users SET status = 'suspended' WHERE id = $1`, [user.id]);

    expect((await client.get('/api/auth/session')).body.user).toBeNull();
    const again = await new TestClient(ctx.app).login(email, DEFAULT_PASSWORD);
    expect(again.status).toBe(403);
    expect(again.body.error.code).toBe('AUTH_ACCOUNT_SUSPENDED');
    // A wrong password does not reveal the suspension.
    expect((await new TestClient(ctx.app).login(email, 'wrong password!')).body.error.code).toBe('AUTH_INVALID_CREDENTIALS');
  });
});

describe('session requests', () => {
  it('read the account with the session, not in a second query, and see its current status', async () => {
    const { user, email } = await buildUser(ctx.dataSource, { role: 'brand', status: 'active' });
    const client = new TestClient(ctx.app);
    await client.login(email, DEFAULT_PASSWORD);
    const findById = vi.spyOn(AccountsService.prototype, 'findById');
    try {
      expect((await client.get('/api/influencers/search?limit=1')).status).toBe(200);
      expect(findById).not.toHaveBeenCalled();
      await ctx.dataSource.query(`UPDATE users SET status = 'suspended' WHERE id = $1`, [user.id]);
      expect((await client.get('/api/influencers/search?limit=1')).status).toBe(401);
      expect(findById).not.toHaveBeenCalled();
    } finally {
      findById.mockRestore();
    }
  });

  it('are anonymous once the account is gone', async () => {
    const { user, email } = await buildUser(ctx.dataSource);
    const client = new TestClient(ctx.app);
    await client.login(email, DEFAULT_PASSWORD);
    await ctx.dataSource.query(`DELETE FROM users WHERE id = $1`, [user.id]);
    expect((await client.get('/api/auth/session').expect(200)).body.user).toBeNull();
    expect((await client.get('/api/influencers/search')).status).toBe(401);
  });
});

describe('login throttling', () => {
  it('answers 429 with Retry-After once an account has too many failures, even for the right password', async () => {
    const { email } = await buildUser(ctx.dataSource);
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect((await new TestClient(ctx.app).login(email, 'wrong password!')).status).toBe(401);
    }
    const blocked = await new TestClient(ctx.app).login(email, DEFAULT_PASSWORD);
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('RATE_LIMITED');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('clears the count after a successful login', async () => {
    const { email } = await buildUser(ctx.dataSource);
    for (let attempt = 0; attempt < 2; attempt += 1) await new TestClient(ctx.app).login(email, 'wrong password!');
    expect((await new TestClient(ctx.app).login(email, DEFAULT_PASSWORD)).status).toBe(200);
    for (let attempt = 0; attempt < 2; attempt += 1) await new TestClient(ctx.app).login(email, 'wrong password!');
    expect((await new TestClient(ctx.app).login(email, DEFAULT_PASSWORD)).status).toBe(200);
  });
});

describe('CSRF', () => {
  it('refuses a state-changing session request without the token, and changes nothing', async () => {
    const { email } = await buildUser(ctx.dataSource);
    const client = new TestClient(ctx.app);
    await client.login(email, DEFAULT_PASSWORD);
    const before = await countRows(ctx.dataSource);
    const missing = await client.agent.post('/api/auth/tokens').send({ name: 'ci' });
    const wrong = await client.agent.post('/api/auth/tokens').set('x-csrf-token', 'forged').send({ name: 'ci' });
    for (const response of [missing, wrong]) {
      expect(response.status).toBe(403);
      expect(response.body.error.code).toBe('CSRF_TOKEN_INVALID');
    }
    expect(await countRows(ctx.dataSource)).toEqual(before);
    expect((await client.post('/api/auth/tokens', { name: 'ci' })).status).toBe(201);
  });
});

describe('personal API tokens', () => {
  it('creates a token shown once, authenticates bearer requests without CSRF, and stops working when revoked', async () => {
    const { email } = await buildUser(ctx.dataSource, { role: 'influencer' });
    const client = new TestClient(ctx.app);
    await client.login(email, DEFAULT_PASSWORD);
    const created = await client.post('/api/auth/tokens', { name: 'analytics export' });
    expect(created.status).toBe(201);
    const { token, id, prefix } = created.body as { token: string; id: string; prefix: string };
    expect(token.startsWith(prefix)).toBe(true);

    const [stored] = await ctx.dataSource.query(`SELECT token_hash FROM api_tokens WHERE id = $1`, [id]);
    expect(stored.token_hash).not.toContain(token);

    const bearer = supertest(ctx.app);
    const session = await bearer.get('/api/auth/session').set('Authorization', `Bearer ${token}`).expect(200);
    expect(session.body.user.email).toBe(email);
    // No cookie, no CSRF token: bearer requests may still change state.
    expect((await bearer.post('/api/auth/tokens').set('Authorization', `Bearer ${token}`).send({ name: 'second' })).status).toBe(201);

    const list = await client.get('/api/auth/tokens').expect(200);
    expect(list.body.items.map((item: { name: string }) => item.name).sort()).toEqual(['analytics export', 'second']);
    expect(list.body.items[0]).not.toHaveProperty('token');

    expect((await client.delete(`/api/auth/tokens/${id}`)).status).toBe(204);
    const revoked = await bearer.get('/api/auth/tokens').set('Authorization', `Bearer ${token}`);
    expect(revoked.status).toBe(401);
    expect(revoked.body.error.code).toBe('UNAUTHENTICATED');
  });

  it("cannot revoke someone else's token", async () => {
    const owner = await buildUser(ctx.dataSource);
    const other = await buildUser(ctx.dataSource);
    const ownerClient = new TestClient(ctx.app);
    await ownerClient.login(owner.email, DEFAULT_PASSWORD);
    const { id } = (await ownerClient.post('/api/auth/tokens', { name: 'mine' })).body as { id: string };

    const otherClient = new TestClient(ctx.app);
    await otherClient.login(other.email, DEFAULT_PASSWORD);
    const attempt = await otherClient.delete(`/api/auth/tokens/${id}`);
    expect(attempt.status).toBe(404);
    expect(attempt.body.error.code).toBe('AUTH_TOKEN_NOT_FOUND');
    expect((await ownerClient.get('/api/auth/tokens')).body.items).toHaveLength(1);
  });

  it('rejects an unknown bearer token instead of treating the request as anonymous', async () => {
    const response = await supertest(ctx.app).get('/api/auth/session').set('Authorization', 'Bearer rb_nope');
    expect(response.status).toBe(401);
  });
});
