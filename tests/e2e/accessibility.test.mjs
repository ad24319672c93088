import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, createFromTemplate, launch, openApp, screenshot } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

for (const [name, viewport] of [['desktop', { width: 1440, height: 900 }], ['phone', { width: 360, height: 740 }]]) {
  test(`axe finds nothing on the library and the map view (${name})`, async () => {
    const page = await openApp(browser, { viewport });
    assert.deepEqual(await axeViolations(page), []);
    await createFromTemplate(page, 'ecommerce');
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, `map-${name}`);
    await page.getByRole('button', { name: 'Edit card: Checkout' }).click();
    await page.locator('button.card-move').first().click();
    assert.deepEqual(await axeViolations(page), []);
    await page.getByRole('button', { name: '← All maps' }).click();
    await page.locator('.map-row').waitFor();
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, `library-${name}`);
    await page.context().close();
  });
}

test('printing hides the controls and keeps the cards', async () => {
  const page = await openApp(browser);
  await createFromTemplate(page, 'ecommerce');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.toolbar').isVisible(), false);
  assert.equal(await page.locator('.card-actions').first().isVisible(), false);
  assert.equal(await page.locator('.card-text').first().isVisible(), true);
  await screenshot(page, 'map-print');
  await page.context().close();
});
