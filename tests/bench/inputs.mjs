// Seeded inputs for the browser benchmark, made the same way as the native one
// (crates/journey-core/benches/domain.rs), so the figures describe the same data.

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

/** A wide survey export: date, segment, then six answer columns, about one blank in twenty. */
export function wideCsv(count, seed) {
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

/** Six stages with one measured touchpoint each (q1–q5 CSAT 1–5, q6 NPS), stored as id "bench". */
export function measuredMap() {
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
  return stored(map);
}

/** A map as the app stores it: the file format's document, saved once (revision before the map). */
function stored(map) {
  return JSON.stringify({ format: 'journeyscope-map', schema: 3, revision: 1, map });
}

const KINDS = ['touchpoints', 'actions', 'thoughts', 'pain_points', 'opportunities', 'frontstage', 'backstage', 'support', 'custom', 'custom'];

/** A big map stored as id "big": `stages` × `lanes` cells of `cards` cards, seeded text. */
export function bigMap({ stages, lanes, cards }) {
  const below = seeded(11);
  let id = 1;
  const map = {
    id: 'big', name: 'Big map', description: '', created: 1, updated: 1,
    stages: Array.from({ length: stages }, (_, s) => ({ id: ++id, name: `Stage ${s + 1}` })),
    lanes: Array.from({ length: lanes }, (_, l) => ({ id: ++id, kind: KINDS[l % KINDS.length], title: `Lane ${l + 1}` })),
    personas: [{ id: 1, name: 'Customer', description: '', emotions: [] }],
    cards: [],
  };
  for (const lane of map.lanes) {
    for (const stage of map.stages) {
      for (let c = 0; c < cards; c++) {
        const words = Array.from({ length: 3 + below(12) }, (_, w) => `word${(c + w) % 17}`);
        map.cards.push({ id: ++id, lane: lane.id, stage: stage.id, text: words.join(' ') });
      }
    }
  }
  return stored(map);
}
