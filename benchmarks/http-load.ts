import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { HttpLoadJob, HttpLoadResult } from './http-load-worker.js';

export type { HttpLoadJob, HttpLoadResult };

/** Runs an HTTP load from a client in its own process (http-load-worker.ts). */
export function runHttpLoad(job: HttpLoadJob): Promise<HttpLoadResult> {
  const client = fork(fileURLToPath(new URL('./http-load-worker.ts', import.meta.url)), [], { execArgv: ['--import', 'tsx'], serialization: 'advanced' });
  return new Promise<HttpLoadResult>((resolve, reject) => {
    client.once('message', (run) => resolve(run as HttpLoadResult));
    client.once('error', reject);
    client.once('exit', (code) => code !== 0 && reject(new Error(`the HTTP client exited with ${code}`)));
    client.send(job);
  });
}
