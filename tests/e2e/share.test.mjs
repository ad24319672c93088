import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  axeViolations, BASE_URL, createFromTemplate, cspViolations, downloadFrom, launch, openApp, screenshot, storedMaps,
  waitForStored,
} from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

/** Opens the share dialog of the map on screen and returns the link it offers. */
async function shareLink(page) {
  await page.getByRole('button', { name: 'Share…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this map' });
  await dialog.waitFor();
  return dialog.getByLabel('Share link').inputValue();
}

test('a share link opens read-only in a fresh browser, and saving it adds a copy', async () => {
  const page = await openApp(browser);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await createFromTemplate(page, 'ecommerce');
  const link = await shareLink(page);
  assert.ok(link.startsWith(`${BASE_URL}#/view/j1.`), link);
  const dialog = page.getByRole('dialog', { name: 'Share this map' });
  assert.equal(await dialog.locator('.link-length').textContent(), `${link.length} characters`);
  await dialog.getByRole('button', { name: 'Copy share link' }).click();
  await dialog.getByText('Link copied.').waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
  await screenshot(page, 'share-dialog');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  const original = Object.values(await storedMaps(page))[0];
  await page.context().close();

  const reader = await openApp(browser, { hash: link.slice(BASE_URL.length) });
  const shared = reader.locator('section.shared');
  await shared.getByRole('heading', { name: 'Online clothing purchase' }).waitFor();
  await shared.getByText('Product page on the web shop').waitFor();
  assert.equal(await reader.getByRole('button', { name: /^Edit card/ }).count(), 0, 'nothing is editable');
  assert.deepEqual(await storedMaps(reader), {}, 'opening a link stores nothing');
  assert.deepEqual(await axeViolations(reader), []);
  await screenshot(reader, 'shared-view');

  await reader.getByRole('button', { name: 'Save a copy to my maps' }).click();
  await reader.locator('.map-view .journey-grid').waitFor();
  await waitForStored(reader, (map) => map.id === original.id);
  assert.deepEqual((await storedMaps(reader))[original.id], original);

  // The same link again, followed from the app (which loads the page again for the embed
  // module): the map is already here, so the second save is a copy beside it.
  await reader.goto(link);
  await reader.getByRole('button', { name: 'Save a copy to my maps' }).click();
  await waitForStored(reader, (map) => map.name === 'Online clothing purchase (copy)');
  const maps = await storedMaps(reader);
  assert.equal(Object.keys(maps).length, 2);
  assert.deepEqual(maps[original.id], original, 'the first copy is untouched');
  assert.deepEqual(reader.errors, []);
  assert.deepEqual(await cspViolations(reader), []);
  await reader.context().close();
});

test('a cut, changed or newer link is refused with a reason, and the app still works', async () => {
  const page = await openApp(browser);
  await createFromTemplate(page, 'service');
  const link = await shareLink(page);
  const payload = link.split('#/view/')[1];
  const cases = [
    [payload.slice(0, payload.length - 12), /incomplete or was changed/],
    [payload.slice(0, 40) + (payload[40] === 'A' ? 'B' : 'A') + payload.slice(41), /incomplete or was changed/],
    ['j7.' + payload.slice(3), /newer Journeyscope/],
    ['hello', /not a Journeyscope share link/],
  ];
  for (const [broken, reason] of cases) {
    await page.goto(`${BASE_URL}#/view/${broken}`);
    const refusal = page.locator('section.shared', { hasText: 'This link cannot be opened' }).filter({ hasText: reason });
    await refusal.waitFor();
  }
  await page.getByRole('link', { name: 'Go to my maps' }).click();
  await page.getByRole('button', { name: 'Open Consultancy client journey' }).waitFor();
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes) {
  assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test('the map, the heatmap and the feelings curve download as SVG and as PNG at twice the size', async () => {
  const page = await openApp(browser);
  await createFromTemplate(page, 'ecommerce');
  await page.getByRole('button', { name: 'Edit card: Checkout' }).click();
  await page.getByLabel('Card text').fill('Pay <script>alert(1)</script> & go');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  for (const [what, suffix] of [['Whole map', ''], ['Score heatmap', '.heatmap'], ['Feelings curve', '.feelings']]) {
    await page.getByRole('button', { name: 'Pictures' }).click();
    const svg = await downloadFrom(page, () => page.getByRole('button', { name: `${what} as SVG` }).click());
    assert.equal(svg.name, `online-clothing-purchase${suffix}.svg`);
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      const root = doc.documentElement;
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        width: Number(root.getAttribute('width')),
        height: Number(root.getAttribute('height')),
        scripts: doc.querySelectorAll('script').length,
        text: root.textContent,
      };
    }, svg.text);
    assert.equal(parsed.error, null);
    assert.equal(parsed.scripts, 0);
    if (what === 'Whole map') assert.match(parsed.text, /Pay\s+<script>alert\(1\)<\/script>\s+& go/);

    await page.getByRole('button', { name: 'Pictures' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: `${what} as PNG` }).click(),
    ]);
    assert.equal(download.suggestedFilename(), `online-clothing-purchase${suffix}.png`);
    const png = pngSize(readFileSync(await download.path()));
    assert.deepEqual(png, { width: parsed.width * 2, height: parsed.height * 2 });
  }
  assert.deepEqual(page.errors, []);
  assert.deepEqual(await cspViolations(page), []);
  await page.context().close();
});
