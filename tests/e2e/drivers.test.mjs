// What drives the score, as an analyst uses it: a one-row-per-respondent file with a loyalty
// question, the loyalty link following a weight typed afterwards, data-driven weights applied
// and undone, and the score report checked against the panel.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, launch, openApp, pickSurvey, screenshot } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

const TOUCHPOINTS = ['Delivery', 'Web shop', 'Emails'];

/** Three stages, one touchpoint each measured as a 1–5 mean, weights 1. */
function driversMap() {
  const lane = { id: 2, kind: 'touchpoints', title: 'Touchpoints' };
  const stages = TOUCHPOINTS.map((_, i) => ({ id: 10 + i, name: `Stage ${i + 1}` }));
  const cards = TOUCHPOINTS.map((text, i) => ({
    id: 20 + i, lane: 2, stage: 10 + i, text, measure: { metric: { kind: 'mean', min: 1, max: 5 } },
  }));
  const map = {
    id: 'drivers-map', name: 'Drivers', description: '', created: 1, updated: 1, stages, lanes: [lane],
    personas: [{ id: 1, name: 'Customer', description: '', emotions: [] }], cards,
  };
  return JSON.stringify({ format: 'journeyscope-map', schema: 4, map });
}

/** 240 respondents: loyalty follows delivery closely, the web shop a little, emails not at all. */
function respondents() {
  let seed = 7;
  const next = (range) => { seed = (seed * 1103515245 + 12345) % 2147483648; return Math.floor(seed / 65536) % range; };
  const rows = [];
  for (let i = 0; i < 240; i++) {
    const delivery = 1 + next(5);
    const shop = Math.min(5, delivery + next(2));
    const emails = 1 + next(5);
    rows.push([delivery, shop, emails, Math.min(10, 2 * delivery + next(2))]);
  }
  return rows;
}

const csv = (rows) => `delivery,shop,emails,recommend\n${rows.map((r) => r.join(',')).join('\n')}\n`;

/** Pearson r between each respondent's own journey score under these stage weights and loyalty. */
function expectedR(rows, weights) {
  const pairs = rows.map((r) => {
    const scores = r.slice(0, 3).map((v) => 25 * (v - 1));
    const total = weights.reduce((a, b) => a + b, 0);
    return [scores.reduce((sum, s, i) => sum + weights[i] * s, 0) / total, r[3]];
  });
  const n = pairs.length;
  const mx = pairs.reduce((a, p) => a + p[0], 0) / n;
  const my = pairs.reduce((a, p) => a + p[1], 0) / n;
  let sxy = 0; let sxx = 0; let syy = 0;
  for (const [x, y] of pairs) { sxy += (x - mx) * (y - my); sxx += (x - mx) ** 2; syy += (y - my) ** 2; }
  return sxy / Math.sqrt(sxx * syy);
}

