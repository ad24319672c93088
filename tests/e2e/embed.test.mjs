import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  BASE_URL, createFromTemplate, downloadFrom, importFile, launch, openApp, OUTPUT, recordCspViolations, storedMaps,
  waitForStored,
} from './helpers.mjs';
import { serve } from './static-server.mjs';

const DIST = process.env.DIST_DIR ?? new URL('../../dist/', import.meta.url).pathname;

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

/** A fresh context that records CSP violations and errors in every frame. */
async function visitor({ viewport = { width: 1280, height: 900 } } = {}) {
  const context = await browser.newContext({ viewport });
  await context.addInitScript(recordCspViolations);
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') page.errors.push(m.text()); });
  return page;
}

const violations = async (page) => (await Promise.all(
  page.frames().map((frame) => frame.evaluate(() => window.cspViolations ?? []).catch(() => [])),
)).flat();

const MEASURED = readFileSync(new URL('../../crates/journey-core/tests/fixtures/schema-v2.json', import.meta.url), 'utf8');

/** The share dialog's embed code and the map file, for a measured map with answers. */
async function embedCode() {
  const page = await openApp(browser);
  await importFile(page, 'measured.journey.json', MEASURED);
  await page.getByRole('button', { name: 'Open Online clothing purchase' }).click();
  const file = await downloadFrom(page, () => page.getByRole('button', { name: 'Export JSON' }).click());
  await page.getByRole('button', { name: 'Share…' }).click();
  const frame = await page.getByLabel('Frame embed code').inputValue();
  const element = await page.getByLabel('Element embed code').inputValue();
  await page.context().close();
  return { frame, element, file: file.text };
}

