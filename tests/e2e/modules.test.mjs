import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createFromTemplate, downloadFrom, importFile, launch, mapWithPeriods, openApp, storedMaps, waitForStored } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

/** The app's wasm files this page asked for, in order, with how: `fetch` to run, `other` to prefetch. */
function wasmRequests(page) {
  const seen = [];
  page.on('request', (r) => {
    const name = new URL(r.url()).pathname.split('/').pop();
    const module = name.match(/^journeyscope-(library|embed)-/)?.[1] ?? 'full';
    if (name.endsWith('.wasm')) seen.push(`${module} ${r.resourceType()}`);
  });
  return seen;
}

test('the library runs the library module; opening a map starts the full app in the same page', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const seen = wasmRequests(page);
  await page.goto(process.env.BASE_URL ?? 'http://127.0.0.1:8080/');
  await page.locator('section.library').first().waitFor();
  assert.equal(seen[0], 'library fetch');
  assert.ok(!seen.includes('full fetch'), seen.join(', '));

  await createFromTemplate(page, 'four-stage');
  assert.ok(seen.includes('full fetch'), seen.join(', '));
  assert.equal(await page.locator('section.library').count(), 0);
  await waitForStored(page, (map) => map.stages.length === 4);
  // The full app owns the page now: back in the library it lists the map, without reloading.
  await page.getByRole('button', { name: '← All maps' }).click();
  await page.locator('.map-row').waitFor();
  assert.equal(seen.filter((s) => s === 'library fetch').length, 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the library borrows the full app for files without starting it, and opening a map starts that instance', async () => {
  const page = await openApp(browser, {
    init: () => addEventListener('journeyscope:started', () => { window.startedModules = (window.startedModules ?? 0) + 1; }),
  });
  const seen = wasmRequests(page);
  await page.reload();
  await page.locator('section.library').first().waitFor();
  const started = () => page.evaluate(() => window.startedModules);

  // A map file read by the full app's reader; the library module stays on the page. While the
  // full app loads (held here until the notice is seen) the notice says what is under way.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  const fullWasm = /\/journeyscope-[0-9a-f]+_bg\.wasm$/;
  await page.route(fullWasm, async (route) => { await held; await route.continue(); });
  await importFile(page, 'answers.journey.json', mapWithPeriods('answers', 'Checkout answers', ['2026-01']));
  await page.locator('.banner.info', { hasText: 'Reading answers.journey.json…' }).waitFor();
  release();
  await page.locator('.banner.info', { hasText: 'Imported “Checkout answers” from answers.journey.json' }).waitFor();
  await page.unroute(fullWasm);
  // (Besides the full app's prefetch once the library is idle.)
  const fetched = () => seen.filter((request) => request.endsWith(' fetch'));
  assert.deepEqual(fetched(), ['library fetch', 'full fetch']);
  assert.equal(await started(), 1);
  assert.equal(await page.locator('section.library').count(), 2);

  // Its export has the scores block, which only the full app can write: one touchpoint answered
  // 1–5 by 1, 2, 3, 4 and 5 people has a mean of 55 / 15, 2.6667 of the scale's 4 points, 66.6667.
  const file = await downloadFrom(page, () => page.getByRole('button', { name: 'Export JSON' }).click());
  await page.locator('.banner', { hasText: 'Preparing the file…' }).waitFor({ state: 'detached' });
  assert.equal(await page.locator('.banner').count(), 0, 'the notice went with the work');
  assert.equal(file.name, 'checkout-answers.journey.json');
  const exported = JSON.parse(file.text);
  assert.equal(exported.map.name, 'Checkout answers');
  assert.equal(exported.scores.all.touchpoints[0].score, 66.6667);
  assert.equal(await started(), 1);

  // A template's map is made by the full app too, then opening it starts the same instance.
  await createFromTemplate(page, 'four-stage');
  assert.equal(await started(), 2);
  assert.deepEqual(fetched(), ['library fetch', 'full fetch'], 'the full app was fetched once');
  await waitForStored(page, (map) => map.stages.length === 4);
  assert.equal(Object.keys(await storedMaps(page)).length, 2);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

/** The full app's files, for tests that refuse them. */
const FULL_APP = /\/journeyscope-[0-9a-f]+(_bg\.wasm|\.js)$/;

/** The library with one map, "First map", freshly loaded, and every request for the full app
 * refused (its prefetch included): `page.unroute(FULL_APP)` lets them through again. */
async function libraryWithoutFullApp() {
  const page = await openApp(browser);
  await importFile(page, 'a.journey.json', mapWithPeriods('a', 'First map', []));
  await page.locator('.map-row').waitFor();
  await page.reload();
  await page.locator('.map-row').waitFor();
  await page.route(FULL_APP, (route) => route.abort());
  return page;
}

test('when the full app cannot be fetched, the library says so, changes nothing, and tries again next time', async () => {
  const page = await libraryWithoutFullApp();
  await importFile(page, 'b.journey.json', mapWithPeriods('b', 'Second map', []));
  await page.locator('.banner.error', { hasText: /^b\.journey\.json was not imported: the rest of the app could not be loaded \(.+\)\. Your maps are unchanged\./ }).waitFor();
  assert.deepEqual(Object.keys(await storedMaps(page)), ['a']);

  await page.unroute(FULL_APP);
  await importFile(page, 'b.journey.json', mapWithPeriods('b', 'Second map', []));
  await page.locator('.banner.info', { hasText: 'Imported “Second map”' }).waitFor();
  await waitForStored(page, (map) => map.id === 'b');
  // The refused requests themselves are the only errors.
  assert.deepEqual(page.errors.filter((e) => !e.startsWith('Failed to load resource')), []);
  await page.context().close();
});

test('when the full app cannot be fetched to open a map, the library says why, loses nothing, and opens it next time', async () => {
  const page = await libraryWithoutFullApp();

  await page.getByRole('button', { name: 'Open First map' }).click();
  const failed = page.locator('.banner.error', { hasText: 'the rest of the app could not be loaded' });
  await failed.waitFor();
  assert.match(await failed.locator('p').textContent(),
    /^This could not be opened: the rest of the app could not be loaded \(.+\)\. Your maps are unchanged; check the connection and try again\.$/);
  // Back in the library, with the map as it was.
  await page.getByRole('button', { name: 'Open First map' }).waitFor();
  assert.equal(new URL(page.url()).hash, '#/');
  assert.deepEqual(Object.keys(await storedMaps(page)), ['a']);

  // Opening again tries again: still refused, then, with the network back, the map opens.
  await failed.getByRole('button', { name: 'Dismiss' }).click();
  await page.getByRole('button', { name: 'Open First map' }).click();
  await failed.waitFor();
  await page.unroute(FULL_APP);
  await page.getByRole('button', { name: 'Open First map' }).click();
  await page.locator('.journey-grid:not([aria-busy])').waitFor();
  assert.equal(await page.title(), 'First map · Journeyscope');
  assert.deepEqual(page.errors.filter((e) => !e.startsWith('Failed to load resource')), []);
  await page.context().close();
});

test('a map opened directly runs the full app alone', async () => {
  const page = await openApp(browser);
  await createFromTemplate(page, 'five-stage');
  const seen = wasmRequests(page);
  await page.reload();
  await page.locator('.journey-grid').waitFor();
  assert.deepEqual(seen, ['full fetch']);
  await page.context().close();
});

test('a share link runs the embed module alone; saving its copy hands the page to the full app', async () => {
  const page = await openApp(browser);
  await createFromTemplate(page, 'ecommerce');
  await page.getByRole('button', { name: 'Share…' }).click();
  const link = await page.getByRole('dialog', { name: 'Share this map' }).getByLabel('Share link').inputValue();
  await page.context().close();

  // A fresh browser, straight to the link.
  const context = await browser.newContext();
  await context.addInitScript(() => addEventListener('journeyscope:started', () => { window.startedModules = (window.startedModules ?? 0) + 1; }));
  const reader = await context.newPage();
  reader.errors = [];
  reader.on('pageerror', (e) => reader.errors.push(e.message));
  const seen = wasmRequests(reader);
  await reader.goto(link);
  await reader.locator('section.shared').getByRole('heading', { name: 'Online clothing purchase' }).waitFor();
  assert.deepEqual(seen, ['embed fetch']);
  assert.equal(await reader.locator('.app-header').count(), 1, 'a page of its own, not a frame');
  assert.equal(await reader.evaluate(() => document.documentElement.hasAttribute('data-embed')), false);

  // With the full app out of reach, the copy is not saved and the link stays open.
  await reader.route(FULL_APP, (route) => route.abort());
  await reader.getByRole('button', { name: 'Save a copy to my maps' }).click();
  const failed = reader.getByRole('alert').filter({ hasText: 'The copy was not saved' });
  await failed.waitFor();
  assert.match(await failed.textContent(), /^The copy was not saved: the rest of the app could not be loaded \(.+\)\. Check the connection and try again\.$/);
  assert.deepEqual(await storedMaps(reader), {});

  await reader.unroute(FULL_APP);
  await reader.getByRole('button', { name: 'Save a copy to my maps' }).click();
  await reader.locator('.map-view .journey-grid').waitFor();
  await reader.locator('.banner.info', { hasText: 'Saved a copy of “Online clothing purchase” to your maps.' }).waitFor();
  assert.match(new URL(reader.url()).hash, /^#\/map\//);
  await waitForStored(reader, (map) => map.name === 'Online clothing purchase');
  assert.equal(Object.keys(await storedMaps(reader)).length, 1, 'one copy, saved once');
  assert.equal(await reader.evaluate(() => window.startedModules), 2);
  assert.deepEqual(seen.filter((s) => s.endsWith(' fetch')), ['embed fetch', 'full fetch', 'full fetch']);
  assert.deepEqual(reader.errors, []);
  await context.close();
});

test('an embed frame runs the embed module alone and shows the map read-only', async () => {
  const page = await openApp(browser);
  await createFromTemplate(page, 'ecommerce');
  await page.getByRole('button', { name: 'Share…' }).click();
  const link = await page.getByRole('dialog', { name: 'Share this map' }).getByLabel('Share link').inputValue();
  const visitor = await browser.newContext();
  const frame = await visitor.newPage();
  const errors = [];
  frame.on('pageerror', (e) => errors.push(e.message));
  const seen = wasmRequests(frame);
  await frame.goto(link.replace('#/view/', '#/embed/'));
  await frame.locator('table.journey-grid.read-only').waitFor();
  assert.deepEqual(seen, ['embed fetch']);
  assert.ok(await frame.locator('table.journey-grid.read-only').getByText('Stops scrolling and taps the ad').count() > 0);
  assert.equal(await frame.locator('button[aria-label^="Move stage"]').count(), 0);
  assert.equal(await frame.evaluate(() => navigator.serviceWorker.getRegistrations().then((r) => r.length)), 0);
  assert.deepEqual(errors, []);
  await visitor.close();
  await page.context().close();
});

test('with storage full, a rename made in the library survives opening a map and is saved once there is room', async () => {
  const page = await openApp(browser);
  await createFromTemplate(page, 'four-stage');
  await waitForStored(page, () => true);
  await page.goto(page.url().replace(/#.*$/, '#/'));
  await page.reload();
  await page.locator('.map-row').waitFor();
  await page.evaluate(() => {
    window.realSetItem = Storage.prototype.setItem;
    Storage.prototype.setItem = () => { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };
  });
  await page.locator('.map-row-name .inline-text').click();
  await page.getByLabel('Map name', { exact: true }).fill('Renamed while full');
  await page.keyboard.press('Enter');
  await page.locator('.banner.error', { hasText: 'not saved in this browser' }).waitFor();

  await page.getByRole('button', { name: 'Open Renamed while full' }).click();
  await page.locator('.journey-grid').waitFor();
  assert.equal(await page.locator('#map-title .inline-text').evaluate((b) => b.firstChild.textContent.trim()), 'Renamed while full');
  await page.locator('.banner.error', { hasText: 'not saved in this browser' }).waitFor();
  assert.notEqual(Object.values(await storedMaps(page))[0].name, 'Renamed while full');

  await page.evaluate(() => { Storage.prototype.setItem = window.realSetItem; });
  await page.getByRole('button', { name: 'Add card to Touchpoints in Decision' }).click();
  await page.keyboard.type('Pricing page');
  await page.keyboard.press('Enter');
  await waitForStored(page, (map) => map.name === 'Renamed while full' && JSON.stringify(map).includes('Pricing page'));
  assert.equal(await page.locator('.banner.error').count(), 0);
  await page.context().close();
});
