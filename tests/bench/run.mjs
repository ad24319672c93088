// Journeyscope's benchmark: sizes, first render, editing a big map, autosave, a million-row survey
// import, rescoring and memory, measured in headless Chromium against the served release build.
// Prints one table with the median and p95 of every figure against its budget, and writes
// target/bench/results.json. Not a test: nothing fails when a budget is missed.
//   BASE_URL=http://127.0.0.1:8080/ node tests/bench/run.mjs [--quick]
// --quick uses small inputs and two runs, only to prove the command works (CI runs it so).
// While profiling one part: --runs=N sets the number of runs, --only=edit or --only=import keeps
// only the big-map figures or only the survey import and rescore.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { brotliCompressSync, constants, deflateSync, gzipSync } from 'node:zlib';
import { loaderOf } from '../../scripts/inline-loader.mjs';
import { launch } from '../e2e/helpers.mjs';
import { controlRead } from './control-reader.mjs';
import { bigMap, measuredMap, wideCsv } from './inputs.mjs';

const quick = process.argv.includes('--quick');
const BASE_URL = process.env.BASE_URL ?? 'http://127.0.0.1:8080/';
const DIST = process.env.DIST_DIR ?? new URL('../../dist/', import.meta.url).pathname;
const option = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const RUNS = Number(option('runs') ?? (quick ? 2 : 10));
const ONLY = option('only');
const ROWS = quick ? 10_000 : 1_000_000;
const SHAPE = quick ? { stages: 8, lanes: 5, cards: 5 } : { stages: 40, lanes: 10, cards: 5 };
const CARDS = SHAPE.stages * SHAPE.lanes * SHAPE.cards;

const results = [];
/** Records one figure: its samples, and the budget its median is held to (if any). */
function record(name, unit, samples, budget = null) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  results.push({ name, unit, median: at(0.5), p95: at(0.95), runs: samples.length, budget });
}

// Sizes of what a visit downloads: a frame showing a map on another site and a share link's
// read-only page run the embed module; every other route runs the app. Both start from the same
// loader, inline in index.html.
const files = readdirSync(DIST);
const named = (pattern) => files.filter((f) => pattern.test(f));
const loader = loaderOf(readFileSync(`${DIST}index.html`, 'utf8'));
const modules = {
  'embed module': [named(/^journeyscope-embed-[0-9a-f]{8,16}(_bg)?\.(wasm|js)$/), 200 * 1024],
  app: [named(/^journeyscope-[0-9a-f]{8,16}(_bg)?\.(wasm|js)$/), 400 * 1024],
};
const css = files.filter((f) => f.endsWith('.css'));
/** Sizes of the files with these names, and of these texts. */
const sizes = (names, texts = []) => {
  const joined = [...names.map((f) => readFileSync(`${DIST}${f}`)), ...texts.map((t) => Buffer.from(t))];
  return {
    raw: joined.reduce((n, b) => n + b.length, 0),
    gzip: joined.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0),
    brotli: joined.reduce((n, b) => n + brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length, 0),
  };
};
for (const [module, [names, budget]] of Object.entries(modules)) {
  const wasm = sizes(names.filter((f) => f.endsWith('.wasm')));
  const js = sizes(names.filter((f) => f.endsWith('.js')), [loader]);
  for (const [what, size] of [['wasm', wasm], ['JS', js]]) {
    record(`${module}: ${what} raw`, 'bytes', [size.raw]);
    record(`${module}: ${what} gzip`, 'bytes', [size.gzip]);
    record(`${module}: ${what} brotli`, 'bytes', [size.brotli]);
  }
  record(`${module}: wasm + JS gzip`, 'bytes', [wasm.gzip + js.gzip], budget);
}
const style = sizes(css);
record('CSS raw', 'bytes', [style.raw]);
record('CSS gzip', 'bytes', [style.gzip]);
record('CSS brotli', 'bytes', [style.brotli]);

// In every page: when the library and the map first show (the frame after they are in the DOM),
// the next paint after a chosen event, each save's User Timing entry, and the wasm memory.
function probes() {
  window.benchVisible = {};
  const watch = [['library', 'section.library'], ['map', '.journey-grid li.card']];
  new MutationObserver(() => {
    for (const [name, selector] of watch) {
      if (window.benchVisible[name] === undefined && document.querySelector(selector)) {
        window.benchVisible[name] = null;
        requestAnimationFrame(() => setTimeout(() => { window.benchVisible[name] = performance.now(); }));
      }
    }
  }).observe(document, { childList: true, subtree: true });
  window.benchArm = (type) => {
    window.benchPending = new Promise((resolve) => {
      addEventListener(type, (event) => {
        const start = event.timeStamp;
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start)));
      }, { capture: true, once: true });
    });
  };
  addEventListener('journeyscope:started', (e) => { window.benchWasm = e.detail.memory; });
}

