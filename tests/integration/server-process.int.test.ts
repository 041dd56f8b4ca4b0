import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The real entry point as `npm start` runs it (from source here, to skip the build): embedded
 * PostgreSQL in DATA_DIR, restart over existing data, recovery after a SIGKILL, clean SIGTERM.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

interface Running {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function startServer(env: Record<string, string>): Running {
  // node itself (not the tsx CLI, which would put a wrapper process between us and the server).
  const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=source', 'apps/api/src/main.ts'], {
    cwd: ROOT,
    // eslint-disable-next-line no-restricted-properties -- the child gets a clean environment of our choosing
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', TSX_TSCONFIG_PATH: 'apps/api/tsconfig.json', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitFor(running: Running, text: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!running.output().includes(text)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for "${text}". Output:\n${running.output()}`);
    if (running.child.exitCode !== null) throw new Error(`server exited (${running.child.exitCode}). Output:\n${running.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe('the server process', () => {
  it('starts on embedded PostgreSQL, restarts over its data, survives a SIGKILL and stops cleanly on SIGTERM', async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'reachbridge-process-'));
    cleanups.push(() => fs.rm(dataDir, { recursive: true, force: true }));
    const env = { DATA_DIR: dataDir, PORT: String(await freePort()), EMBEDDED_PG_PORT: String(await freePort()) };
    const base = `http://127.0.0.1:${env.PORT}`;

    // 1. First start: initialises the cluster, migrates, seeds, prints the URL and demo logins.
    const first = startServer(env);
    cleanups.push(() => Promise.resolve(void first.child.kill('SIGKILL')));
    await waitFor(first, 'Reachbridge is running at');
    expect(first.output()).toContain('admin@reachbridge.local');
    expect(((await (await fetch(`${base}/readyz`)).json()) as { status: string }).status).toBe('ready');

    // 2. Killed hard: the orphaned PostgreSQL keeps the data directory locked…
    first.child.kill('SIGKILL');
    await first.exited;
    expect(existsSync(path.join(dataDir, 'postgres', 'postmaster.pid'))).toBe(true);

    // …and the next start shuts it down and carries on over the same data (no second seed).
    const second = startServer(env);
    cleanups.push(() => Promise.resolve(void second.child.kill('SIGKILL')));
    await waitFor(second, 'Reachbridge is running at');
    expect(second.output()).toContain('shutting it down');
    expect(second.output()).toContain('seeded on first start');
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'brand@reachbridge.local', password: 'demo-brand-password' }),
    });
    expect(login.status).toBe(200);

    // 3. SIGTERM: HTTP closes, the database shuts down, the process exits 0 and leaves no lock.
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    expect(existsSync(path.join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
  }, 180_000);

  it('refuses to start on a bad setting and names the variable', async () => {
    const running = startServer({ PORT: 'eighty' });
    expect(await running.exited).toBe(78);
    expect(running.output()).toMatch(/PORT: /);
  }, 30_000);
});
