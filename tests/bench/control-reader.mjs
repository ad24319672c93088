// The benchmark's JavaScript control for the survey reader: what a careful web developer would
// write to turn the benchmark's export into the same histograms the import makes (answers per
// column, per month and segment). One pass over the bytes with a class table, field offsets kept
// in a typed array per row, numbers and months read from the bytes, nothing allocated per row.
// A measuring instrument, not product code: it knows the file's columns by name and reads
// year-first dates only.

const PLAIN = 0;
const SEPARATOR = 1;
const LINE_END = 2;
const QUOTE = 3;
const CLASS = new Uint8Array(256);
CLASS[44] = SEPARATOR; // ,
CLASS[10] = LINE_END;
CLASS[13] = LINE_END;
CLASS[34] = QUOTE;

/**
 * Reads `bytes` (UTF-8 CSV with a header row naming `date`, `segment` and the answer columns);
 * answers from 0 to 10 are counted. Returns the counts as { periods, segments, counts } with
 * counts[((period * segments + segment) * columns + column) * 11 + value].
 */
export function controlRead(bytes, answerColumns) {
  const starts = new Int32Array(1024);
  const ends = new Int32Array(1024);
  const segments = [];
  const periods = [];
  let counts = new Uint32Array(0);
  let dateAt = -1;
  let segmentAt = -1;
  let answerAt = null;
  let header = true;
  let i = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const n = bytes.length;
  const text = (f) => new TextDecoder().decode(bytes.subarray(starts[f], ends[f]));
  let laidOut = { periods: 0, segments: 0 };
  // The counts laid out anew for one more period or segment, keeping what was counted: a
  // handful of times per file.
  const relay = () => {
    const columns = answerColumns.length;
    const next = new Uint32Array(periods.length * segments.length * columns * 11);
    for (let p = 0; p < laidOut.periods; p++) {
      for (let s = 0; s < laidOut.segments; s++) {
        const from = (p * laidOut.segments + s) * columns * 11;
        next.set(counts.subarray(from, from + columns * 11), (p * segments.length + s) * columns * 11);
      }
    }
    laidOut = { periods: periods.length, segments: segments.length };
    counts = next;
  };
  const index = new Map();
  while (i < n) {
    let field = 0;
    starts[0] = i;
    // One record: fields end at a separator or a line end outside quotes.
    for (;;) {
      const c = i < n ? CLASS[bytes[i]] : LINE_END;
      if (c === PLAIN) { i++; continue; }
      if (c === QUOTE) {
        i++;
        while (i < n && !(bytes[i] === 34 && bytes[i + 1] !== 34)) i += bytes[i] === 34 ? 2 : 1;
        i++;
        continue;
      }
      ends[field] = i;
      if (c === SEPARATOR) {
        i++;
        starts[++field] = i;
        continue;
      }
      if (i < n && bytes[i] === 13 && bytes[i + 1] === 10) i++;
      i++;
      break;
    }
    const fields = field + 1;
    if (header) {
      header = false;
      const names = Array.from({ length: fields }, (_, f) => text(f));
      dateAt = names.indexOf('date');
      segmentAt = names.indexOf('segment');
      answerAt = Int32Array.from(answerColumns, (name) => names.indexOf(name));
      continue;
    }
    // The period: year and month of a year-first date, as one number.
    const d = starts[dateAt];
    const year = (bytes[d] - 48) * 1000 + (bytes[d + 1] - 48) * 100 + (bytes[d + 2] - 48) * 10 + bytes[d + 3] - 48;
    const key = year * 100 + (bytes[d + 5] - 48) * 10 + bytes[d + 6] - 48;
    // The segment: its first byte and length pick it among the few seen so far.
    const s = starts[segmentAt];
    const length = ends[segmentAt] - s;
    const segmentKey = (bytes[s] << 16) | length;
    let period = index.get(key);
    let segment = index.get(-1 - segmentKey);
    if (period === undefined || segment === undefined) {
      if (period === undefined) { period = periods.length; periods.push(key); index.set(key, period); }
      if (segment === undefined) { segment = segments.length; segments.push(text(segmentAt)); index.set(-1 - segmentKey, segment); }
      relay();
    }
    const base = (period * segments.length + segment) * answerColumns.length;
    for (let q = 0; q < answerAt.length; q++) {
      const f = answerAt[q];
      const a = starts[f];
      const width = ends[f] - a;
      if (width === 0 || f >= fields) continue;
      const value = width === 1 ? bytes[a] - 48 : (bytes[a] - 48) * 10 + bytes[a + 1] - 48;
      if (value >= 0 && value <= 10) counts[(base + q) * 11 + value]++;
    }
  }
  return { periods, segments, counts };
}
