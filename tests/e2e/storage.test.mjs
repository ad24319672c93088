import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  createFromTemplate, downloadFrom, importFile, launch, mapWithPeriods, mapWithVersions, openApp, storedMaps,
  waitForStored,
} from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

test('a corrupt stored map is set aside, offered as a download, and the rest still loads', async () => {
  const page = await openApp(browser);
  await createFromTemplate(page, 'five-stage');
  await waitForStored(page, () => true);
  const garbage = '{"format":"journeyscope-map","schema":1,"map":{"id":"broken"';
  await page.evaluate((raw) => localStorage.setItem('journeyscope:map:broken', raw), garbage);
  await page.goto(page.url().replace(/#.*$/, '#/'));
  await page.reload();

  const banner = page.locator('.banner.warning', { hasText: 'could not read' });
  await banner.waitFor();
  assert.match(await banner.textContent(), /not valid JSON at line 1/);
  assert.equal(await page.locator('.map-row').count(), 1);
  const keys = await page.evaluate(() => Object.keys(localStorage).sort());
  assert.equal(keys.length, 2);
  assert.match(keys[0], /^journeyscope:backup:\d+:broken$/);
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), keys[0]), garbage);

  const file = await downloadFrom(page, () => banner.getByRole('button', { name: 'Download backup' }).click());
  assert.equal(file.text, garbage);
  assert.match(file.name, /^journeyscope-backup-\d+_broken\.txt$/);

  await page.reload();
  await page.locator('.banner.warning', { hasText: 'could not read' }).waitFor();
  await page.getByRole('button', { name: 'Discard backup' }).click();
  await page.locator('.banner.warning').waitFor({ state: 'detached' });
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('backup'))), []);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a full quota shows a message, keeps the edits in the tab and the last saved map intact', async () => {
  const page = await openApp(browser);
  await createFromTemplate(page, 'four-stage');
  await waitForStored(page, () => true);
  const saved = await storedMaps(page);
  await page.evaluate(() => {
    Storage.prototype.setItem = () => { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };
  });
  await page.getByRole('button', { name: 'Add card to Touchpoints in Decision' }).click();
  await page.keyboard.type('Pricing page');
  await page.keyboard.press('Enter');
  const alert = page.locator('.banner.error', { hasText: 'not saved in this browser' });
  await alert.waitFor();
  assert.match(await alert.textContent(), /QuotaExceededError/);
  await page.getByText('Pricing page').waitFor();
  assert.deepEqual(await storedMaps(page), saved);
  const exported = await downloadFrom(page, () => alert.getByRole('button', { name: 'Export all maps' }).click());
  assert.match(exported.name, /\.journey\.json$/);
  assert.match(exported.text, /Pricing page/);
  await page.context().close();
});

