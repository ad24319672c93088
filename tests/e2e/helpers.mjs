// Shared set-up for the end-to-end tests: one headless Chromium, a fresh context per test, and
// helpers that wait for what they check instead of sleeping.
import { mkdirSync, readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';

export const BASE_URL = process.env.BASE_URL ?? 'http://127.0.0.1:8080/';
export const OUTPUT = new URL('./output/', import.meta.url).pathname;
mkdirSync(OUTPUT, { recursive: true });

const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];

export async function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** A page on the app in a fresh profile, collecting errors so tests can assert there were none. */
export async function openApp(browser, { viewport = { width: 1440, height: 900 }, hash = '', init } = {}) {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  await context.addInitScript(recordCspViolations);
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  page.on('console', (m) => { if (process.env.DBG) console.log(m.type(), m.text()); if (m.type() === 'error') page.errors.push(m.text()); });
  await page.goto(BASE_URL + hash);
  await page.locator('.app-header').waitFor();
  return page;
}

/** Creates a map from the template with this slug and waits for its grid. */
export async function createFromTemplate(page, slug) {
  await page.click(`[data-template="${slug}"]`);
  await page.locator('.journey-grid:not([aria-busy])').waitFor();
}

/** On the four-stage template: a card "Compares two plans" added to Actions in Decision, the
 * first stage renamed "Discovery", and the first persona's feeling at Decision set to +2. */
export async function editFourStage(page) {
  await page.getByRole('button', { name: 'Add card to Actions in Decision' }).click();
  await page.getByLabel('New card in Actions in Decision').fill('Compares two plans');
  await page.keyboard.press('Enter');
  await page.locator('.stage-name .inline-text').first().click();
  await page.getByLabel('Stage name', { exact: true }).fill('Discovery');
  await page.keyboard.press('Enter');
  await page.getByLabel('Feeling of Primary customer at Decision').selectOption('2');
}

export async function stageNames(page) {
  return page.locator('.stage-head .stage-name .inline-text').evaluateAll(
    (buttons) => buttons.map((b) => b.firstChild.textContent.trim()));
}

/** Every map the app has stored, parsed, keyed by id. */
export async function storedMaps(page) {
  return page.evaluate(() => {
    const maps = {};
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (key.startsWith('journeyscope:map:')) maps[key.slice(17)] = JSON.parse(localStorage.getItem(key)).map;
    }
    return maps;
  });
}

/** Waits until autosave has written a map for which `check(map)` is true. The check runs here,
 * not in the page: the app's CSP forbids evaluating strings there, and the tests keep it on. */
export async function waitForStored(page, check, { timeout = 5000 } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    if (Object.values(await storedMaps(page)).some((map) => check(map))) return;
    if (Date.now() > deadline) throw new Error(`no stored map passed ${check} within ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Picks a file in the page's file input, as a user does in the file dialog. */
export const importFile = (page, name, text) => page.locator('input[type=file]').first().setInputFiles({
  name, mimeType: 'application/json', buffer: Buffer.from(text),
});

/** Opens the survey import from the score panel and picks a CSV file in it, as a user does. */
export async function pickSurvey(page, name, csv) {
  await page.getByRole('button', { name: 'Import survey answers…' }).click();
  const buffer = Buffer.isBuffer(csv) ? csv : Buffer.from(csv);
  await page.locator('.survey-import input[type=file]').setInputFiles({ name, mimeType: 'text/csv', buffer });
}

/** A map file with one measured touchpoint answered in each of `periods`. */
export function mapWithPeriods(id, name, periods) {
  const map = {
    id, name, description: '', created: 1, updated: 1,
    stages: [{ id: 2, name: 'Buy' }],
    lanes: [{ id: 3, kind: 'touchpoints', title: 'Touchpoints' }],
    personas: [{ id: 1, name: 'Customer', description: '', emotions: [] }],
    cards: [{ id: 4, lane: 3, stage: 2, text: 'Checkout', measure: { metric: { kind: 'mean', min: 1, max: 5 } } }],
    scoring: { evidence: periods.map((period) => ({ card: 4, period, answers: { min: 1, counts: [1, 2, 3, 4, 5] } })) },
  };
  return JSON.stringify({ format: 'journeyscope-map', schema: 3, map });
}

/**
 * A schema-5 map file with `count` saved versions, written here by hand: the newest whole, each
 * older one a delta that keeps every stage, lane, persona and card and differs only in its name.
 */
export function mapWithVersions(id, name, count) {
  const map = JSON.parse(mapWithPeriods(id, name, [])).map;
  delete map.scoring;
  const kept = (list) => ({ same: [[0, 0, list.length]] });
  map.versions = Array.from({ length: count }, (_, i) => ({
    number: i + 1,
    name: `Draft ${i + 1}`,
    saved: 1000 * (i + 1),
    content: i === count - 1
      ? { full: { ...map, versions: undefined, name: `${name} ${i + 1}` } }
      : {
        delta: {
          name: `${name} ${i + 1}`, updated: 1,
          stages: kept(map.stages), lanes: kept(map.lanes), personas: kept(map.personas), cards: kept(map.cards),
        },
      },
  }));
  return JSON.stringify({ format: 'journeyscope-map', schema: 5, map });
}

/** An init script: every frame keeps the Content-Security-Policy violations it reports. */
export function recordCspViolations() {
  window.cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.cspViolations.push(`${location.origin} ${e.effectiveDirective} blocked ${e.blockedURI || 'inline code'}`);
  });
}

/** Content-Security-Policy violations the page reported, recorded by `openApp`. */
export const cspViolations = (page) => page.evaluate(() => window.cspViolations ?? []);

/** Clicks and returns the download's file name and text. */
export async function downloadFrom(page, click) {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

/** Presses Tab (Shift+Tab with `back`) until the focused element matches `selector`. */
export async function tabTo(page, selector, { back = false, limit = 80 } = {}) {
  for (let i = 0; i < limit; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

export async function axeViolations(page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target.join(' ')} — ${v.help}`);
}

export async function screenshot(page, name) {
  await page.screenshot({ path: `${OUTPUT}${name}.png`, fullPage: true });
}

const FIXTURES = new URL('../../crates/journey-core/tests/fixtures/surveys/', import.meta.url);
/** A survey fixture: its CSV and the scores it is expected to give. */
export const fixture = (name) => ({
  csv: readFileSync(new URL(`${name}.csv`, FIXTURES), 'utf8'),
  expected: JSON.parse(readFileSync(new URL(`${name}.expected.json`, FIXTURES), 'utf8')),
});

/** A map laid out as a fixture's scenario says, written as a map file a user could import; with
 * `personas` given, a feelings lane too. */
export function scenarioMap(name, scenario, personas) {
  let next = 1;
  const id = () => ++next;
  const lane = { id: id(), kind: 'touchpoints', title: 'Touchpoints' };
  const stages = [];
  const cards = [];
  for (const s of scenario.stages) {
    const stage = { id: id(), name: s.name, weight: s.weight };
    stages.push(stage);
    for (const t of s.touchpoints) {
      cards.push({ id: id(), lane: lane.id, stage: stage.id, text: t.name, channel: 'web', measure: { metric: t.metric, weight: t.weight } });
    }
  }
  const map = {
    id: `fixture-${name}`, name: `Fixture ${name}`, description: '', created: 1, updated: 1,
    stages, lanes: personas ? [lane, { id: 999, kind: 'feelings', title: 'Feelings' }] : [lane],
    personas: personas ?? [{ id: 1, name: 'Customer', description: '', emotions: [] }], cards,
  };
  return JSON.stringify({ format: 'journeyscope-map', schema: 2, map });
}