async function page(browser, { map } = {}) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addInitScript(probes);
  if (map) {
    await context.addInitScript(([key, value]) => {
      if (!localStorage.getItem(key)) localStorage.setItem(key, value);
    }, [`journeyscope:map:${map.id}`, map.text]);
  }
  const tab = await context.newPage();
  tab.cdp = await context.newCDPSession(tab);
  return tab;
}

/** Polls `read` in the page from here (the app's CSP forbids string evaluation there) until it
 * gives a value that is not null or undefined. */
async function until(tab, read, arg) {
  for (;;) {
    const value = await tab.evaluate(read, arg);
    if (value !== null && value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const visible = (tab, name) => until(tab, (n) => window.benchVisible[n], name);

/** Arms the paint probe for `type`, does `act`, and returns event → next paint in ms. */
async function toPaint(tab, type, act) {
  await tab.evaluate((t) => window.benchArm(t), type);
  await act();
  return tab.evaluate(() => window.benchPending);
}

async function memory(tab) {
  const heap = await tab.cdp.send('Runtime.getHeapUsage');
  const wasmBytes = await tab.evaluate(() => window.benchWasm?.buffer.byteLength ?? 0);
  return { js: heap.usedSize, wasm: wasmBytes };
}

const big = { id: 'big', text: bigMap(SHAPE) };
// A 100-card map in an embed frame, as a page embedding it would show it, and behind a share link:
// the address fragment carries the map file, zlib-deflated and base64url-encoded, as share links
// and journey-map.js do.
const embedded = (() => {
  // A file carries no storage revision.
  const { revision, ...file } = JSON.parse(bigMap({ stages: 10, lanes: 5, cards: 2 }));
  return `j1.${deflateSync(JSON.stringify(file)).toString('base64url')}`;
})();
const browser = await launch();
const samples = {};
const add = (name, value) => { (samples[name] ??= []).push(value); };
try {
  // First visits: the library, and what it transferred (from the page's own resource timing, so
  // no network instrumentation slows the load being timed). They run one after another, before
  // any big map: a first visit timed just after a 2,000-card tab closed was up to 80 ms slower.
  for (let run = 0; run < (ONLY === 'import' ? 0 : RUNS); run++) {
    const first = await page(browser);
    await first.goto(BASE_URL);
    add('library visible', await visible(first, 'library'));
    await first.waitForLoadState('networkidle');
    add('first load transferred', await first.evaluate(() => performance.getEntriesByType('navigation')
      .concat(performance.getEntriesByType('resource')).reduce((n, e) => n + e.transferSize, 0)));
    await first.context().close();

    const frame = await page(browser);
    await frame.goto(`${BASE_URL}#/embed/${embedded}`);
    add('embed frame visible (100-card map)', await visible(frame, 'map'));
    await frame.context().close();

    const link = await page(browser);
    await link.goto(`${BASE_URL}#/view/${embedded}`);
    add('share link visible (100-card map)', await visible(link, 'map'));
    await link.context().close();
  }

  for (let run = 0; run < (ONLY === 'import' ? 0 : RUNS); run++) {
    // The big map, from localStorage.
    const tab = await page(browser, { map: big });
    await tab.goto(`${BASE_URL}#/map/big`);
    add(`${CARDS}-card map visible`, await visible(tab, 'map'));
    // The editing figures are for the whole map: the grid adds stages after its first screen.
    await until(tab, (n) => document.querySelectorAll('.journey-grid li.card').length >= n || null, CARDS);
    const afterLoad = await memory(tab);
    add('JS heap after the big map', afterLoad.js);
    add('wasm memory after the big map', afterLoad.wasm);

    // CSS selectors: Playwright's role and label engines take seconds on a DOM this size.
    await tab.locator('button[aria-label^="Edit card: "]').first().click();
    await tab.locator('.card-form textarea').first().focus();
    // The first key after focusing a field costs more (the browser sets up editing); typing is
    // the keys after it, each a sample.
    add('first keystroke in a card → paint', await toPaint(tab, 'keydown', () => tab.keyboard.press('x')));
    const savesBefore = await tab.evaluate(() => performance.getEntriesByName('journeyscope:save-write').length);
    for (let i = 0; i < 10; i++) {
      add('keystroke → paint (card text)', await toPaint(tab, 'keydown', () => tab.keyboard.press('y')));
    }
    add('saves while typing 10 keys', await tab.evaluate((n) => performance.getEntriesByName('journeyscope:save-write').length - n, savesBefore));
    await tab.locator('.card-form button[type=submit]').click();

    await tab.locator('button[aria-label^="Add card to "]').first().click();
    await tab.keyboard.type('A new card');
    add('add a card → paint', await toPaint(tab, 'keydown', () => tab.keyboard.press('Enter')));
    await tab.keyboard.press('Escape');
    add('move a stage → paint', await toPaint(tab, 'click',
      () => tab.locator('button[aria-label="Move stage Stage 1 right"]').click()));
    add('undo → paint', await toPaint(tab, 'click', () => tab.locator('.toolbar button[title^="Undo"]').click()));
    // A save is two tasks: the map made into JSON, then the revision check and the write.
    const steps = await until(tab, () => {
      const of = (name) => performance.getEntriesByName(name).map((e) => e.duration);
      const [prepare, write] = [of('journeyscope:save-prepare'), of('journeyscope:save-write')];
      return prepare.length > 0 && write.length > 0 ? { prepare, write } : null;
    });
    add(`autosave of the ${CARDS}-card map: JSON`, Math.max(...steps.prepare));
    add(`autosave of the ${CARDS}-card map: write`, Math.max(...steps.write));
    add(`autosave of the ${CARDS}-card map: longest task`, Math.max(...steps.prepare, ...steps.write));
    await tab.context().close();
  }

  // The survey import and a rescore after a weight change, on a measured map with a loyalty
  // question.
  const csv = ONLY === 'edit' ? null : Buffer.from(wideCsv(ROWS, 7));
  // The JavaScript control reads the same bytes in a page of its own (the app's policy allows no
  // code from a string), once to warm up and once timed, and in Node.
  const control = ONLY === 'edit' ? null : await browser.newPage();
  if (control) {
    const source = readFileSync(new URL('./control-reader.mjs', import.meta.url), 'utf8').replace(/^export /m, '');
    await control.evaluate(([code, text]) => {
      window.controlRead = new Function(`${code}\nreturn controlRead;`)();
      window.controlBytes = new TextEncoder().encode(text);
    }, [source, csv.toString('utf8')]);
  }
  const columns = ['q1', 'q2', 'q3', 'q4', 'q5', 'q6'];
  for (let run = 0; run < (ONLY === 'edit' ? 0 : RUNS); run++) {
    add(`JavaScript control: read ${ROWS.toLocaleString('en')} rows, browser`, await control.evaluate((c) => {
      window.controlRead(window.controlBytes, c);
      const start = performance.now();
      window.controlRead(window.controlBytes, c);
      return performance.now() - start;
    }, columns));
    controlRead(csv, columns);
    const controlStart = performance.now();
    controlRead(csv, columns);
    add(`JavaScript control: read ${ROWS.toLocaleString('en')} rows, Node`, performance.now() - controlStart);

    const tab = await page(browser, { map: { id: 'bench', text: measuredMap() } });
    await tab.goto(`${BASE_URL}#/map/bench`);
    await tab.getByRole('button', { name: 'Import survey answers…' }).click();
    await tab.locator('.survey-import input[type=file]').setInputFiles({ name: 'bench.csv', mimeType: 'text/csv', buffer: csv });
    await tab.getByLabel('Segment or persona column').selectOption('segment');
    // First the answers alone, the same work as the JavaScript control: histograms by month and
    // segment.
    const report = tab.getByRole('region', { name: 'Import report' });
    const histogramsStart = performance.now();
    await tab.getByRole('button', { name: 'Read the file' }).click();
    await report.waitFor({ timeout: 120_000 });
    add(`import ${ROWS.toLocaleString('en')} rows, answers only`, performance.now() - histogramsStart);
    await tab.getByRole('button', { name: 'Change mapping' }).click();
    // q6 is also the loyalty question, so the rescore below recomputes the loyalty link and the
    // key drivers from the respondents' sums too.
    await tab.getByLabel('Loyalty question (NPS or rating)').selectOption('q6');
    const read = tab.getByRole('button', { name: 'Read the file' });
    const start = performance.now();
    await read.click();
    await tab.getByRole('region', { name: 'Import report' }).waitFor({ timeout: 120_000 });
    const took = performance.now() - start;
    add(`import ${ROWS.toLocaleString('en')} rows`, took);
    add('import rows/s', ROWS / (took / 1000));
    const afterImport = await memory(tab);
    add('JS heap after the import', afterImport.js);
    add('wasm memory after the import', afterImport.wasm);
    await tab.getByRole('button', { name: 'Import answers' }).click();
    await tab.locator('.journey-score .score-value').waitFor();
    await tab.getByText('Weights and thresholds').click();
    const weight = tab.getByLabel('Stage 3', { exact: true });
    await weight.fill('2');
    add('weight change → rescored paint', await toPaint(tab, 'change', () => weight.press('Tab')));
    await tab.context().close();
  }
} finally {
  await browser.close();
}
// The reader against its control, in MB/s of the same file: ours in the app (from "Read the file"
// to the report, the file already decoded) and the control in a page of the same browser.
const csvBytes = ONLY === 'edit' ? 0 : Buffer.byteLength(wideCsv(ROWS, 7));

const BUDGETS = {
  'library visible': 150,
  [`${CARDS}-card map visible`]: 400,
  'keystroke → paint (card text)': 16,
  'add a card → paint': 50,
  'move a stage → paint': 50,
  'undo → paint': 50,
  [`autosave of the ${CARDS}-card map: longest task`]: 4,
  [`import ${ROWS.toLocaleString('en')} rows`]: 2000,
  'weight change → rescored paint': 16,
};
const UNITS = { transferred: 'bytes', heap: 'bytes', memory: 'bytes', 'rows/s': 'rows/s', saves: 'count' };
for (const [name, values] of Object.entries(samples)) {
  const unit = Object.entries(UNITS).find(([word]) => name.includes(word))?.[1] ?? 'ms';
  record(name, unit, values, BUDGETS[name] ?? null);
}

// The native criterion benchmarks of the domain crate, when `cargo bench` ran before this.
const CRITERION = new URL('../../target/criterion/', import.meta.url).pathname;
function nativeResults(dir = CRITERION) {
  let entries;
  try { entries = readdirSync(dir, { withFileTypes: true }); } catch { return; }
  for (const entry of entries.filter((e) => e.isDirectory() && e.name !== 'report')) {
    const path = `${dir}${entry.name}/`;
    try {
      const { full_id: id } = JSON.parse(readFileSync(`${path}new/benchmark.json`, 'utf8'));
      const { median } = JSON.parse(readFileSync(`${path}new/estimates.json`, 'utf8'));
      const ms = median.point_estimate / 1e6;
      results.push({ name: `native: ${id}`, unit: 'ms', median: ms, p95: null, runs: null, budget: null });
    } catch {
      nativeResults(path);
    }
  }
}
if (!quick) nativeResults();

// Throughput of the survey reader and of its JavaScript control on the same file, and their
// ratio (above 1: ours is faster), in the browser and natively (ours under criterion, the
// control in Node).
const median = (name) => results.find((r) => r.name === name)?.median;
const rows = ROWS.toLocaleString('en');
const throughput = (label, ours, theirs) => {
  if (ours === undefined || theirs === undefined) return;
  const mbps = (ms) => csvBytes / 1e6 / (ms / 1000);
  const derived = { p95: null, runs: 'derived' };
  results.push({ name: `survey reader, ${label}: ours`, unit: 'MB/s', median: mbps(ours), budget: null, ...derived });
  results.push({ name: `survey reader, ${label}: JavaScript control`, unit: 'MB/s', median: mbps(theirs), budget: null, ...derived });
  results.push({ name: `survey reader, ${label}: ours ÷ control`, unit: '×', median: theirs / ours, budget: 1, ...derived });
};
throughput('browser', median(`import ${rows} rows, answers only`), median(`JavaScript control: read ${rows} rows, browser`));
throughput('native', median('native: survey import, 1,000,000 wide rows/parse and aggregate (bytes/s)'), median(`JavaScript control: read ${rows} rows, Node`));

const show = (value, unit) => {
  if (value === null) return '';
  if (unit === 'bytes') return value >= 1e6 ? `${(value / 1048576).toFixed(1)} MiB` : `${(value / 1024).toFixed(1)} KiB`;
  if (unit === 'ms') return value < 0.1 ? `${(value * 1000).toFixed(2)} µs` : `${value.toFixed(1)} ms`;
  if (unit === 'rows/s') return `${Math.round(value).toLocaleString('en')}/s`;
  if (unit === 'MB/s') return `${value.toFixed(0)} MB/s`;
  if (unit === '×') return `${value.toFixed(2)}×`;
  return String(value);
};
const table = results.map((r) => ({
  figure: r.name,
  median: show(r.median, r.unit),
  p95: show(r.p95, r.unit),
  runs: r.runs ?? 'criterion',
  budget: r.budget === null ? '' : show(r.budget, r.unit),
  ok: r.budget === null ? '' : (['rows/s', '×'].includes(r.unit) ? r.median >= r.budget : r.median <= r.budget) ? 'yes' : 'MISSED',
}));
console.log(`Journeyscope benchmark${quick ? ' (quick)' : ''}: ${cpus().length} × ${cpus()[0]?.model}, ` +
  `${Math.round(totalmem() / 2 ** 30)} GiB, ${new Date().toISOString().slice(0, 10)}`);
console.table(table);
mkdirSync(new URL('../../target/bench/', import.meta.url), { recursive: true });
writeFileSync(new URL('../../target/bench/results.json', import.meta.url), JSON.stringify({
  date: new Date().toISOString(), quick, machine: { cpus: cpus().length, model: cpus()[0]?.model, memory: totalmem() },
  results,
}, null, 2));