test('a marketing page under a strict CSP embeds a map by frame and by <journey-map>, themed by the host', async () => {
  const { frame, element, file } = await embedCode();
  const app = new URL(BASE_URL).origin;
  const policy = `default-src 'none'; script-src ${app}; frame-src ${app}; connect-src 'self'; style-src 'self'`;
  const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Acme: how we fixed checkout</title>
<link rel="stylesheet" href="/site.css"></head>
<body><main>
<h1>How Acme fixed checkout</h1>
<p>Our customer journey, as we mapped it:</p>
${frame}
<h2>The same map, as an element</h2>
${element.replace(/src="\/path\/to\/[^"]+"/, 'src="/maps/checkout.journey.json"')}
<h2>Inline, in the dark</h2>
<journey-map theme="dark" title="Inline map"><script type="application/json">${file}</script></journey-map>
<h2>Refused</h2>
<journey-map id="no-file" src="/maps/missing.journey.json"></journey-map>
<journey-map id="bad-app" app="javascript:alert(1)" src="/maps/checkout.journey.json"></journey-map>
</main></body></html>`;
  const site = await serve({
    routes: {
      '/': ['text/html; charset=utf-8', page],
      '/site.css': ['text/css', 'body { font-family: Georgia, serif; margin: 2rem; } journey-map { display: block; margin: 1rem 0; --journey-accent: #aa3300; --journey-radius: 2px; }'],
      '/maps/checkout.journey.json': ['application/json', file],
    },
    headers: { '/': { 'content-security-policy': policy } },
  });
  try {
    const visit = await visitor();
    await visit.goto(`${site.url}/`);
    const framed = visit.frameLocator('main > iframe');
    await framed.getByRole('heading', { name: 'Online clothing purchase' }).waitFor();
    await framed.getByText('Sponsored post in a social feed').waitFor();
    await framed.locator('.journey-score', { hasText: 'Journey score' }).getByText('68.5').waitFor();
    assert.equal(await framed.getByRole('button', { name: /^Edit/ }).count(), 0);

    const [byFile, inline] = [visit.locator('journey-map').nth(0), visit.locator('journey-map').nth(1)];
    const fileFrame = byFile.locator('iframe').contentFrame();
    await fileFrame.getByRole('heading', { name: 'Online clothing purchase' }).waitFor();
    await fileFrame.locator('.curve-cell svg').waitFor();
    const accent = await fileFrame.locator('html').evaluate((html) => getComputedStyle(html).getPropertyValue('--accent').trim());
    assert.equal(accent, '#aa3300', 'the host page\'s custom property reaches the map');
    const inlineFrame = inline.locator('iframe').contentFrame();
    await inlineFrame.getByRole('heading', { name: 'Online clothing purchase' }).waitFor();
    assert.equal(await inlineFrame.locator('html').getAttribute('data-theme'), 'dark');
    // The frame reports its height and the element takes it, so nothing is cut off.
    const height = await byFile.locator('iframe').evaluate((f) => new Promise((resolve) => {
      const check = () => (f.height !== '480' ? resolve(Number(f.height)) : setTimeout(check, 20));
      check();
    }));
    assert.ok(height > 480, `frame height ${height}`);

    assert.match(await visit.locator('#no-file p[role=alert]').textContent(), /could not be shown: \/maps\/missing\.journey\.json answered 404/);
    assert.match(await visit.locator('#bad-app p[role=alert]').textContent(), /could not be shown: its app address must start with http: or https:/);
    await visit.screenshot({ path: `${OUTPUT}marketing-page.png`, fullPage: true });
    await inline.screenshot({ path: `${OUTPUT}marketing-page-dark-element.png` });
    assert.deepEqual(await violations(visit), []);
    // The one error is the missing file the page asks for on purpose.
    assert.deepEqual(visit.errors.filter((e) => !e.includes('status of 404')), []);
    await visit.context().close();

    const phone = await visitor({ viewport: { width: 320, height: 640 } });
    await phone.goto(`${site.url}/`);
    const small = phone.frameLocator('main > iframe');
    await small.getByRole('heading', { name: 'Online clothing purchase' }).waitFor();
    const overflow = await small.locator('html').evaluate((html) => html.scrollWidth - html.clientWidth);
    assert.equal(overflow, 0, 'at 320 px the page does not scroll sideways; the grid scrolls in its box');
    await phone.screenshot({ path: `${OUTPUT}marketing-page-phone.png`, fullPage: true });
    await phone.context().close();
  } finally {
    await site.close();
  }
});

test('under a sub-path the app works, keeps working offline, and takes a new release on the next visit', async () => {
  const root = mkdtempSync(join(tmpdir(), 'journeyscope-'));
  cpSync(DIST, root, { recursive: true });
  const site = await serve({ mounts: { '/tools/journeyscope/': root } });
  try {
    const page = await visitor();
    await page.goto(`${site.url}/tools/journeyscope/`);
    await createFromTemplate(page, 'service');
    await waitForStored(page, () => true);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload();
    assert.ok(await page.evaluate(() => navigator.serviceWorker.controller !== null), 'the worker controls the page');

    await page.context().setOffline(true);
    await page.goto(`${site.url}/tools/journeyscope/#/`);
    await page.reload();
    await page.getByRole('button', { name: 'Open Consultancy client journey' }).click();
    await page.locator('.journey-grid').waitFor();
    // The screens module, never opened online, comes from the worker's cache too.
    await page.getByRole('button', { name: 'Versions', exact: true }).click();
    await page.getByRole('heading', { name: 'Versions', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Back to the map' }).click();
    await page.context().setOffline(false);

    const index = join(root, 'index.html');
    writeFileSync(index, readFileSync(index, 'utf8').replace('kept in your own browser.', 'kept in your own browser, now faster.'));
    const description = () => page.locator('meta[name="description"]').getAttribute('content');
    await page.reload();
    assert.match(await description(), /now faster/, 'a new release is used on the next visit');
    assert.equal(Object.keys(await storedMaps(page)).length, 1, 'and the maps are still there');
    await page.context().setOffline(true);
    await page.reload();
    assert.match(await description(), /now faster/, 'and it is what is kept for offline use');
    await page.getByRole('heading', { name: 'Consultancy client journey' }).waitFor();
    await page.screenshot({ path: `${OUTPUT}offline.png` });
    assert.deepEqual(page.errors.filter((e) => !e.includes('ERR_INTERNET_DISCONNECTED')), []);
    await page.context().close();
  } finally {
    await site.close();
    rmSync(root, { recursive: true, force: true });
  }
});
