import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createFromTemplate, editFourStage, launch, openApp, stageNames, storedMaps, waitForStored } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

const cell = (page, label) => page.getByRole('list', { name: label, exact: true });

test('a card is edited in place, with a note and a channel', async () => {
  const page = await openApp(browser);
  await createFromTemplate(page, 'ecommerce');
  await page.getByRole('button', { name: 'Edit card: Checkout' }).click();
  await page.getByLabel('Card text').fill('One-page checkout');
  await page.getByLabel('Note (optional)').fill('Test with 5 shoppers');
  await page.getByLabel('Channel').selectOption('chat');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const card = cell(page, 'Touchpoints in Buy').locator('.card');
  await assert.doesNotReject(card.filter({ hasText: 'One-page checkout' }).waitFor());
  assert.equal(await card.locator('.card-note').textContent(), 'Test with 5 shoppers');
  assert.equal(await card.locator('.channel').textContent(), 'Chat');
  await waitForStored(page, (map) => map.cards.some((c) => c.text === 'One-page checkout' && c.channel === 'chat'));
  await page.context().close();
});

test('a card is moved with its Move form, which lists the stages as they are now', async () => {
  const page = await openApp(browser);
  await createFromTemplate(page, 'ecommerce');
  await page.getByRole('button', { name: 'Move stage Discover right' }).click();
  const card = cell(page, 'Touchpoints in Buy').locator('.card').filter({ hasText: 'Checkout' });
  const toggle = card.getByRole('button', { name: 'Move card: Checkout' });
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  assert.equal(await card.getByLabel('Stage').count(), 0, 'the pickers are made when the form opens');
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  const stages = card.getByLabel('Stage');
  assert.deepEqual(await stages.locator('option').allTextContents(), await stageNames(page));
  assert.equal(await stages.inputValue(), await stages.locator('option').filter({ hasText: /^Buy$/ }).getAttribute('value'));
  await stages.selectOption({ label: 'Discover' });
  await card.getByLabel('Lane').selectOption({ label: 'Pain points' });
  await card.getByRole('button', { name: 'Move here' }).click();
  await cell(page, 'Pain points in Discover').getByText('Checkout').waitFor();
  assert.equal(await cell(page, 'Touchpoints in Buy').getByText('Checkout').count(), 0);
  await waitForStored(page, (map) => {
    const checkout = map.cards.find((c) => c.text === 'Checkout');
    const discover = map.stages.find((s) => s.name === 'Discover');
    return checkout?.stage === discover?.id;
  });
  await page.context().close();
});

test('a stage is reordered, and undo and redo work by button and by keyboard', async () => {
  const page = await openApp(browser);
  await createFromTemplate(page, 'five-stage');
  await page.getByRole('button', { name: 'Move stage Awareness right' }).click();
  const moved = ['Consideration', 'Awareness', 'Purchase', 'Retention', 'Advocacy'];
  const original = ['Awareness', 'Consideration', 'Purchase', 'Retention', 'Advocacy'];
  assert.deepEqual(await stageNames(page), moved);
  await page.getByRole('button', { name: 'Undo' }).click();
  assert.deepEqual(await stageNames(page), original);
  await page.getByRole('button', { name: 'Redo' }).click();
  assert.deepEqual(await stageNames(page), moved);
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  assert.deepEqual(await stageNames(page), original);
  await page.keyboard.press('Control+Shift+z');
  assert.deepEqual(await stageNames(page), moved);
  assert.equal(await page.getByRole('button', { name: 'Redo' }).isDisabled(), true);
  await page.context().close();
});

test('a map opened again from the library starts with no undo or redo', async () => {
  const page = await openApp(browser);
  await createFromTemplate(page, 'five-stage');
  await page.getByRole('button', { name: 'Move stage Awareness right' }).click();
  await page.getByRole('button', { name: 'Undo' }).click();
  assert.equal(await page.getByRole('button', { name: 'Redo' }).isEnabled(), true);
  await page.getByRole('button', { name: '← All maps' }).click();
  await page.getByRole('button', { name: /^Open / }).click();
  await page.locator('.journey-grid:not([aria-busy])').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Undo' }).isDisabled(), true);
  assert.equal(await page.getByRole('button', { name: 'Redo' }).isDisabled(), true);
  await page.getByRole('button', { name: 'Move stage Awareness right' }).click();
  assert.equal(await page.getByRole('button', { name: 'Undo' }).isEnabled(), true);
  await page.getByRole('button', { name: '← All maps' }).click();
  await page.getByRole('button', { name: /^Open / }).click();
  await page.locator('.journey-grid:not([aria-busy])').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Undo' }).isDisabled(), true);
  await page.context().close();
});

