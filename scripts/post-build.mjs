// Trunk post-build hook. Trunk builds the full app (src/main.rs); this builds the library module
// (src/bin/library.rs) and the embed module (src/bin/embed.rs) the same way, and writes the page's
// loader, scripts/boot.js, naming all three.
// The loader is a file named by its content hash, not an inline script, so the app runs under a
// Content-Security-Policy without 'unsafe-inline'; Trunk's build-time nonces are dropped too (a
// nonce that never changes protects nothing).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('TRUNK_STAGING_DIR is not set: run this as a Trunk hook');
const release = process.env.TRUNK_PROFILE === 'release';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const hashOf = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);
const run = (command, args) => execFileSync(command, args, { cwd: root, stdio: 'inherit' });

// A module built as Trunk builds the full app: cargo, wasm-bindgen, then wasm-opt.
function buildModule(bin) {
  run('cargo', ['build', '--locked', '--target', 'wasm32-unknown-unknown', '--bin', bin, ...(release ? ['--release'] : [])]);
  const built = join(root, 'target', 'wasm32-unknown-unknown', release ? 'release' : 'debug', `${bin}.wasm`);
  const out = mkdtempSync(join(tmpdir(), `${bin}-`));
  try {
    run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', out, built]);
    const wasm = join(out, `${bin}_bg.wasm`);
    if (release) {
      const features = ['bulk-memory', 'nontrapping-float-to-int', 'reference-types', 'sign-ext', 'mutable-globals'];
      run('wasm-opt', ['-Oz', ...features.map((f) => `--enable-${f}`), wasm, '-o', wasm]);
    }
    return { wasm: readFileSync(wasm), glue: readFileSync(join(out, `${bin}.js`)) };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

function placeModule(bin) {
  const { wasm, glue } = buildModule(bin);
  const files = { wasm: `${bin}-${hashOf(wasm)}_bg.wasm`, js: `${bin}-${hashOf(glue)}.js` };
  writeFileSync(join(dir, files.wasm), wasm);
  writeFileSync(join(dir, files.js), glue);
  return files;
}
const library = placeModule('journeyscope-library');
const embed = placeModule('journeyscope-embed');

// Trunk's inline loader names the full app's files; it is replaced by ours.
const page = join(dir, 'index.html');
let html = readFileSync(page, 'utf8');
const inline = /<script type="module"[^>]*>([\s\S]*?)<\/script>/;
const trunkLoader = html.match(inline)?.[1];
if (!trunkLoader) throw new Error('index.html has no inline module script to replace');
const full = {
  js: trunkLoader.match(/from '\.\/([^']+\.js)'/)?.[1],
  wasm: trunkLoader.match(/module_or_path: '\.\/([^']+\.wasm)'/)?.[1],
};
if (!full.js || !full.wasm) throw new Error("Trunk's loader no longer names the app's files as expected");
const fill = {
  __FULL_JS__: full.js,
  __FULL_WASM__: full.wasm,
  __LIBRARY_JS__: library.js,
  __LIBRARY_WASM__: library.wasm,
  __EMBED_JS__: embed.js,
  __EMBED_WASM__: embed.wasm,
};
let boot = readFileSync(join(root, 'scripts', 'boot.js'), 'utf8');
for (const [slot, name] of Object.entries(fill)) boot = boot.replace(slot, `./${name}`);
const bootName = `boot-${hashOf(boot)}.js`;
writeFileSync(join(dir, bootName), boot);

html = html
  .replace(inline, `<script type="module" src="./${bootName}"></script>`)
  // Trunk's preloads would fetch the full app on every visit, before anything else.
  .replace(/<link rel="(?:modulepreload|preload)"[^>]*>/g, '')
  .replace(/ nonce="[^"]*"/g, '');
writeFileSync(page, html);
