import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  createFromTemplate, cspViolations, downloadFrom, importFile, launch, mapWithPeriods, mapWithVersions, openApp,
  stageNames, storedMaps, waitForStored,
} from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

test('an export imports into a fresh browser and exports byte for byte the same', async () => {
  const page = await openApp(browser);
  await createFromTemplate(page, 'service');
  await page.getByRole('button', { name: 'Edit card: Live webinar' }).click();
  await page.getByLabel('Card text').fill('Webinar <b>live</b> & "recorded"');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const first = await downloadFrom(page, () => page.getByRole('button', { name: 'Export JSON' }).click());
  assert.equal(first.name, 'consultancy-client-journey.journey.json');
  const document = JSON.parse(first.text);
  assert.equal(document.format, 'journeyscope-map');
  assert.equal(document.schema, 7);
  assert.equal(document.revision, undefined, 'the save count stays in the browser');
  assert.ok(first.text.endsWith('}\n'));
  await page.context().close();

  const fresh = await openApp(browser);
  await importFile(fresh, first.name, first.text);
  await fresh.locator('.banner.info', { hasText: 'Imported “Consultancy client journey”' }).waitFor();
  assert.equal(await fresh.locator('.map-row').count(), 1);
  const again = await downloadFrom(fresh, () => fresh.getByRole('button', { name: 'Export JSON' }).click());
  assert.equal(again.text, first.text);
  await fresh.getByRole('button', { name: 'Open Consultancy client journey' }).click();
  await fresh.getByText('Webinar <b>live</b> & "recorded"').waitFor();
  assert.equal(await fresh.locator('b').count(), 0);
  await fresh.context().close();
});

test('a file\'s saved versions survive import, reload and export; JSON without versions leaves them out', async () => {
  const page = await openApp(browser);
  await importFile(page, 'drafts.journey.json', mapWithVersions('drafts', 'Drafts', 3));
  await waitForStored(page, (map) => map.id === 'drafts' && map.versions?.length === 3);
  await page.reload();
  const row = page.locator('.map-row', { hasText: 'Drafts' });
  assert.match(await row.locator('.map-row-meta').textContent(), /^1 stage · 1 card · \d+ K?B \(3 saved versions, \d+ K?B\) · last edited/);
  await page.getByRole('button', { name: 'Open Drafts' }).click();
  const whole = await downloadFrom(page, () => page.getByRole('button', { name: 'Export JSON', exact: true }).click());
  const versions = JSON.parse(whole.text).map.versions;
  assert.deepEqual(versions.map((v) => v.name), ['Draft 1', 'Draft 2', 'Draft 3']);
  assert.equal(versions[2].content.full.name, 'Drafts 3');
  const bare = await downloadFrom(page, () => page.getByRole('button', { name: 'JSON without versions' }).click());
  assert.equal(bare.name, whole.name);
  assert.equal(JSON.parse(bare.text).map.versions, undefined);
  assert.deepEqual(page.errors, []);
  await page.context().close();

  const fresh = await openApp(browser);
  await importFile(fresh, whole.name, whole.text);
  await fresh.getByRole('button', { name: 'Open Drafts' }).click();
  const again = await downloadFrom(fresh, () => fresh.getByRole('button', { name: 'Export JSON', exact: true }).click());
  assert.equal(again.text, whole.text, 'versions go through export and import byte for byte');
  await fresh.context().close();
});

