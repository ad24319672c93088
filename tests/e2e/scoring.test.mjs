import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, createFromTemplate, downloadFrom, fixture, launch, openApp, pickSurvey, scenarioMap, screenshot } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

const fixed = (x) => x.toFixed(1);

async function expectJourney(page, journey) {
  const bar = page.locator('.journey-score');
  await bar.locator('.score-value', { hasText: fixed(journey.score) }).waitFor();
  assert.equal(await bar.locator('.journey-ci').textContent(), `95% CI ${fixed(journey.ci[0])}–${fixed(journey.ci[1])}`);
  assert.equal(await bar.locator('.journey-weakest').textContent(), `Weakest stage: ${journey.weakest_stage}`);
}

for (const name of ['qualtrics-numeric', 'surveymonkey', 'google-forms', 'long-format']) {
  test(`the ${name} export imports through the mapping step and scores as expected`, async () => {
    const { csv, expected } = fixture(name);
    const { scenario } = expected;
    const page = await openApp(browser);
    await page.locator('input[type=file]').setInputFiles({ name: 'scenario.journey.json', mimeType: 'application/json', buffer: Buffer.from(scenarioMap(name, scenario)) });
    await page.getByRole('button', { name: `Open Fixture ${name}` }).click();
    await page.locator('.journey-grid').waitFor();

    await pickSurvey(page, `${name}.csv`, csv);
    await page.locator('.mapping-form').waitFor();
    for (const stage of scenario.stages) {
      for (const t of stage.touchpoints) {
        await page.getByLabel(`Answers for “${t.name}”`).selectOption(t.column);
      }
    }
    await page.getByLabel('Date column').selectOption(scenario.date_column);
    await page.getByLabel('Segment or persona column').selectOption(scenario.segment_column);
    await page.getByRole('button', { name: 'Read the file' }).click();

    const report = page.getByRole('region', { name: 'Import report' });
    await report.waitFor();
    assert.match(await report.textContent(), /Periods: 2026-Q1, 2026-Q2\./);
    await page.getByRole('button', { name: 'Import answers' }).click();
    await expectJourney(page, expected.expected.all.journey);

    await page.locator('.slice-picker select').selectOption('period:2026-Q1');
    await expectJourney(page, expected.expected['2026-Q1'].journey);
    await page.locator('.slice-picker select').selectOption('segment:New customer');
    await expectJourney(page, expected.expected['segment:New customer'].journey);

    await page.reload();
    await page.locator('.journey-grid').waitFor();
    await expectJourney(page, expected.expected.all.journey);

    const file = await downloadFrom(page, () => page.getByRole('button', { name: 'Export JSON' }).click());
    const scores = JSON.parse(file.text).scores;
    assert.ok(Math.abs(scores.all.journey.score - expected.expected.all.journey.score) <= 0.01);
    assert.deepEqual(Object.keys(scores.periods), ['2026-Q1', '2026-Q2']);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
}

test('a touchpoint is measured in its card and answers typed in score it', async () => {
  const page = await openApp(browser);
  await createFromTemplate(page, 'four-stage');
  await page.getByRole('button', { name: 'Add card to Touchpoints in Decision' }).click();
  await page.keyboard.type('Pricing page');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Measure card: Pricing page' }).click();
  await page.getByLabel('Metric').selectOption('top_box');
  await page.getByLabel('Scale').selectOption('csat5');
  await page.getByRole('button', { name: 'Save measure' }).click();
  await page.locator('.score-badge', { hasText: 'no data' }).first().waitFor();

  await page.getByText('Type answers in').click();
  // Top box on 1–5 counts 4 and 5: 3 + 5 of 10 answers → 80.
  for (const [value, count] of [[2, 2], [4, 3], [5, 5]]) await page.getByLabel(`Answered ${value}`).fill(String(count));
  await page.getByRole('button', { name: 'Add answers' }).click();
  const card = page.locator('.card', { hasText: 'Pricing page' });
  await card.locator('.score-value', { hasText: '80.0' }).waitFor();
  assert.match(await card.locator('.score-badge').textContent(), /n 10 · low sample/);
  await page.locator('.journey-score .score-value', { hasText: '80.0' }).waitFor();

  await page.getByLabel('I have').selectOption('summary');
  await page.getByLabel('n', { exact: true }).fill('40');
  await page.getByLabel('Mean', { exact: true }).fill('3');
  await page.getByLabel('sd', { exact: true }).fill('0');
  await page.getByRole('button', { name: 'Add answers' }).click();
  // 40 more answers of 3, none top box: 8 of 50 → 16, now flagged below the alert threshold.
  await card.locator('.score-value', { hasText: '16.0' }).waitFor();
  assert.match(await card.locator('.score-badge').textContent(), /below alert/);

  await page.getByRole('button', { name: 'Undo' }).click();
  await card.locator('.score-value', { hasText: '80.0' }).waitFor();
  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, 'map-scored');
  await page.context().close();
});

test('the score panel shows priorities, a what-if, segments and exports the scores as CSV', async () => {
  const { csv, expected } = fixture('google-forms');
  const { scenario } = expected;
  const page = await openApp(browser);
  await page.locator('input[type=file]').setInputFiles({ name: 's.journey.json', mimeType: 'application/json', buffer: Buffer.from(scenarioMap('panel', scenario)) });
  await page.getByRole('button', { name: 'Open Fixture panel' }).click();
  await pickSurvey(page, 'g.csv', csv);
  for (const stage of scenario.stages) for (const t of stage.touchpoints) await page.getByLabel(`Answers for “${t.name}”`).selectOption(t.column);
  await page.getByLabel('Date column').selectOption(scenario.date_column);
  await page.getByLabel('Segment or persona column').selectOption(scenario.segment_column);
  await page.getByRole('button', { name: 'Read the file' }).click();
  await page.getByRole('button', { name: 'Import answers' }).click();

  const priorities = page.getByRole('table', { name: /Improvement priority/ });
  const first = expected.expected.all.gains[0];
  assert.equal(await priorities.locator('tbody tr').first().locator('th').textContent(), first[0]);
  assert.equal(await priorities.locator('tbody tr').first().locator('td').last().textContent(), first[1].toFixed(2));
  // What if the top-priority touchpoint scored 100: J rises by exactly its gain.
  await page.getByLabel('scored').fill('100');
  const moved = expected.expected.all.journey.score + first[1];
  await page.locator('.what-if-result', { hasText: `would be ${fixed(moved)}` }).waitFor();
  const segments = page.getByRole('table', { name: 'Journey score by segment' });
  assert.equal(await segments.locator('tbody tr').count(), 2);
  assert.equal(await page.getByRole('table', { name: 'Journey score per period' }).locator('tbody tr').count(), 2);

  const exported = await downloadFrom(page, () => page.getByRole('button', { name: 'Export scores CSV' }).click());
  assert.equal(exported.name, 'fixture-panel.scores.csv');
  assert.match(exported.text, /^slice,level,id,name,score,se,ci_low,ci_high,n,gain\n/);
  assert.match(exported.text, new RegExp(`\\nall,journey,,Fixture panel,${expected.expected.all.journey.score.toFixed(2)},`));
  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, 'score-panel');
  await page.context().close();
});

