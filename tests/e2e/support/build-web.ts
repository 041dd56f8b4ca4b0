import { execFileSync } from 'node:child_process';

/**
 * The e2e suite drives the real built client: build it once before the run. As production: vitest
 * sets NODE_ENV=test, which Vite would otherwise keep, shipping React's development build.
 */
export default function buildWeb() {
  // eslint-disable-next-line no-restricted-properties -- the child build gets the parent's environment, with NODE_ENV fixed
  execFileSync('npm', ['run', 'build', '-w', '@reachbridge/web'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
}
