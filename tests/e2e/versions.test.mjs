// Saved versions, as a user keeps them: two versions saved around some edits, what changed
// between them in words and on the cards, one restored and the restore undone, one deleted and
// the delete undone. The screens are the screens module's, fetched only when first opened.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, createFromTemplate, editFourStage, launch, openApp, screenshot, stageNames, waitForStored } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

const cell = (page, label) => page.getByRole('list', { name: label, exact: true });
const rows = (page) => page.locator('.version-row');

async function openVersions(page) {
  await page.getByRole('button', { name: 'Versions', exact: true }).click();
  await page.getByRole('heading', { name: 'Versions', exact: true }).waitFor();
}

async function saveVersion(page, name) {
  const before = await rows(page).count();
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByRole('button', { name: 'Save version' }).click();
  await rows(page).nth(before).waitFor();
}

test('versions saved around edits show what changed, restore as one undoable edit, and delete with undo', async () => {
  const page = await openApp(browser);
  const fetched = [];
  page.on('request', (r) => {
    const name = new URL(r.url()).pathname.split('/').pop();
    if (name.startsWith('journeyscope-screens-')) fetched.push(name.split('.').pop());
  });
  await createFromTemplate(page, 'four-stage');
  const original = await stageNames(page);
  assert.deepEqual(fetched, [], 'the screens module is not fetched until a screen of it opens');

  await openVersions(page);
  assert.deepEqual(fetched.sort(), ['js', 'wasm']);
  await page.getByText('No saved versions yet.').waitFor();
  await saveVersion(page, 'Before the workshop');
  assert.match(await rows(page).first().textContent(), /Before the workshop.*the first version/);
  await page.getByRole('button', { name: 'Back to the map' }).click();

  await editFourStage(page);

  await openVersions(page);
  // An empty name saves the version under today's date.
  await page.getByRole('button', { name: 'Save version' }).click();
  await rows(page).nth(1).waitFor();
  const today = await page.getByLabel('Name', { exact: true }).getAttribute('placeholder');
  assert.match(today, /^\d{4}-\d{2}-\d{2}$/);
  const newest = rows(page).first();
  const summary = await newest.locator('.version-meta').textContent();
  assert.match(await newest.locator('h3').textContent(), new RegExp(`^${today} `));
  assert.match(summary, /\+1 card/);
  assert.match(summary, /1 stage renamed/);
  assert.match(summary, /feelings changed in Decision/);
  assert.match(await page.locator('.version-since').textContent(), /^Since the latest version: no changes\.$/);
  await waitForStored(page, (map) => map.versions?.length === 2);
  await screenshot(page, 'versions-list');
  assert.deepEqual(await axeViolations(page), []);

  // What changed from the first version to the second: in words, grouped by stage, and on the cards.
  await page.getByRole('button', { name: `Open ${today}` }).click();
  const view = page.getByRole('heading', { name: /^What changed from version “Before the workshop”/ });
  await view.waitFor();
  const changes = page.locator('.change-groups');
  assert.match(await changes.textContent(), /Stage Decision.*Compares two plans/s);
  const marked = page.locator('.card.marked');
  assert.equal(await marked.count(), 1);
  assert.match(await marked.textContent(), /^added.*Compares two plans/);
  assert.equal(await marked.evaluate((card) => getComputedStyle(card).borderTopStyle), 'dashed');
  assert.match(await page.getByRole('status').filter({ hasText: 'Read-only' }).textContent(), /Read-only: version/);
  await screenshot(page, 'version-changes');
  assert.deepEqual(await axeViolations(page), []);
  await page.getByRole('button', { name: 'Back to the versions' }).click();

  // A version against the map now.
  await page.getByLabel('What changed from').selectOption({ label: 'Before the workshop' });
  assert.equal(await page.locator('.version-compare select').nth(1).inputValue(), 'now');
  await page.getByRole('button', { name: 'Show changes' }).click();
  await page.getByRole('heading', { name: /^What changed from version “Before the workshop” .* to the map now$/ }).waitFor();
  assert.match(await page.locator('.change-summary').textContent(), /\+1 card/);
  await page.getByRole('button', { name: 'Back to the versions' }).click();

  // Restoring the first version is one edit of the map, which Undo takes back.
  await page.getByRole('button', { name: 'Restore Before the workshop' }).click();
  await page.locator('.journey-grid').waitFor();
  assert.deepEqual(await stageNames(page), original);
  assert.equal(await cell(page, 'Actions in Decision').locator('.card').count(), 0);
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  assert.equal((await stageNames(page))[0], 'Discovery');
  assert.equal(await cell(page, 'Actions in Decision').locator('.card-text').textContent(), 'Compares two plans');

  // Deleting a version is an edit too.
  await openVersions(page);
  await page.getByRole('button', { name: 'Delete Before the workshop' }).click();
  await page.waitForFunction(() => document.querySelectorAll('.version-row').length === 1);
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await page.waitForFunction(() => document.querySelectorAll('.version-row').length === 2);
  await waitForStored(page, (map) => map.versions?.length === 2 && map.stages[0].name === 'Discovery');

  // A version duplicated is a map of its own: the map as the version was, without versions.
  await page.getByRole('button', { name: 'Duplicate Before the workshop as a new map' }).click();
  await page.getByText('The version is now also a map of its own, in your maps.').waitFor();
  await waitForStored(page, (map) => map.name === 'Customer journey (Before the workshop)'
    && map.stages[0].name === original[0] && !map.versions);
  assert.equal(fetched.length, 2, 'the module is fetched once per page');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a screens module that cannot be fetched says so, leaves the map as it was, and is fetched on the next try', async () => {
  const page = await openApp(browser);
  await createFromTemplate(page, 'four-stage');
  const names = await stageNames(page);
  const blocked = (route) => route.abort('connectionrefused');
  await page.route(/journeyscope-screens-[0-9a-f]+\.js$/, blocked);
  await page.getByRole('button', { name: 'Versions', exact: true }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'This screen could not be opened' });
  await alert.waitFor();
  assert.match(await alert.textContent(), /Your map is unchanged\./);
  await alert.getByRole('button', { name: 'Back to the map' }).click();
  assert.deepEqual(await stageNames(page), names);

  await page.unroute(/journeyscope-screens-[0-9a-f]+\.js$/, blocked);
  await openVersions(page);
  await page.getByText('No saved versions yet.').waitFor();
  assert.deepEqual(page.errors.filter((e) => !/journeyscope-screens|ERR_CONNECTION_REFUSED/.test(e)), []);
  await page.context().close();
});