test('the loyalty link follows the weights, data-driven weights apply and undo, and the report matches the panel', async () => {
  const rows = respondents();
  const page = await openApp(browser);
  await page.locator('input[type=file]').setInputFiles({ name: 'd.journey.json', mimeType: 'application/json', buffer: Buffer.from(driversMap()) });
  await page.getByRole('button', { name: 'Open Drivers' }).click();
  await pickSurvey(page, 'r.csv', csv(rows));
  for (const [name, column] of [['Delivery', 'delivery'], ['Web shop', 'shop'], ['Emails', 'emails']]) {
    await page.getByLabel(`Answers for “${name}”`).selectOption(column);
  }
  await page.getByLabel('Loyalty question (NPS or rating)').selectOption('recommend');
  await page.getByRole('button', { name: 'Read the file' }).click();
  await page.getByRole('button', { name: 'Import answers' }).click();

  const link = page.getByRole('region', { name: 'Loyalty link' }).locator('.loyalty-figures');
  await link.waitFor();
  const rEqual = expectedR(rows, [1, 1, 1]);
  assert.match(await link.textContent(), new RegExp(`^r = ${rEqual.toFixed(2)} \\(95% CI .* n = 240\\)`));

  // A stage weight typed after the import: r is that of the new weights, at once.
  await page.getByText('Weights and thresholds').click();
  await page.getByRole('spinbutton', { name: 'Stage 1', exact: true }).fill('3');
  await page.getByRole('spinbutton', { name: 'Stage 1', exact: true }).press('Tab');
  const rHeavy = expectedR(rows, [3, 1, 1]);
  assert.notEqual(rHeavy.toFixed(2), rEqual.toFixed(2));
  await page.locator('.loyalty-figures', { hasText: `r = ${rHeavy.toFixed(2)} ` }).waitFor();

  // Key drivers: delivery first, with the fix-first corner named in the table when it applies.
  const drivers = page.getByRole('table', { name: /What drives loyalty/ });
  assert.deepEqual(await drivers.locator('tbody th').allTextContents(), ['Delivery', 'Web shop', 'Emails']);
  const panelDriverR = await drivers.locator('tbody tr').first().locator('td').nth(2).textContent();
  await page.getByRole('region', { name: 'What drives loyalty' }).scrollIntoViewIfNeeded();
  await screenshot(page, 'key-drivers');

  // Data-driven weights: a preview with the score before and after, applied as one edit.
  const journey = () => page.locator('.journey-score .score-value').textContent();
  const typed = await journey();
  await page.getByRole('button', { name: 'Use data-driven weights…' }).click();
  const change = await page.locator('.weights-change').textContent();
  const [, after, now] = change.match(/would be ([\d.]+) \(now ([\d.]+)\)/);
  assert.equal(now, typed);
  await page.getByRole('button', { name: 'Apply these weights' }).click();
  await page.locator('.journey-score .score-value', { hasText: after }).waitFor();
  assert.match(await page.locator('.score-panel .weights-source').textContent(), /^Weights derived from the key drivers of 240 respondents \(all answers; loyalty question “recommend”\), applied \d{4}-\d\d-\d\d\.$/);
  assert.equal(await page.getByRole('spinbutton', { name: 'Stage 3', exact: true }).inputValue() !== '1', true);
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.locator('.journey-score .score-value', { hasText: typed }).waitFor();
  assert.equal(await page.locator('.score-panel .weights-source').textContent(), 'Weights typed on the map.');
  assert.equal(await page.getByRole('spinbutton', { name: 'Stage 1', exact: true }).inputValue(), '3');

  // The report: the panel's figures, printable, accessible.
  const ci = (await page.locator('.journey-score .journey-ci').textContent()).replace('95% CI ', '').replace('–', ' to ');
  const weakest = (await page.locator('.journey-score .journey-weakest').textContent()).replace('Weakest stage: ', '');
  await page.getByRole('button', { name: 'Score report' }).click();
  const report = page.getByRole('article', { name: /Customer Journey Score report: Drivers/ });
  await report.waitFor();
  assert.equal(await report.locator('.report-summary dd').first().textContent(), typed);
  assert.equal(await report.locator('.report-summary dd').nth(1).textContent(), ci);
  assert.match(await report.locator('.report-summary dd').nth(2).textContent(), new RegExp(`^${weakest} \\(`));
  assert.match(await report.getByRole('region', { name: 'Loyalty link' }).textContent(), new RegExp(`r = ${rHeavy.toFixed(2)} `));
  const reportDrivers = report.getByRole('table', { name: /What drives loyalty/ });
  assert.equal(await reportDrivers.locator('tbody tr').first().locator('td').nth(2).textContent(), panelDriverR);
  assert.match(await report.getByRole('table', { name: /Stages and touchpoints/ }).textContent(), /Stage 1\s*3\s*stage/);
  assert.match(await report.locator('.weights-source').textContent(), /^Weights typed on the map\.$/);
  await report.getByText('importance_j = Σ_k Λ_jk² · β_k²', { exact: false }).waitFor();
  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, 'score-report');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.getByRole('button', { name: 'Print or save as PDF' }).isVisible(), false);
  await screenshot(page, 'score-report-print');
  await page.emulateMedia({ media: 'screen' });
  await page.getByRole('button', { name: '← Back to the map' }).click();
  await page.locator('.journey-grid').waitFor();
  // The editor's history survives a visit to the report.
  await page.getByRole('button', { name: 'Redo' }).click();
  await page.locator('.journey-score .score-value', { hasText: after }).waitFor();
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
