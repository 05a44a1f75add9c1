// Launches the system Chromium through playwright-core for the browser tests, and collects
// console errors, uncaught exceptions, CSP violations and failed requests from every page.

import { chromium } from 'playwright-core';

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 800 };

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--no-first-run'],
  });
}

// Opens a page in a fresh context. `problems` lists everything that went wrong on it:
// console errors (CSP violations are reported there too), page errors and HTTP errors other than
// the ones a test provokes on purpose (pass `allowStatus` for those).
export async function openPage(browser, {
  viewport = DESKTOP, colorScheme = 'light', bypassCSP = false, allowStatus = [],
} = {}) {
  const context = await browser.newContext({ viewport, colorScheme, bypassCSP, reducedMotion: 'reduce' });
  context.setDefaultTimeout(10000);
  const page = await context.newPage();
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('response', (response) => {
    const status = response.status();
    if (status >= 400 && !allowStatus.includes(status)) problems.push(`HTTP ${status}: ${response.url()}`);
  });
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations.push(`${event.violatedDirective}: ${event.blockedURI}`);
    });
  });
  return { context, page, problems };
}

// Everything that went wrong on `page`, CSP violations included.
export async function pageProblems(page, problems) {
  const violations = await page.evaluate(() => window.__cspViolations || []).catch(() => []);
  return [...problems, ...violations.map((v) => `CSP violation: ${v}`)];
}

// Polls `read` until `check(value)` holds; returns the last value. For state that is not a
// single selector (counts, URLs, text).
export async function until(read, check, { timeout = 10000, interval = 50, message = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  let value;
  for (;;) {
    value = await read();
    if (check(value)) return value;
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${message}; last value: ${JSON.stringify(value)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}
