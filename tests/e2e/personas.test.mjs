// Personas side by side: two personas' curves on one chart, told apart without colour, and each
// persona's journey score from the answers of the segment linked to it in the import's mapping
// step (pre-filled where the names match).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, fixture, launch, openApp, pickSurvey, scenarioMap, screenshot } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

test('two personas compare on one chart, each scored from the answers of the segment linked to it', async () => {
  const { csv, expected } = fixture('qualtrics-numeric');
  const { scenario } = expected;
  const personas = [
    { id: 1, name: 'Customer', description: '', emotions: [] },
    // The segment in the file is "New customer": names match in any case.
    { id: 90, name: 'new customer', description: '', emotions: [] },
    { id: 91, name: 'Visitor', description: '', emotions: [] },
  ];
  const page = await openApp(browser);
  await page.locator('input[type=file]').setInputFiles({ name: 'p.journey.json', mimeType: 'application/json', buffer: Buffer.from(scenarioMap('personas', scenario, personas)) });
  await page.getByRole('button', { name: 'Open Fixture personas' }).click();
  await page.locator('.journey-grid').waitFor();
  await pickSurvey(page, 'answers.csv', csv);
  await page.locator('.mapping-form').waitFor();
  for (const stage of scenario.stages) {
    for (const t of stage.touchpoints) await page.getByLabel(`Answers for “${t.name}”`).selectOption(t.column);
  }
  await page.getByLabel('Date column').selectOption(scenario.date_column);
  await page.getByLabel('Segment or persona column').selectOption(scenario.segment_column);
  const linked = (segment) => page.getByLabel(`Segment “${segment}” is`).locator('option:checked').textContent();
  assert.equal(await linked('New customer'), 'persona new customer');
  assert.equal(await linked('Returning customer'), '— a segment, no persona —');
  await screenshot(page, 'segments-and-personas');
  // Linking the returning customers to "Customer" gives that persona their score.
  await page.getByLabel('Segment “Returning customer” is').selectOption({ label: 'persona Customer' });
  await page.getByRole('button', { name: 'Read the file' }).click();
  await page.getByRole('button', { name: 'Import answers' }).click();
  const bySegment = page.getByRole('table', { name: 'Journey score by segment' });
  assert.match(await bySegment.getByRole('row', { name: /^New customer/ }).textContent(), /^New customernew customer/);
  assert.match(await bySegment.getByRole('row', { name: /^Returning customer/ }).textContent(), /^Returning customerCustomer\d/);

  const [first, second] = scenario.stages.map((s) => s.name);
  await page.getByLabel(`Feeling of Customer at ${first}`).selectOption('1');
  await page.getByLabel(`Feeling of Customer at ${second}`).selectOption('2');
  await page.getByRole('button', { name: 'new customer', exact: true }).click();
  await page.getByLabel(`Feeling of new customer at ${first}`).selectOption('-2');

  await page.getByRole('button', { name: 'Compare personas' }).click();
  await page.getByRole('heading', { name: 'Personas side by side' }).waitFor();
  const chart = page.locator('.curves-chart');
  assert.equal(await chart.locator('.compare-curve').count(), 3);
  assert.deepEqual(await chart.locator('.curve-legend li').allTextContents(), ['Customer', 'new customer', 'Visitor']);
  const dashes = await chart.locator('svg[role=img] .curve-line').evaluateAll((lines) => lines.map((l) => l.getAttribute('stroke-dasharray')));
  assert.notEqual(dashes[0], dashes[1], 'the lines differ in dash, not colour alone');
  const shapes = await chart.locator('svg[role=img] .compare-curve').evaluateAll((gs) => gs.map((g) => (g.querySelector('.curve-point')?.getAttribute('d') ?? '').replace(/[\d.\s-]/g, '')));
  assert.notEqual(shapes[0], shapes[1], 'and in the shape of their points');
  const values = page.getByRole('table', { name: 'Emotion curves, by stage' });
  assert.match(await values.locator('tbody tr').first().textContent(), new RegExp(`^${first}\\s*\\+1\\s*-2\\s*not set$`));

  const scores = page.getByRole('table', { name: /^Journey score by persona/ });
  const segment = expected.expected['segment:New customer'].journey;
  const newcomer = scores.getByRole('row', { name: /^new customer/ });
  assert.match(await newcomer.textContent(), new RegExp(`${segment.score.toFixed(1)} \\(95% CI`));
  assert.match(await newcomer.textContent(), new RegExp(`${segment.weakest_stage}$`));
  const returning = expected.expected['segment:Returning customer'].journey;
  assert.match(await scores.getByRole('row', { name: /^Customer/ }).textContent(), new RegExp(`^Customer${returning.score.toFixed(1)} \\(95% CI`));
  assert.match(await scores.getByRole('row', { name: /^Visitor/ }).textContent(), /No segment's answers are linked to this persona/);
  await screenshot(page, 'personas-side-by-side');
  assert.deepEqual(await axeViolations(page), []);

  await page.getByRole('checkbox', { name: 'Customer', exact: true }).uncheck();
  await page.getByRole('checkbox', { name: 'Visitor', exact: true }).uncheck();
  await page.getByText('Choose two or more personas to compare them.').waitFor();
  await page.getByRole('button', { name: 'Back to the map' }).click();
  await page.locator('.journey-grid').waitFor();
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