test('the next file imports with the remembered mapping, and a repeated period is replaced, added or left alone', async () => {
  const { csv, expected } = fixture('google-forms');
  const { scenario } = expected;
  const recommend = scenario.stages.flatMap((s) => s.touchpoints).find((t) => t.metric.kind === 'nps').column;
  const page = await openApp(browser);
  await page.locator('input[type=file]').setInputFiles({ name: 's.journey.json', mimeType: 'application/json', buffer: Buffer.from(scenarioMap('again', scenario)) });
  await page.getByRole('button', { name: 'Open Fixture again' }).click();
  const importCsv = () => pickSurvey(page, 'g.csv', csv);
  await importCsv();
  for (const stage of scenario.stages) for (const t of stage.touchpoints) await page.getByLabel(`Answers for “${t.name}”`).selectOption(t.column);
  await page.getByLabel('Date column').selectOption(scenario.date_column);
  await page.getByLabel('Loyalty question (NPS or rating)').selectOption(recommend);
  await page.getByRole('button', { name: 'Read the file' }).click();
  await page.getByRole('button', { name: 'Import answers' }).click();
  const answers = () => page.locator('.journey-score .score-n').textContent();
  await page.locator('.journey-score .score-value', { hasText: fixed(expected.expected.all.journey.score) }).waitFor();
  const first = await answers();
  assert.match(await page.getByRole('region', { name: 'Loyalty link' }).textContent(), /r = -?[01]\.\d\d \(95% CI -?[01]\.\d\d to -?[01]\.\d\d, n = \d+\)\. Respondents with a better journey are/);

  await importCsv();
  assert.equal(await page.getByLabel(`Answers for “${scenario.stages[0].touchpoints[0].name}”`).inputValue(), scenario.stages[0].touchpoints[0].column);
  await page.getByRole('button', { name: 'Read the file' }).click();
  await page.getByText('The map already has answers for 2026-Q1, 2026-Q2.').waitFor();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: 'Back to the map' }).click();
  assert.equal(await answers(), first);

  await importCsv();
  await page.getByRole('button', { name: 'Read the file' }).click();
  await page.getByRole('button', { name: 'Replace those periods' }).click();
  await page.locator('.survey-answers').waitFor();
  assert.equal(await answers(), first);

  await importCsv();
  await page.getByRole('button', { name: 'Read the file' }).click();
  await page.getByRole('button', { name: 'Add to them' }).click();
  const doubled = Number(first.match(/\d+/)[0]) * 2;
  await page.locator('.journey-score .score-n', { hasText: `n ${doubled}` }).waitFor();
  await page.context().close();
});
