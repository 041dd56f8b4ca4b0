import { execFileSync } from 'node:child_process';

/** The e2e suite drives the real built client: build it once before the run. */
export default function buildWeb() {
  execFileSync('npm', ['run', 'build', '-w', '@reachbridge/web'], { stdio: 'inherit' });
}
