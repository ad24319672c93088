// Survey files as analysts have them: a UTF-16 tab-separated export with day-first dates and
// labels, read through the mapping step with its encoding, date order and labels shown and
// changeable, and a report that says how the file was read.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { axeViolations, launch, openApp, pickSurvey, screenshot } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

/** A map with two measured touchpoints on 1–5, named as the file's columns. */
export function clinicMap() {
  const map = {
    id: 'clinic', name: 'Clinic visit', description: '', created: 1, updated: 1,
    stages: [{ id: 2, name: 'Book' }, { id: 3, name: 'Visit' }],
    lanes: [{ id: 4, kind: 'touchpoints', title: 'Touchpoints' }],
    personas: [{ id: 1, name: 'Patient', description: '', emotions: [] }],
    cards: [
      { id: 5, lane: 4, stage: 2, text: 'Booking', measure: { metric: { kind: 'mean', min: 1, max: 5 } } },
      { id: 6, lane: 4, stage: 3, text: 'Visit', measure: { metric: { kind: 'mean', min: 1, max: 5 } } },
    ],
  };
  return JSON.stringify({ format: 'journeyscope-map', schema: 7, map });
}

async function openClinic(page) {
  await page.locator('input[type=file]').setInputFiles({ name: 'c.journey.json', mimeType: 'application/json', buffer: Buffer.from(clinicMap()) });
  await page.getByRole('button', { name: 'Open Clinic visit' }).click();
}

// Day-first dates (25/03 decides), a label with an accent, a glued label and a no-basis code.
const EXPORT = [
  'Date\tBooking\tVisit\tRemarque',
  '03/02/2026\t4\tTrès satisfait\tBien',
  '25/03/2026\tSatisfied\t5\t',
  '04/04/2026\tVery satisfied5\t-99\tÇa va',
].join('\r\n') + '\r\n';

function utf16le(text) {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
}

test('a UTF-16 tab-separated export is read with its accents, its dates day-first and its labels listed', async () => {
  const page = await openApp(browser);
  await openClinic(page);
  await pickSurvey(page, 'export.txt', utf16le(EXPORT));
  const encoding = page.getByLabel('Text encoding');
  assert.equal(await encoding.inputValue(), 'utf-16le');
  await page.getByLabel('Date column').selectOption('Date');

  // Every answer that is not a number, with its count and reading; the accented label is intact.
  const labels = page.getByRole('table', { name: 'Answers that are not numbers, in the linked columns' });
  await labels.waitFor();
  const rows = await labels.locator('tbody tr').allTextContents();
  assert.deepEqual(rows.sort(), ['-991N/A', 'Satisfied14', 'Très satisfait1no value yet', 'Very satisfied515'].sort());
  await page.getByLabel('Value for “Très satisfait”').fill('5');
  await page.getByLabel('Value for “Très satisfait”').dispatchEvent('change');
  await labels.locator('tr', { hasText: 'Très satisfait' }).locator('td', { hasText: /^5$/ }).first().waitFor();
  await screenshot(page, 'survey-utf16-mapping');
  assert.deepEqual(await axeViolations(page), []);

  await page.getByRole('button', { name: 'Read the file' }).click();
  const report = page.getByRole('region', { name: 'Import report' });
  await report.waitFor();
  const text = await report.textContent();
  assert.match(text, /export\.txt: read as UTF-16 LE, tab-separated; Spreadsheet, one row per respondent\. 3 rows, 5 answers used, 1 values skipped\./);
  assert.match(text, /Dates read day first, as “25\/03\/2026” on line 3 can only be read that way\./);
  assert.match(text, /Answers with their number glued to the label \(such as “Very likely7”\), read by the number: 1\./);
  assert.match(text, /1 a negative no-basis code, read as N\/A/);
  assert.match(text, /Periods: 2026-Q1, 2026-Q2\./);
  assert.doesNotMatch(text, /\uFFFD/);
  await screenshot(page, 'survey-utf16-report');
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the encoding and the date order can be changed in the mapping step, and a wrong encoding is refused', async () => {
  const page = await openApp(browser);
  await openClinic(page);
  await pickSurvey(page, 'export.txt', utf16le(EXPORT));
  await page.getByLabel('Date column').selectOption('Date');
  await page.getByLabel('Dates such as 03/04/2026').selectOption('month_first');
  await page.getByRole('button', { name: 'Read the file' }).click();
  const report = page.getByRole('region', { name: 'Import report' });
  await report.waitFor();
  // Month first, as chosen: 03/02 is March, 04/04 April, and 25/03 no date at all.
  assert.match(await report.textContent(), /Dates read month first, as chosen in the mapping; 1 date could not be read\./);
  assert.match(await report.textContent(), /Periods: 2026-Q1, 2026-Q2\./);
  await page.getByRole('button', { name: 'Change mapping' }).click();
  await page.getByLabel('Text encoding').selectOption('utf-8');
  await page.locator('.banner.error', { hasText: 'export.txt: the file is not valid UTF-8: choose another encoding' }).waitFor();
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('an .xlsx workbook is read through the sheets module: its first sheet, then the chosen one, with its dates', async () => {
  const page = await openApp(browser);
  const fetched = [];
  page.on('request', (request) => { if (/journeyscope-sheets-/.test(request.url())) fetched.push(request.url()); });
  await openClinic(page);
  assert.deepEqual(fetched, [], 'no spreadsheet reader before a workbook is picked');
  const workbook = readFileSync(new URL('../../crates/journey-core/tests/fixtures/sheets/answers.xlsx', import.meta.url));
  await pickSurvey(page, 'answers.xlsx', workbook);
  const sheet = page.getByLabel('Sheet of the workbook');
  assert.equal(await sheet.inputValue(), 'Summary');
  assert.ok(fetched.length > 0, 'the sheets module is fetched for a workbook');
  await sheet.selectOption('Responses');
  await page.getByLabel('Answers for “Booking”').selectOption('Booking');
  await page.getByLabel('Date column').selectOption('Submitted');
  await page.getByLabel('Group answers by').selectOption('month');
  await page.getByRole('button', { name: 'Read the file' }).click();
  const report = page.getByRole('region', { name: 'Import report' });
  await report.waitFor();
  const text = await report.textContent();
  assert.match(text, /answers\.xlsx: read from sheet “Responses” of the workbook; Spreadsheet, one row per respondent\. 3 rows, 5 answers used/);
  // Two dates stored as dates and one as a bare serial day, 46206: 3 July 2026.
  assert.match(text, /Periods: 2026-03, 2026-04, 2026-07\./);
  await screenshot(page, 'survey-xlsx-report');
  await page.getByRole('button', { name: 'Import answers' }).click();
  await page.locator('.journey-score .score-value').waitFor();
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a damaged workbook is refused with why, and the map keeps what it had', async () => {
  const page = await openApp(browser);
  await openClinic(page);
  await pickSurvey(page, 'broken.xlsx', Buffer.from('PK\u0003\u0004 this is not really a zip archive'));
  await page.locator('.banner.error', { hasText: /^broken\.xlsx: the file is not a readable \.xlsx workbook/ }).waitFor();
  assert.equal(await page.getByLabel('Sheet of the workbook').count(), 0);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
