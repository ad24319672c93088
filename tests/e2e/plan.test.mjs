// As-is and to-be: a to-be journey planned from a measured map, linked both ways and listed as a
// pair, with targets on its touchpoints, compared with the as-is in one grid and one chart, and
// its journey score projected from the as-is answers with each target's gain.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, BASE_URL, downloadFrom, fixture, launch, openApp, pickSurvey, scenarioMap, screenshot, waitForStored } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

const fixed = (n) => n.toFixed(1);

async function addCard(page, lane, stage, text) {
  await page.getByRole('button', { name: `Add card to ${lane} in ${stage}`, exact: true }).click();
  await page.getByLabel(`New card in ${lane} in ${stage}`).fill(text);
  await page.keyboard.press('Enter');
  await page.locator('.card', { hasText: text }).waitFor();
}

async function setTarget(page, card, target) {
  await page.getByRole('button', { name: `Measure card: ${card}` }).click();
  await page.getByLabel('Target score in the to-be (0–100, blank: none)').fill(String(target));
  await page.getByRole('button', { name: 'Save measure' }).click();
  await page.locator('.card', { hasText: card }).locator('.card-target', { hasText: `Target ${target}` }).waitFor();
}

test('a to-be journey is planned, linked both ways, compared with the as-is and projected', async () => {
  const { csv, expected } = fixture('google-forms');
  const { scenario } = expected;
  const all = expected.expected.all;
  const gain = Object.fromEntries(all.gains);
  const page = await openApp(browser);
  const personas = [{ id: 1, name: 'Customer', description: '', emotions: [] }];
  await page.locator('input[type=file]').setInputFiles({ name: 'p.journey.json', mimeType: 'application/json', buffer: Buffer.from(scenarioMap('plan', scenario, personas)) });
  await page.getByRole('button', { name: 'Open Fixture plan' }).click();
  await pickSurvey(page, 'g.csv', csv);
  for (const stage of scenario.stages) for (const t of stage.touchpoints) await page.getByLabel(`Answers for “${t.name}”`).selectOption(t.column);
  await page.getByRole('button', { name: 'Read the file' }).click();
  await page.getByRole('button', { name: 'Import answers' }).click();
  await page.locator('.journey-score .score-value', { hasText: fixed(all.journey.score) }).waitFor();
  await page.getByLabel('New lane').selectOption('pain_points');
  await page.getByRole('button', { name: 'Add lane' }).click();
  await addCard(page, 'Pain points', 'Awareness', 'Ads feel random');
  await addCard(page, 'Pain points', 'Purchase', 'Slow payment');
  await page.getByLabel('Feeling of Customer at Awareness').selectOption('1');

  await page.getByRole('button', { name: 'Plan a to-be journey' }).click();
  await page.getByRole('heading', { name: 'Fixture plan (to-be)' }).waitFor();
  const bar = page.locator('.plan-bar');
  assert.match(await bar.textContent(), /^A to-be journey, planned from Fixture plan/);
  await page.getByRole('button', { name: 'Delete card: Ads feel random' }).click();
  await addCard(page, 'Touchpoints', 'Purchase', 'Live chat');
  await page.getByLabel('Feeling of Customer at Awareness').selectOption('2');
  await setTarget(page, 'Recommend', 100);
  await setTarget(page, 'Website', 100);
  await waitForStored(page, (map) => map.as_is === 'fixture-plan'
    && map.cards.some((c) => c.text === 'Recommend' && c.measure?.target === 100));

  await page.getByRole('button', { name: 'Compare with the as-is' }).click();
  await page.getByRole('heading', { name: 'As-is and to-be: Fixture plan and Fixture plan (to-be)' }).waitFor();
  const summary = page.getByRole('region', { name: 'What the to-be changes' });
  assert.match(await summary.textContent(), /1 touchpoint added, 0 removed, 2 changed; 1 of 2 pain points addressed/);
  assert.match(await summary.textContent(), /Live chat in Purchase \(added\)/);
  assert.match(await summary.textContent(), /Pain points addressedAds feel random in Awareness/);

  // The journey is linear in each touchpoint's score: a target of 100 adds that touchpoint's
  // gain-if-perfect, and the two targets add both.
  const projection = page.getByRole('region', { name: 'Projected journey score' });
  const figures = await projection.locator('.plan-scores dd').allTextContents();
  assert.deepEqual(figures, [fixed(all.journey.score), fixed(all.journey.score), fixed(all.journey.score + gain.Recommend + gain.Website)]);
  const rows = await projection.getByRole('table', { name: 'What each target adds on its own' }).locator('tbody tr').allTextContents();
  assert.equal(rows.length, 2);
  assert.match(rows[0], new RegExp(`^Recommend.*100\\+${fixed(gain.Recommend)}$`));
  assert.match(rows[1], new RegExp(`^Website.*100\\+${fixed(gain.Website)}$`));

  const chart = page.locator('.curves-chart');
  assert.deepEqual(await chart.locator('.curve-legend li').allTextContents(), ['As-is: Customer', 'To-be: Customer']);
  const dashes = await chart.locator('svg[role=img] .curve-line').evaluateAll((lines) => lines.map((l) => l.getAttribute('stroke-dasharray')));
  assert.notEqual(dashes[0], dashes[1], 'the two curves differ in dash, not colour alone');
  const values = page.getByRole('table', { name: 'Emotion curves, as-is and to-be, by stage' });
  assert.match(await values.locator('tbody tr').first().textContent(), /^Awareness\s*\+1\s*\+2$/);

  const grid = page.getByRole('region', { name: 'As-is and to-be, stage by stage' });
  assert.equal(await grid.locator('.plan-card.plan-added').textContent(), 'Live chat (added)');
  assert.equal(await grid.locator('.plan-card.plan-removed').textContent(), 'Ads feel random (removed)');
  assert.equal(await grid.locator('tbody tr').count(), 4, 'an as-is and a to-be row for each of the two lanes');
  await screenshot(page, 'as-is-and-to-be');
  assert.deepEqual(await axeViolations(page), []);

  await page.getByRole('button', { name: 'Back to the map' }).click();
  await bar.getByRole('link', { name: 'Fixture plan' }).click();
  await page.getByRole('heading', { name: /^Fixture plan \(edit map name\)$/ }).waitFor();
  assert.match(await bar.textContent(), /^As-is journey; its to-be: Fixture plan \(to-be\)/);
  await page.getByRole('button', { name: 'Compare as-is and to-be' }).click();
  await page.getByRole('heading', { name: 'As-is and to-be: Fixture plan and Fixture plan (to-be)' }).waitFor();
  await page.getByRole('button', { name: 'Back to the map' }).click();

  await page.getByRole('button', { name: '← All maps' }).click();
  // The library is drawn when the route changes, a task after the click.
  await page.locator('.map-row.to-be').waitFor();
  const names = await page.locator('.map-row .map-row-name').allTextContents();
  assert.deepEqual(names.slice(0, 2), ['Fixture plan (edit map name)', 'Fixture plan (to-be) (edit map name)']);
  assert.equal(await page.locator('.map-row.to-be .map-row-pair').textContent(), 'To-be journey of “Fixture plan”');
  await screenshot(page, 'library-pair');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a to-be goes out with its as-is: a compare picture, a link and a frame that switch between them, saved as a pair', async () => {
  const { expected } = fixture('google-forms');
  const page = await openApp(browser);
  const personas = [{ id: 1, name: 'Customer', description: '', emotions: [] }];
  await page.locator('input[type=file]').setInputFiles({ name: 'p.journey.json', mimeType: 'application/json', buffer: Buffer.from(scenarioMap('plan', expected.scenario, personas)) });
  await page.getByRole('button', { name: 'Open Fixture plan' }).click();
  await page.getByLabel('Feeling of Customer at Awareness').selectOption('-1');
  await page.getByLabel('Feeling of Customer at Consideration').selectOption('1');
  await page.getByRole('button', { name: 'Plan a to-be journey' }).click();
  await page.getByRole('heading', { name: 'Fixture plan (to-be)' }).waitFor();
  await page.getByLabel('Feeling of Customer at Awareness').selectOption('2');

  await page.getByRole('button', { name: 'Pictures' }).click();
  const svg = await downloadFrom(page, () => page.getByRole('button', { name: 'As-is and to-be as SVG' }).click());
  assert.equal(svg.name, 'fixture-plan-to-be.compare.svg');
  assert.match(svg.text, /<title>As-is and to-be: Fixture plan and Fixture plan \(to-be\)<\/title>/);
  const lines = [...svg.text.matchAll(/<polyline [^>]*stroke-dasharray="([^"]+)"/g)].map((m) => m[1]);
  assert.deepEqual(lines, ['7 5', 'none'], 'the as-is dashed, the to-be solid');
  assert.match(svg.text, /As-is: Customer/);
  await page.getByRole('button', { name: 'Pictures' }).click();
  const png = await downloadFrom(page, () => page.getByRole('button', { name: 'As-is and to-be as PNG' }).click());
  assert.equal(png.name, 'fixture-plan-to-be.compare.png');
  assert.ok(png.text.startsWith('\ufffdPNG'), 'a PNG file');

  await page.getByRole('button', { name: 'Share…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this map' });
  const field = dialog.getByLabel('Share link');
  const alone = await field.inputValue();
  await dialog.getByLabel('Let readers switch to the as-is journey “Fixture plan” (the link carries both maps)').check();
  await page.waitForFunction((before) => document.querySelector('#share-link').value !== before, alone);
  const link = await field.inputValue();
  assert.ok(link.length > alone.length, 'the link now carries both maps');
  assert.deepEqual(await axeViolations(page), []);
  await page.context().close();

  const reader = await openApp(browser, { hash: link.slice(BASE_URL.length) });
  const shared = reader.locator('section.shared');
  await shared.getByRole('heading', { name: 'Fixture plan (to-be)' }).waitFor();
  assert.equal(await reader.getByLabel('Feeling of Customer at Awareness').count(), 0, 'read-only');
  await reader.getByRole('button', { name: 'Show the as-is journey' }).click();
  await shared.getByRole('heading', { name: 'Fixture plan', exact: true }).waitFor();
  await reader.getByRole('button', { name: 'Show the to-be journey' }).waitFor();
  await screenshot(reader, 'shared-pair');
  assert.deepEqual(await axeViolations(reader), []);
  await reader.getByRole('button', { name: 'Save a copy to my maps' }).click();
  await reader.getByText('Saved copies of “Fixture plan (to-be)” and “Fixture plan”, its as-is and to-be pair, to your maps.').waitFor();
  await reader.getByRole('heading', { name: /^Fixture plan \(to-be\) \(edit map name\)$/ }).waitFor();
  assert.match(await reader.locator('.plan-bar').textContent(), /^A to-be journey, planned from Fixture plan/);
  await waitForStored(reader, (map) => map.as_is === 'fixture-plan');
  assert.deepEqual(reader.errors, []);
  await reader.context().close();

  const frame = await (await browser.newContext()).newPage();
  frame.errors = [];
  frame.on('pageerror', (e) => frame.errors.push(e.message));
  await frame.goto(link.replace('#/view/', '#/embed/'));
  await frame.getByRole('heading', { name: 'Fixture plan (to-be)' }).waitFor();
  await frame.getByRole('button', { name: 'Show the as-is journey' }).click();
  await frame.getByRole('heading', { name: 'Fixture plan', exact: true }).waitFor();
  // A frame's level-one heading is its host page's.
  assert.deepEqual((await axeViolations(frame)).filter((v) => !v.startsWith('page-has-heading-one')), []);
  assert.deepEqual(frame.errors, []);
  await frame.context().close();
});