test("the library's Export JSON of an imported measured map carries its scores block", async () => {
  const page = await openApp(browser);
  await importFile(page, 'answers.journey.json', mapWithPeriods('answers', 'Checkout answers', ['2026-01']));
  await page.locator('.banner.info', { hasText: 'Imported “Checkout answers” from answers.journey.json' }).waitFor();
  // One touchpoint answered 1–5 by 1, 2, 3, 4 and 5 people has a mean of 55 / 15, 2.6667 of the
  // scale's 4 points, 66.6667.
  const file = await downloadFrom(page, () => page.getByRole('button', { name: 'Export JSON' }).click());
  assert.equal(file.name, 'checkout-answers.journey.json');
  const exported = JSON.parse(file.text);
  assert.equal(exported.map.name, 'Checkout answers');
  assert.equal(exported.scores.all.touchpoints[0].score, 66.6667);
  await waitForStored(page, (map) => map.id === 'answers');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('importing a map that is already here adds a copy and keeps the original', async () => {
  const page = await openApp(browser);
  await createFromTemplate(page, 'four-stage');
  const exported = await downloadFrom(page, () => page.getByRole('button', { name: 'Export JSON' }).click());
  await page.getByRole('button', { name: '← All maps' }).click();
  await importFile(page, exported.name, exported.text);
  await page.locator('.map-row', { hasText: 'Customer journey (copy)' }).waitFor();
  assert.equal(await page.locator('.map-row').count(), 2);
  await waitForStored(page, (map) => map.name === 'Customer journey (copy)');
  const maps = Object.values(await storedMaps(page));
  assert.deepEqual(maps.map((m) => m.name).sort(), ['Customer journey', 'Customer journey (copy)']);
  await page.context().close();
});

test('a malformed or invalid file is refused with where it is wrong, and nothing changes', async () => {
  const page = await openApp(browser);
  await createFromTemplate(page, 'four-stage');
  const exported = await downloadFrom(page, () => page.getByRole('button', { name: 'Export JSON' }).click());
  await page.getByRole('button', { name: '← All maps' }).click();
  await waitForStored(page, () => true);
  const before = await storedMaps(page);

  await importFile(page, 'broken.journey.json', '{\n  "format": "journeyscope-map",\n  "schema": 1,\n  "map": {');
  const error = page.locator('.banner.error');
  await error.waitFor();
  assert.match(await error.textContent(), /broken\.journey\.json was not imported: not valid JSON at line 4, column \d+: .*Your maps are unchanged\./);

  const invalid = exported.text.replace('"name": "Decision"', '"name": ""');
  await importFile(page, 'invalid.journey.json', invalid);
  await error.filter({ hasText: 'invalid.journey.json was not imported: map.stages[2].name: empty' }).waitFor();

  await importFile(page, 'other.json', '{"hello": "world"}');
  await error.filter({ hasText: 'not a Journeyscope map' }).waitFor();

  assert.equal(await page.locator('.map-row').count(), 1);
  assert.deepEqual(await storedMaps(page), before);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a map file dropped on the library is imported', async () => {
  const source = await openApp(browser);
  await createFromTemplate(source, 'ecommerce');
  const exported = await downloadFrom(source, () => source.getByRole('button', { name: 'Export JSON' }).click());
  await source.context().close();

  const page = await openApp(browser);
  await page.evaluate((text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], 'dropped.journey.json', { type: 'application/json' }));
    const zone = document.querySelector('.drop-zone');
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, exported.text);
  await page.locator('.map-row', { hasText: 'Online clothing purchase' }).waitFor();
  await page.context().close();
});

