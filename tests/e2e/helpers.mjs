// Shared set-up for the end-to-end tests: one headless Chromium, a fresh context per test, and
// helpers that wait for what they check instead of sleeping.
import { mkdirSync, readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';

export const BASE_URL = process.env.BASE_URL ?? 'http://127.0.0.1:8080/';
export const OUTPUT = new URL('./output/', import.meta.url).pathname;
mkdirSync(OUTPUT, { recursive: true });

const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];

export async function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** A page on the app in a fresh profile, collecting errors so tests can assert there were none. */
export async function openApp(browser, { viewport = { width: 1440, height: 900 }, hash = '', init } = {}) {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  page.on('console', (m) => { if (process.env.DBG) console.log(m.type(), m.text()); if (m.type() === 'error') page.errors.push(m.text()); });
  await page.goto(BASE_URL + hash);
  await page.locator('.app-header').waitFor();
  return page;
}

/** Creates a map from the template with this slug and waits for its grid. */
export async function createFromTemplate(page, slug) {
  await page.click(`[data-template="${slug}"]`);
  await page.locator('.journey-grid').waitFor();
}

export async function stageNames(page) {
  return page.locator('.stage-head .stage-name .inline-text').evaluateAll(
    (buttons) => buttons.map((b) => b.firstChild.textContent.trim()));
}

/** Every map the app has stored, parsed, keyed by id. */
export async function storedMaps(page) {
  return page.evaluate(() => {
    const maps = {};
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (key.startsWith('journeyscope:map:')) maps[key.slice(17)] = JSON.parse(localStorage.getItem(key)).map;
    }
    return maps;
  });
}

/** Waits until autosave has written a map for which `check(map)` is true. */
export async function waitForStored(page, check) {
  await page.waitForFunction(`(() => {
    const check = ${check.toString()};
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (!key.startsWith('journeyscope:map:')) continue;
      try { if (check(JSON.parse(localStorage.getItem(key)).map)) return true; } catch (e) {}
    }
    return false;
  })()`);
}

/** Clicks and returns the download's file name and text. */
export async function downloadFrom(page, click) {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

/** Presses Tab (Shift+Tab with `back`) until the focused element matches `selector`. */
export async function tabTo(page, selector, { back = false, limit = 80 } = {}) {
  for (let i = 0; i < limit; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

export async function axeViolations(page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target.join(' ')} — ${v.help}`);
}

export async function screenshot(page, name) {
  await page.screenshot({ path: `${OUTPUT}${name}.png`, fullPage: true });
}
