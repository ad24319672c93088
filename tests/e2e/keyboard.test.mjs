import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp, tabTo, waitForStored } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

test('a map is created and a card added, edited and moved with the keyboard alone', async () => {
  const page = await openApp(browser);
  await tabTo(page, '[data-template="five-stage"]');
  await page.keyboard.press('Enter');
  await page.locator('.journey-grid').waitFor();

  await tabTo(page, '[aria-label="Add card to Touchpoints in Awareness"]');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Podcast sponsorship');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Radio spot');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  const cards = page.getByRole('list', { name: 'Touchpoints in Awareness', exact: true }).locator('.card-text');
  assert.deepEqual(await cards.allTextContents(), ['Podcast sponsorship', 'Radio spot']);
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')),
    'Add card to Touchpoints in Awareness');

  await tabTo(page, '.card', { back: true });
  await tabTo(page, '.card', { back: true });
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+a');
  await page.keyboard.type('Podcast ad');
  await page.keyboard.press('Control+Enter');
  await page.locator('.card', { hasText: 'Podcast ad' }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.textContent.includes('Podcast ad')), true);

  await page.keyboard.press('Alt+ArrowRight');
  // The next key goes to whatever has focus, so wait until the moved card has it again.
  await page.getByRole('list', { name: 'Touchpoints in Consideration', exact: true }).locator('.card:focus', { hasText: 'Podcast ad' }).waitFor();
  await page.keyboard.press('Alt+ArrowDown');
  // Focus follows the card once it is drawn in its new cell.
  await page.getByRole('list', { name: 'Actions in Consideration', exact: true }).locator('.card:focus', { hasText: 'Podcast ad' }).waitFor();

  await page.keyboard.press('Control+z');
  await page.getByRole('list', { name: 'Touchpoints in Consideration', exact: true }).getByText('Podcast ad').waitFor();
  await waitForStored(page, (map) => map.cards.some((c) => c.text === 'Podcast ad'));
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('focus is visible on every control it reaches', async () => {
  const page = await openApp(browser);
  await tabTo(page, '[data-template="blank"]');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.equal(outline, 'solid');
  await page.context().close();
});
