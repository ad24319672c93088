// Personas side by side: two personas' curves on one chart, told apart without colour, and the
// journey score of the persona whose name a survey segment shares, from that segment's answers.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, fixture, launch, openApp, scenarioMap, screenshot } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

test('two personas compare on one chart, and the one named like a segment scores from its answers', async () => {
  const { csv, expected } = fixture('qualtrics-numeric');
  const { scenario } = expected;
  const personas = [
    { id: 1, name: 'Customer', description: '', emotions: [] },
    // The segment in the file is "New customer": names match in any case.
    { id: 90, name: 'new customer', description: '', emotions: [] },
  ];
  const page = await openApp(browser);
  await page.locator('input[type=file]').setInputFiles({ name: 'p.journey.json', mimeType: 'application/json', buffer: Buffer.from(scenarioMap('personas', scenario, personas)) });
  await page.getByRole('button', { name: 'Open Fixture personas' }).click();
  await page.locator('.journey-grid').waitFor();
  await page.locator('.survey-import input[type=file]').setInputFiles({ name: 'answers.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.locator('.mapping-form').waitFor();
  for (const stage of scenario.stages) {
    for (const t of stage.touchpoints) await page.getByLabel(`Answers for “${t.name}”`).selectOption(t.column);
  }
  await page.getByLabel('Date column').selectOption(scenario.date_column);
  await page.getByLabel('Segment or persona column').selectOption(scenario.segment_column);
  await page.getByRole('button', { name: 'Read the file' }).click();
  await page.getByRole('button', { name: 'Import answers' }).click();

  const [first, second] = scenario.stages.map((s) => s.name);
  await page.getByLabel(`Feeling of Customer at ${first}`).selectOption('1');
  await page.getByLabel(`Feeling of Customer at ${second}`).selectOption('2');
  await page.getByRole('button', { name: 'new customer', exact: true }).click();
  await page.getByLabel(`Feeling of new customer at ${first}`).selectOption('-2');

  await page.getByRole('button', { name: 'Compare personas' }).click();
  await page.getByRole('heading', { name: 'Personas side by side' }).waitFor();
  const chart = page.locator('.curves-chart');
  assert.equal(await chart.locator('.compare-curve').count(), 2);
  assert.deepEqual(await chart.locator('.curve-legend li').allTextContents(), ['Customer', 'new customer']);
  const dashes = await chart.locator('svg[role=img] .curve-line').evaluateAll((lines) => lines.map((l) => l.getAttribute('stroke-dasharray')));
  assert.notEqual(dashes[0], dashes[1], 'the lines differ in dash, not colour alone');
  const shapes = await chart.locator('svg[role=img] .compare-curve').evaluateAll((gs) => gs.map((g) => g.querySelector('.curve-point').getAttribute('d').replace(/[\d.\s-]/g, '')));
  assert.notEqual(shapes[0], shapes[1], 'and in the shape of their points');
  const values = page.getByRole('table', { name: 'Emotion curves, by stage' });
  assert.match(await values.locator('tbody tr').first().textContent(), new RegExp(`^${first}\\s*\\+1\\s*-2$`));

  const scores = page.getByRole('table', { name: /^Journey score by persona/ });
  const segment = expected.expected['segment:New customer'].journey;
  const newcomer = scores.getByRole('row', { name: /^new customer/ });
  assert.match(await newcomer.textContent(), new RegExp(`${segment.score.toFixed(1)} \\(95% CI`));
  assert.match(await newcomer.textContent(), new RegExp(`${segment.weakest_stage}$`));
  assert.match(await scores.getByRole('row', { name: /^Customer/ }).textContent(), /No answers from a segment of this name/);
  await screenshot(page, 'personas-side-by-side');
  assert.deepEqual(await axeViolations(page), []);

  await page.getByRole('checkbox', { name: 'Customer', exact: true }).uncheck();
  await page.getByText('Choose two or more personas to compare them.').waitFor();
  await page.getByRole('button', { name: 'Back to the map' }).click();
  await page.locator('.journey-grid').waitFor();
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