test('a map leaves as Mermaid and cards CSV, and the Mermaid comes back as a new map', async () => {
  const page = await openApp(browser);
  await createFromTemplate(page, 'service');
  const mermaid = await downloadFrom(page, () => page.getByRole('button', { name: 'Mermaid' }).click());
  assert.equal(mermaid.name, 'consultancy-client-journey.mmd');
  assert.match(mermaid.text, /^journey\n    title Consultancy client journey\n    section Discover\n      Blog post found through search: 4: Operations lead at a mid-size firm\n/);
  const cards = await downloadFrom(page, () => page.getByRole('button', { name: 'Cards CSV' }).click());
  assert.equal(cards.name, 'consultancy-client-journey.cards.csv');
  const rows = cards.text.trim().split('\n');
  assert.equal(rows[0], 'stage,lane,kind,persona,text,note,channel,emotion');
  assert.equal(rows.length, 1 + 25 + 5);
  await page.context().close();

  const fresh = await openApp(browser);
  await fresh.locator('input[type=file]').setInputFiles({ name: mermaid.name, mimeType: 'text/plain', buffer: Buffer.from(mermaid.text) });
  await fresh.getByRole('button', { name: 'Open Consultancy client journey' }).click();
  assert.deepEqual(await stageNames(fresh), ['Discover', 'Learn', 'Consult', 'Commit', 'Ongoing support']);
  await fresh.getByText('Support chat and quarterly review').waitFor();
  assert.match(await fresh.locator('.emotion-curve').getAttribute('aria-label'), /Consult -1/);

  await fresh.getByRole('button', { name: '← All maps' }).click();
  await fresh.locator('input[type=file]').setInputFiles({ name: 'bad.mmd', mimeType: 'text/plain', buffer: Buffer.from('journey\n  section A\n    Task: 7: Me\n') });
  await fresh.locator('.banner.error', { hasText: 'bad.mmd was not imported: Mermaid line 3: expected `task: score 1–5: actors`' }).waitFor();
  await fresh.context().close();
});

test('markup in a map file is shown as text and never runs', async () => {
  const source = await openApp(browser);
  await createFromTemplate(source, 'four-stage');
  const exported = await downloadFrom(source, () => source.getByRole('button', { name: 'Export JSON' }).click());
  await source.context().close();
  const document = JSON.parse(exported.text);
  const lane = document.map.lanes[0].id;
  const stage = document.map.stages[0].id;
  document.map.name = '<b>Bold</b> journey';
  document.map.cards.push(
    { id: 900, lane, stage, text: '<img src=x onerror="window.hacked=1">', channel: 'web' },
    { id: 901, lane, stage, text: '<script>window.hacked=2</script>', channel: 'web' },
  );
  const page = await openApp(browser);
  let dialogs = 0;
  page.on('dialog', (d) => { dialogs += 1; d.dismiss(); });
  await page.locator('input[type=file]').setInputFiles({ name: 'x.journey.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(document)) });
  await page.getByRole('button', { name: 'Open <b>Bold</b> journey' }).click();
  await page.getByText('<img src=x onerror="window.hacked=1">').waitFor();
  await page.getByText('<script>window.hacked=2</script>').waitFor();
  assert.equal(await page.locator('main img, main script, main b').count(), 0);
  assert.equal(await page.evaluate(() => window.hacked), undefined);

  // The same map through its share link, and as an SVG picture.
  await page.getByRole('button', { name: 'Share…' }).click();
  const link = await page.getByLabel('Share link').inputValue();
  await page.getByRole('button', { name: 'Pictures' }).click();
  const svg = await downloadFrom(page, () => page.getByRole('button', { name: 'Whole map as SVG' }).click());
  assert.ok(!svg.text.includes('<img') && !svg.text.includes('<script') && !svg.text.includes('<b>'));
  // Followed from the app, a share link loads the page again, where the embed module shows it.
  await page.goto(link);
  await page.locator('section.shared').getByText('<script>window.hacked=2</script>').waitFor();
  assert.equal(await page.locator('main img, main script, main b').count(), 0);
  assert.equal(await page.evaluate(() => window.hacked), undefined);
  assert.equal(dialogs, 0);
  assert.deepEqual(page.errors, []);
  assert.deepEqual(await cspViolations(page), [], 'the app runs under its CSP without a single violation');
  await page.context().close();
});

test('a map file over the size limit is refused before it is read', async () => {
  const page = await openApp(browser);
  await page.locator('input[type=file]').setInputFiles({ name: 'huge.journey.json', mimeType: 'application/json', buffer: Buffer.alloc(21 * 1048576, 32) });
  await page.locator('.banner.error', { hasText: 'huge.journey.json was not imported: it is 21.0 MB; the limit is 20 MB.' }).waitFor();
  assert.equal(await page.locator('.map-row').count(), 0);
  await page.context().close();
});