test('a card is dragged to another cell and the feeling curve follows the select', async () => {
  const page = await openApp(browser);
  await createFromTemplate(page, 'ecommerce');
  const source = cell(page, 'Pain points in Discover').locator('.card').first();
  // Dropped below the cards (on the add button), so it goes last.
  const target = page.getByRole('button', { name: 'Add card to Pain points in Buy', exact: true });
  await source.dragTo(target);
  assert.equal(await cell(page, 'Pain points in Discover').locator('.card').count(), 0);
  assert.equal(await cell(page, 'Pain points in Buy').locator('.card').count(), 2);
  assert.match(await cell(page, 'Pain points in Buy').locator('.card-text').last().textContent(), /Ad shows a colour/);

  const curve = page.locator('.emotion-curve');
  const before = await curve.getAttribute('aria-label');
  await page.getByLabel(/^Feeling of .+ at Buy$/).selectOption('-2');
  const afterLabel = await curve.getAttribute('aria-label');
  assert.notEqual(afterLabel, before);
  assert.match(afterLabel, /Buy -2/);
  await page.context().close();
});

test('personas each keep their own feelings', async () => {
  const page = await openApp(browser);
  await createFromTemplate(page, 'four-stage');
  await page.getByLabel('New persona name').fill('First-time buyer');
  await page.getByRole('button', { name: 'Add persona' }).click();
  await page.getByRole('button', { name: 'First-time buyer' }).click();
  await page.getByLabel('Feeling of First-time buyer at Decision').selectOption('-1');
  assert.match(await page.locator('.emotion-curve').getAttribute('aria-label'), /^Emotion curve of First-time buyer: .*Decision -1/);
  await page.getByRole('button', { name: 'Primary customer' }).click();
  assert.equal(await page.getByLabel('Feeling of Primary customer at Decision').inputValue(), '');
  assert.equal(await page.locator('.emotion-curve g.curve').count(), 2);
  await page.context().close();
});

test('everything is there after a reload', async () => {
  const page = await openApp(browser);
  await createFromTemplate(page, 'four-stage');
  await editFourStage(page);
  await waitForStored(page, (map) => map.stages[0].name === 'Discovery'
    && map.cards.some((c) => c.text === 'Compares two plans')
    && map.personas[0].emotions.some((e) => e.value === 2));
  const url = page.url();
  await page.reload();
  await page.locator('.journey-grid').waitFor();
  assert.equal(page.url(), url);
  assert.deepEqual(await stageNames(page), ['Discovery', 'Consideration', 'Decision', 'Post-purchase']);
  assert.equal(await cell(page, 'Actions in Decision').locator('.card-text').textContent(), 'Compares two plans');
  assert.equal(await page.getByLabel('Feeling of Primary customer at Decision').inputValue(), '2');
  await page.getByRole('button', { name: '← All maps' }).click();
  await page.locator('.map-row').waitFor();
  const stored = await page.evaluate(() => Object.keys(localStorage).reduce((n, k) => n + k.length + localStorage.getItem(k).length, 0));
  const size = stored < 1000 ? `${stored} B` : `${Math.round(stored / 1000)} KB`;
  assert.match(await page.locator('.map-row-meta').textContent(), new RegExp(`^4 stages · 1 card · ${size} · last edited `));
  assert.equal(await page.locator('.storage-usage').textContent(), `Stored in this browser: ${size} of about 5.0 MB.`);
  assert.equal(Object.keys(await storedMaps(page)).length, 1);
  await page.context().close();
});

test('the library renames, duplicates, deletes and undoes the delete', async () => {
  const page = await openApp(browser);
  await createFromTemplate(page, 'ecommerce');
  await page.getByRole('button', { name: '← All maps' }).click();
  await page.locator('.map-row-name .inline-text').click();
  await page.getByLabel('Map name', { exact: true }).fill('Spring campaign');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Duplicate' }).click();
  const names = () => page.locator('.map-row-name .inline-text').evaluateAll((b) => b.map((x) => x.firstChild.textContent));
  assert.deepEqual((await names()).sort(), ['Spring campaign', 'Spring campaign (copy)']);
  await page.locator('.map-row', { hasText: 'Spring campaign (copy)' }).getByRole('button', { name: 'Delete' }).click();
  assert.deepEqual(await names(), ['Spring campaign']);
  await page.getByRole('button', { name: 'Undo delete' }).click();
  assert.equal((await names()).length, 2);
  await waitForStored(page, (map) => map.name === 'Spring campaign (copy)');
  await page.context().close();
});