test('a quota filled for real offers to drop old score periods, which frees room and saves', async () => {
  const page = await openApp(browser);
  await importFile(page, 'old.journey.json', mapWithPeriods('old', 'Years of answers',
    ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06', '2025-07', '2025-08']));
  await waitForStored(page, (map) => map.id === 'old');
  await importFile(page, 'other.journey.json', mapWithPeriods('other', 'Other map', ['2025-01']));
  await waitForStored(page, (map) => map.id === 'other');
  const before = await storedMaps(page);
  // Fills the origin's real quota with another site's data, down to the last few characters.
  const filled = await page.evaluate(() => {
    let total = 0;
    for (let size = 1 << 20, i = 0; size >= 8; size >>= 1) {
      try {
        for (;;) { localStorage.setItem(`other-site:${i++}`, 'x'.repeat(size)); total += size; }
      } catch (e) { if (e.name !== 'QuotaExceededError') throw e; }
    }
    return total;
  });
  assert.ok(filled > 1_000_000, `filled ${filled} characters`);

  await page.getByRole('button', { name: 'Open Years of answers' }).click();
  await page.getByRole('button', { name: 'Add card to Touchpoints in Buy' }).click();
  await page.keyboard.type('A card the full storage cannot take yet');
  await page.keyboard.press('Enter');
  const alert = page.locator('.banner.error', { hasText: 'not saved in this browser' });
  await alert.waitFor();
  assert.deepEqual(await storedMaps(page), before, 'what was saved is untouched');

  await alert.getByRole('button', { name: /Drop score periods older than the latest 4 \(4 periods in 1 map, frees/ }).click();
  await waitForStored(page, (map) => map.id === 'old' && map.cards.some((c) => c.text.startsWith('A card the full')));
  await alert.waitFor({ state: 'detached' });
  const after = await storedMaps(page);
  assert.deepEqual(after.old.scoring.evidence.map((e) => e.period), ['2025-05', '2025-06', '2025-07', '2025-08']);
  assert.deepEqual(after.other, before.other);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a full quota offers to drop old saved versions, keeping the latest three, and the map saves', async () => {
  const page = await openApp(browser);
  await importFile(page, 'drafts.journey.json', mapWithVersions('drafts', 'Drafts', 5));
  await waitForStored(page, (map) => map.id === 'drafts' && map.versions?.length === 5);
  await page.evaluate(() => {
    for (let size = 1 << 20, i = 0; size >= 8; size >>= 1) {
      try {
        for (;;) localStorage.setItem(`other-site:${i++}`, 'x'.repeat(size));
      } catch (e) { if (e.name !== 'QuotaExceededError') throw e; }
    }
  });
  await page.getByRole('button', { name: 'Open Drafts' }).click();
  await page.getByRole('button', { name: 'Add card to Touchpoints in Buy' }).click();
  await page.keyboard.type('Kept once there is room');
  await page.keyboard.press('Enter');
  const alert = page.locator('.banner.error', { hasText: 'not saved in this browser' });
  await alert.getByRole('button', { name: /Drop saved versions older than the latest 3 \(2 versions in 1 map, frees/ }).click();
  await waitForStored(page, (map) => map.id === 'drafts' && map.cards.some((c) => c.text === 'Kept once there is room'));
  await alert.waitFor({ state: 'detached' });
  const { drafts } = await storedMaps(page);
  assert.deepEqual(drafts.versions.map((v) => [v.number, v.name]), [[3, 'Draft 3'], [4, 'Draft 4'], [5, 'Draft 5']]);
  assert.equal(drafts.versions[0].content.delta.name, 'Drafts 3', 'the oldest kept version still rebuilds as it was');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('with storage blocked the app still works and says nothing will be kept', async () => {
  const page = await openApp(browser, {
    init: () => Object.defineProperty(window, 'localStorage', {
      get() { throw new DOMException('Access is denied for this document.', 'SecurityError'); },
    }),
  });
  await page.locator('.banner.warning', { hasText: 'lost when the tab closes' }).waitFor();
  await createFromTemplate(page, 'ecommerce');
  await page.getByRole('button', { name: 'Move stage Discover right' }).click();
  await page.locator('button[aria-label="Move stage Discover left"]:not([disabled])').waitFor();
  assert.equal(await page.locator('.banner.error').count(), 0);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

/** A saved four-stage map open in one tab and then in a second tab of the same browser, which
 * runs `init` before its page loads. */
async function twoTabs(init) {
  const first = await openApp(browser);
  await createFromTemplate(first, 'four-stage');
  await waitForStored(first, () => true);
  const second = await first.context().newPage();
  second.errors = [];
  second.on('pageerror', (e) => second.errors.push(e.message));
  if (init) await second.addInitScript(init);
  await second.goto(first.url());
  await second.locator('.journey-grid').waitFor();
  return [first, second];
}

async function renameFirstStage(page, name) {
  await page.locator('.stage-name .inline-text').first().click();
  await page.getByLabel('Stage name', { exact: true }).fill(name);
  await page.keyboard.press('Enter');
}

test('with a map open in two tabs, an edit in one appears in the other', async () => {
  const [first, second] = await twoTabs();
  await renameFirstStage(first, 'Discovery');
  await second.locator('.stage-name .inline-text', { hasText: 'Discovery' }).waitFor();

  await second.getByRole('button', { name: 'Add card to Actions in Decision' }).click();
  await second.keyboard.type('Asks a colleague');
  await second.keyboard.press('Enter');
  await first.getByText('Asks a colleague').waitFor();
  assert.equal(await first.locator('.stage-name .inline-text', { hasText: 'Discovery' }).count(), 1);

  // The change from the other tab is one undoable step here.
  await first.getByRole('button', { name: 'Undo' }).click();
  await first.getByText('Asks a colleague').waitFor({ state: 'detached' });
  assert.deepEqual(second.errors, []);
  await first.context().close();
});

test('edits made at once in two tabs merge when they touch different parts, and a clash asks which to keep', async () => {
  const [first, second] = await twoTabs();
  // The second tab cannot save, so its edits stay unsaved while the first tab saves.
  await second.evaluate(() => { Storage.prototype.setItem = () => { throw new DOMException('full', 'QuotaExceededError'); }; });

  await renameFirstStage(second, 'Mine');
  await second.locator('.banner.error', { hasText: 'not saved in this browser' }).waitFor();
  await first.getByRole('button', { name: 'Add card to Actions in Decision' }).click();
  await first.keyboard.type('Asks a colleague');
  await first.keyboard.press('Enter');
  // Different parts: the second tab keeps its rename and gains the first tab's card.
  await second.getByText('Asks a colleague').waitFor();
  assert.equal(await second.locator('.stage-name .inline-text', { hasText: 'Mine' }).count(), 1);

  await renameFirstStage(first, 'Theirs');
  const banner = second.locator('.banner.warning', { hasText: 'was also changed in another tab' });
  await banner.waitFor();
  await banner.getByRole('button', { name: "Use the other tab's version" }).click();
  await second.locator('.stage-name .inline-text', { hasText: 'Theirs' }).waitFor();
  assert.equal(await second.locator('.banner.warning', { hasText: 'was also changed' }).count(), 0);
  await first.context().close();
});

test('a tab that missed another tab\'s save sees the newer revision before writing, and merges', async () => {
  // The second tab hears nothing from the first: only the revision in the stored value can tell it.
  const [first, second] = await twoTabs(
    () => window.addEventListener('storage', (e) => e.stopImmediatePropagation(), true),
  );
  const revision = () => first.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('journeyscope:map:'));
    return JSON.parse(localStorage.getItem(key)).revision;
  });
  const start = await revision();
  assert.ok(start >= 1);

  await first.getByRole('button', { name: 'Add card to Actions in Decision' }).click();
  await first.keyboard.type('Asks a colleague');
  await first.keyboard.press('Enter');
  await waitForStored(first, (map) => map.cards.some((c) => c.text === 'Asks a colleague'));
  assert.equal(await revision(), start + 1);
  assert.equal(await second.getByText('Asks a colleague').count(), 0, 'the second tab did not hear of it');

  await renameFirstStage(second, 'Renamed here');
  // Its save finds revision start + 1, merges the card in, and writes the merge as the next one.
  await second.getByText('Asks a colleague').waitFor();
  await waitForStored(first, (map) => map.stages[0].name === 'Renamed here'
    && map.cards.some((c) => c.text === 'Asks a colleague'));
  assert.equal(await revision(), start + 2);
  assert.deepEqual(second.errors, []);
  await first.context().close();
});
