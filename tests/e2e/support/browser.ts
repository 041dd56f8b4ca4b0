import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { startTestServer, type TestServer } from './server.js';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const SCREENSHOT_DIR = '/tmp/web-shots';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** Expected noise: the browser logs every 4xx answer, and some tests provoke them on purpose. */
const EXPECTED_CONSOLE_ERROR = /^Failed to load resource: the server responded with a status of 4\d\d/;

export interface PageProblems {
  cspViolations: string[];
  pageErrors: string[];
  consoleErrors: string[];
}

/** Records what must never happen on a page: CSP violations, uncaught errors, unexpected console errors. */
export function watchPage(page: Page): PageProblems {
  const problems: PageProblems = { cspViolations: [], pageErrors: [], consoleErrors: [] };
  page.on('pageerror', (error) => problems.pageErrors.push(error.stack ?? error.message));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    if (/Content Security Policy/i.test(text)) problems.cspViolations.push(text);
    else if (!EXPECTED_CONSOLE_ERROR.test(text)) problems.consoleErrors.push(text);
  });
  return problems;
}

/** Also catches violations the console might not show (reported through the DOM event). */
const CSP_LISTENER = `
  document.addEventListener('securitypolicyviolation', (event) => {
    console.error('Content Security Policy violation: ' + event.violatedDirective + ' blocked ' + event.blockedURI);
  });
`;

export interface E2eContext {
  readonly server: TestServer;
  readonly browser: Browser;
  /** A fresh browser context (own cookies and storage) and page, watched for problems. */
  newPage(options?: BrowserContextOptions): Promise<Page>;
}

/**
 * Per test file: the app on a fresh database and one Chromium. Per test: new contexts, closed
 * afterwards, and the test fails when any page hit a CSP violation or an uncaught error.
 */
export function useE2e(): E2eContext {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  const open: { context: BrowserContext; problems: PageProblems }[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  });

  afterEach(async () => {
    const problems = open.map((entry) => entry.problems);
    await Promise.all(open.map((entry) => entry.context.close()));
    open.length = 0;
    for (const found of problems) {
      expect(found.cspViolations, 'CSP violations').toEqual([]);
      expect(found.pageErrors, 'uncaught page errors').toEqual([]);
      expect(found.consoleErrors, 'console errors').toEqual([]);
    }
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  return {
    get server() {
      if (!server) throw new Error('the e2e server is not started yet');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('the browser is not launched yet');
      return browser;
    },
    async newPage(options: BrowserContextOptions = {}) {
      if (!server || !browser) throw new Error('useE2e(): not ready');
      const context = await browser.newContext({
        baseURL: server.baseUrl,
        locale: 'en-US',
        viewport: { width: 1280, height: 860 },
        ...options,
      });
      context.setDefaultTimeout(10_000);
      await context.addInitScript({ content: CSP_LISTENER });
      const page = await context.newPage();
      open.push({ context, problems: watchPage(page) });
      return page;
    },
  };
}

/** Saves a full-page screenshot to /tmp/web-shots, or another directory (never into the repository). */
export async function screenshot(page: Page, name: string, options: { dir?: string; fullPage?: boolean } = {}): Promise<string> {
  const dir = options.dir ?? SCREENSHOT_DIR;
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: options.fullPage ?? true });
  return file;
}

let counter = 0;
/** A unique email per call, so tests never collide. */
export function uniqueEmail(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}@example.com`;
}
