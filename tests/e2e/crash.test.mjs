import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, createFromTemplate, launch, openApp, storedMaps, waitForStored } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

// The debug build has a route that panics on purpose; scripts/test.sh serves it here.
const DEBUG_BASE_URL = process.env.DEBUG_BASE_URL ?? 'http://127.0.0.1:8081/';

test('a panic shows the crash screen with every map to download, and the maps stay stored', async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(DEBUG_BASE_URL);
  await createFromTemplate(page, 'ecommerce');
  await waitForStored(page, () => true);
  const before = await storedMaps(page);

  await page.evaluate(() => { location.hash = '#/debug/panic'; });
  const screen = page.locator('#crash');
  await screen.getByRole('heading', { name: 'Something went wrong' }).waitFor();
  const link = screen.getByRole('link', { name: 'Download “Online clothing purchase”' });
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  assert.equal(download.suggestedFilename(), 'online-clothing-purchase.journey.json');
  const stored = await page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('journeyscope:map:'));
    return localStorage.getItem(key);
  });
  const { readFileSync } = await import('node:fs');
  assert.equal(readFileSync(await download.path(), 'utf8'), stored);

  // Only the fragment changes, so a reload is what brings the app back.
  await page.goto(DEBUG_BASE_URL + '#/');
  await page.reload();
  await page.locator('.map-row', { hasText: 'Online clothing purchase' }).waitFor();
  assert.deepEqual(await storedMaps(page), before);
  await context.close();
});

test('the release build has no panic route', async () => {
  const page = await openApp(browser, { hash: '#/debug/panic' });
  await page.locator('.templates').waitFor();
  assert.equal(await page.locator('#crash').count(), 0);
  assert.deepEqual(page.errors, []);
  assert.ok(page.url().startsWith(BASE_URL));
  await page.context().close();
});
