// Browser measurement of a 1,000,000-row survey import, against the release build:
//   BASE_URL=http://127.0.0.1:8080/ node tests/bench/import.mjs [rows] [runs]
// The survey comes from the same seeded generator as the native benchmark
// (crates/journey-core/benches/domain.rs), so the two figures describe the same file.
import { performance } from 'node:perf_hooks';
import { launch, openApp } from '../e2e/helpers.mjs';

const rows = Number(process.argv[2] ?? 1_000_000);
const runs = Number(process.argv[3] ?? 5);

/** xorshift64*, as in the native benchmark. */
function seeded(seed) {
  let state = BigInt(seed);
  const mask = (1n << 64n) - 1n;
  return (n) => {
    state ^= state >> 12n;
    state ^= (state << 25n) & mask;
    state ^= state >> 27n;
    return Number(((state * 0x2545F4914F6CDD1Dn) & mask) % BigInt(n));
  };
}

function wideCsv(count, seed) {
  const below = seeded(seed);
  const lines = ['date,segment,q1,q2,q3,q4,q5,q6'];
  for (let r = 0; r < count; r++) {
    const month = String(1 + below(6)).padStart(2, '0');
    const day = String(1 + below(28)).padStart(2, '0');
    const cells = [`2026-${month}-${day}`, below(2) === 0 ? 'New' : 'Returning'];
    for (let q = 0; q < 6; q++) cells.push(below(20) !== 0 ? String(q === 5 ? below(11) : 1 + below(5)) : '');
    lines.push(cells.join(','));
  }
  return lines.join('\n') + '\n';
}

function measuredMap() {
  const stages = [];
  const cards = [];
  let id = 2;
  for (let s = 0; s < 6; s++) {
    const stage = { id: ++id, name: `Stage ${s + 1}` };
    stages.push(stage);
    const metric = s === 5 ? { kind: 'nps', min: 0, max: 10 } : { kind: 'mean', min: 1, max: 5 };
    cards.push({ id: ++id, lane: 2, stage: stage.id, text: `q${s + 1}`, channel: 'web', measure: { metric } });
  }
  const map = {
    id: 'bench', name: 'Bench', description: '', created: 1, updated: 1, stages,
    lanes: [{ id: 2, kind: 'touchpoints', title: 'Touchpoints' }],
    personas: [{ id: 1, name: 'Customer', description: '', emotions: [] }], cards,
  };
  return JSON.stringify({ format: 'journeyscope-map', schema: 2, map });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const csv = Buffer.from(wideCsv(rows, 7));
const browser = await launch();
const times = [];
for (let run = 0; run < runs; run++) {
  const page = await openApp(browser);
  await page.locator('input[type=file]').setInputFiles({ name: 'bench.journey.json', mimeType: 'application/json', buffer: Buffer.from(measuredMap()) });
  await page.getByRole('button', { name: 'Open Bench' }).click();
  await page.locator('.survey-import input[type=file]').setInputFiles({ name: 'bench.csv', mimeType: 'text/csv', buffer: csv });
  await page.getByLabel('Segment or persona column').selectOption('segment');
  const read = page.getByRole('button', { name: 'Read the file' });
  await read.waitFor();
  const start = performance.now();
  await read.click();
  await page.getByRole('region', { name: 'Import report' }).waitFor({ timeout: 120_000 });
  times.push(performance.now() - start);
  await page.context().close();
}
await browser.close();
const ms = median(times);
console.log(`browser import of ${rows} rows (${(csv.length / 1048576).toFixed(1)} MiB), ${runs} runs:`);
console.log(`  median ${ms.toFixed(0)} ms, ${Math.round(rows / (ms / 1000))} rows/s; all: ${times.map((t) => t.toFixed(0)).join(', ')} ms`);
