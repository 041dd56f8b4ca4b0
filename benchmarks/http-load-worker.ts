/**
 * The benchmarks' HTTP client, in its own process: a client in the server's own event loop would
 * bill its work and garbage to the API (clients of a deployed server run elsewhere). It uses
 * node:http over keep-alive sockets, the leanest client Node has, because it shares the cores
 * with the server: a request is timed from sending to its last byte, and the engine's time, when
 * the answer has one, is read from the Server-Timing header, so the client never parses the body.
 * Takes its job from the parent over IPC (see http-load.ts) and answers with the Run and its own
 * CPU time per request.
 */
import http from 'node:http';
import { load, type LoadOptions, type Run } from './load.js';

export interface HttpLoadJob {
  base: string;
  headers: Record<string, string>;
  /** GET paths, taken in turn. */
  paths: string[];
  /** The status every answer must have (default 200); any other counts as an error. */
  status?: number;
  options: LoadOptions;
}

export interface HttpLoadResult extends Run {
  clientCpuMsPerRequest: number;
}

const ENGINE_TIMING = /(?:^|,)\s*engine;[^,]*dur=([\d.]+)/;

process.once('message', (job: HttpLoadJob) => {
  const agent = new http.Agent({ keepAlive: true, maxSockets: job.options.concurrency });
  const get = (path: string) =>
    new Promise<number | undefined>((resolve, reject) => {
      const request = http.get(`${job.base}${path}`, { headers: job.headers, agent }, (response) => {
        response.resume();
        response.once('error', reject);
        response.once('end', () => {
          const engineMs = ENGINE_TIMING.exec(String(response.headers['server-timing'] ?? ''))?.[1];
          if (response.statusCode !== (job.status ?? 200)) reject(new Error(`HTTP ${response.statusCode}`));
          else resolve(engineMs === undefined ? undefined : Number(engineMs));
        });
      });
      request.once('error', reject);
    });
  const before = process.cpuUsage();
  void load(job.paths, job.options, get).then((run) => {
    const { user, system } = process.cpuUsage(before);
    const result: HttpLoadResult = { ...run, clientCpuMsPerRequest: (user + system) / 1000 / Math.max(1, run.latencies.length + run.errors) };
    process.send!(result, () => process.exit(0));
  });
});
