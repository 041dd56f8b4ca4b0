/**
 * The benchmark's HTTP client, in its own process: a client in the server's own event loop would
 * bill its fetch, parsing and garbage to the API (clients of a deployed server run elsewhere).
 * Takes its job from the parent over IPC and answers with the Run.
 */
import { load, type LoadOptions } from './load.js';

export interface HttpLoadJob {
  base: string;
  headers: Record<string, string>;
  queries: string[];
  options: LoadOptions;
}

process.once('message', (job: HttpLoadJob) => {
  void load(job.queries, job.options, async (query) => {
    const response = await fetch(`${job.base}/api/influencers/search?${query}`, { headers: job.headers });
    if (response.status !== 200) throw new Error(String(response.status));
    return ((await response.json()) as { tookMs: number }).tookMs;
  }).then((run) => process.send!(run, () => process.exit(0)));
});
